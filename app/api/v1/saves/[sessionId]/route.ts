import { apiRoute, routeMethods } from "@/lib/api/route";
import { deleteChat } from "@/lib/chat/service";
import { sessionParamsSchema } from "@/lib/saves/contract";
import { deleteParty } from "@/lib/saves/service";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  DELETE: apiRoute({ auth: "user", params: { schema: sessionParamsSchema, code: "validation:session_id" } }, async ({ user, params }) => {
    await deleteParty({ ownerId: user.id, sessionId: params.sessionId });
    await deleteChat({ ownerId: user.id, mode: "game", sessionId: params.sessionId });
    return { status: "deleted", session_id: params.sessionId };
  }),
});
