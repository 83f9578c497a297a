import { apiStreamRoute, routeMethods, streamOrJson } from "@/lib/api/route";
import { CHAT_BODY_LIMIT, jsonReply, regenerateRequestSchema } from "@/lib/chat/contract";
import { regenerateReply } from "@/lib/chat/service";

export const maxDuration = 90;

/** Writes the last reply again (Regenerate, or Retry after a stopped or failed reply). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiStreamRoute(
    { auth: "user", rateLimit: "chat", body: { schema: regenerateRequestSchema, maxBytes: CHAT_BODY_LIMIT, code: "validation:chat" } },
    async ({ request, user, body }) => {
      const reply = await regenerateReply({ ownerId: user.id, mode: body.mode, sessionId: body.session_id });
      return streamOrJson({ request, events: reply.events, onAbandon: reply.abort, json: async () => jsonReply((await reply.finished).message) });
    },
  ),
});
