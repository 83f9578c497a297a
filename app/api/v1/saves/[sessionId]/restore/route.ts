import { apiRoute, routeMethods } from "@/lib/api/route";
import { RESTORE_BODY_LIMIT, restoreRequestSchema, sessionParamsSchema } from "@/lib/saves/contract";
import { restoreSnapshot } from "@/lib/saves/service";

// A rewind is a save: it counts against the same limit.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiRoute(
    {
      auth: "user",
      rateLimit: "save",
      params: { schema: sessionParamsSchema, code: "validation:session_id" },
      body: { schema: restoreRequestSchema, maxBytes: RESTORE_BODY_LIMIT, code: "validation:restore" },
    },
    async ({ user, params, body }) => restoreSnapshot({ ownerId: user.id, sessionId: params.sessionId, snapshotId: body.snapshot_id }),
  ),
});
