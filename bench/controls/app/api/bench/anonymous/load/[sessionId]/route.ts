// Control: the load route without the session check. The owner comes from a header, so this
// must never be served by the app itself (bench/controls.sh builds it into a throwaway copy).
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/http";
import { sessionIdFrom, type SessionRouteContext } from "@/lib/api/params";
import { loadGame } from "@/lib/saves/service";

export const GET = apiRoute(async (request, context: SessionRouteContext) => {
  const saved = await loadGame({ ownerId: request.headers.get("x-bench-owner") ?? "", sessionId: await sessionIdFrom(context) });
  if (!saved) throw new ApiError("not_found:party");
  return Response.json(saved);
});
