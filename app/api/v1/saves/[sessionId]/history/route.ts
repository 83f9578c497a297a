import { apiRoute, routeMethods } from "@/lib/api/route";
import { NotFoundError } from "@/lib/errors";
import { sessionParamsSchema, type SaveHistory } from "@/lib/saves/contract";
import { listSnapshots } from "@/lib/saves/service";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "user", params: { schema: sessionParamsSchema, code: "validation:session_id" } }, async ({ user, params }): Promise<SaveHistory> => {
    const snapshots = await listSnapshots({ ownerId: user.id, sessionId: params.sessionId });
    if (!snapshots) throw new NotFoundError("party");
    return { session_id: params.sessionId, snapshots };
  }),
});
