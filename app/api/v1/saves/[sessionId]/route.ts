import { apiRoute } from "@/lib/api/http";
import { sessionIdFrom, type SessionRouteContext } from "@/lib/api/params";
import { requireUser } from "@/lib/auth/request-user";
import { deleteParty } from "@/lib/saves/service";

export const DELETE = apiRoute(async (request, context: SessionRouteContext) => {
  const user = await requireUser(request);
  const sessionId = await sessionIdFrom(context);
  await deleteParty({ ownerId: user.id, sessionId });
  return Response.json({ status: "deleted", session_id: sessionId });
});
