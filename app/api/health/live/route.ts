// Liveness: the process answers. Constant on purpose: it is also the framework-ceiling baseline in bench/.
export function GET() {
  return Response.json({ status: "ok" });
}
