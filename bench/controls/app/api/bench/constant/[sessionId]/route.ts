// Control: the load route's shape (GET with a dynamic segment) and the trivial route's body.
export function GET() {
  return Response.json({ status: "ok" });
}
