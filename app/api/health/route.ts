import { apiRoute, routeMethods } from "@/lib/api/route";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// Readiness: 503 while the database cannot answer (within its connect and statement timeouts).
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "none" }, async () => {
    const report = await checkHealth();
    return Response.json(report, { status: report.status === "ok" ? 200 : 503 });
  }),
});
