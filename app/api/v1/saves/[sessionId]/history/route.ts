import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/http";
import { sessionIdFrom, type SessionRouteContext } from "@/lib/api/params";
import { listSnapshots } from "@/lib/saves/service";

export const GET = apiRoute(async (_request, context: SessionRouteContext) => {
  const sessionId = await sessionIdFrom(context);
  const snapshots = await listSnapshots({ sessionId });
  if (!snapshots) throw new ApiError("not_found:party");
  return Response.json({ session_id: sessionId, snapshots });
});
