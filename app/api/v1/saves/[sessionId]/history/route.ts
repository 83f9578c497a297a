import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/http";
import { sessionIdFrom, type SessionRouteContext } from "@/lib/api/params";
import { requireUser } from "@/lib/auth/request-user";
import { listSnapshots } from "@/lib/saves/service";

export const GET = apiRoute(async (request, context: SessionRouteContext) => {
  const user = await requireUser(request);
  const sessionId = await sessionIdFrom(context);
  const snapshots = await listSnapshots({ ownerId: user.id, sessionId });
  if (!snapshots) throw new ApiError("not_found:party");
  return Response.json({ session_id: sessionId, snapshots });
});
