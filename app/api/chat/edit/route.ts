import { apiStreamRoute, routeMethods, streamOrJson } from "@/lib/api/route";
import { CHAT_BODY_LIMIT, editRequestSchema, jsonReply } from "@/lib/chat/contract";
import { regenerateReply } from "@/lib/chat/service";

export const maxDuration = 90;

/** Edits the last message the player sent; the messages after it go and the reply is written again. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiStreamRoute(
    { auth: "user", rateLimit: "chat", body: { schema: editRequestSchema, maxBytes: CHAT_BODY_LIMIT, code: "validation:chat" } },
    async ({ request, user, body }) => {
      const reply = await regenerateReply({ ownerId: user.id, mode: body.mode, sessionId: body.session_id, edit: { messageId: body.message_id, text: body.message } });
      return streamOrJson({ request, events: reply.events, onAbandon: reply.abort, json: async () => jsonReply((await reply.finished).message) });
    },
  ),
});
