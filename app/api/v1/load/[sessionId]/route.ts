import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/http";
import { sessionIdFrom, type SessionRouteContext } from "@/lib/api/params";
import { requireUser } from "@/lib/auth/request-user";
import { loadGame } from "@/lib/saves/service";

export const GET = apiRoute(async (request, context: SessionRouteContext) => {
  const user = await requireUser(request);
  const saved = await loadGame({ ownerId: user.id, sessionId: await sessionIdFrom(context) });
  if (!saved) throw new ApiError("not_found:party");
  return Response.json(saved);
});
