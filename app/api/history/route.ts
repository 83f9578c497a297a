import { apiRoute, routeMethods } from "@/lib/api/route";
import { historyQuerySchema } from "@/lib/chat/contract";
import { listHistory } from "@/lib/chat/service";

/** The conversation of a session, a page at a time (oldest first; `cursor` pages back). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: apiRoute({ auth: "user", query: { schema: historyQuerySchema, code: "validation:history" } }, async ({ user, query }) =>
    listHistory({ ownerId: user.id, mode: query.mode, sessionId: query.session_id, cursor: query.cursor, limit: query.limit }),
  ),
});
