import { apiRoute, routeMethods } from "@/lib/api/route";
import { sessionParamsSchema } from "@/lib/saves/contract";
import { NotFoundError } from "@/lib/errors";
import { loadGame } from "@/lib/saves/service";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "user", params: { schema: sessionParamsSchema, code: "validation:session_id" } }, async ({ user, params }) => {
    const saved = await loadGame({ ownerId: user.id, sessionId: params.sessionId });
    if (!saved) throw new NotFoundError("party");
    return saved;
  }),
});
