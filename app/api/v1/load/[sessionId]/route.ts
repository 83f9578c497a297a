import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/http";
import { sessionIdFrom, type SessionRouteContext } from "@/lib/api/params";
import { loadGame } from "@/lib/saves/service";

export const GET = apiRoute(async (_request, context: SessionRouteContext) => {
  const saved = await loadGame({ sessionId: await sessionIdFrom(context) });
  if (!saved) throw new ApiError("not_found:party");
  return Response.json(saved);
});
