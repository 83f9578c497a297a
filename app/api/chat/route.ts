import { apiStreamRoute, routeMethods, streamOrJson } from "@/lib/api/route";
import { CHAT_BODY_LIMIT, chatRequestSchema, jsonReply } from "@/lib/chat/contract";
import { sendMessage } from "@/lib/chat/service";

// Long enough for a slow model's whole reply (AI_REPLY_TIMEOUT_MS, 60 s by default) on Vercel.
export const maxDuration = 90;

/** Sends a message to the game master: the reply streams as Server-Sent Events, or comes whole as JSON. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiStreamRoute(
    { auth: "user", rateLimit: "chat", body: { schema: chatRequestSchema, maxBytes: CHAT_BODY_LIMIT, code: "validation:chat" } },
    async ({ request, user, body }) => {
      const reply = await sendMessage({ ownerId: user.id, mode: body.mode, sessionId: body.session_id, message: body.message, clientMessageId: body.client_message_id });
      return streamOrJson({ request, events: reply.events, onAbandon: reply.abort, json: async () => jsonReply((await reply.finished).message) });
    },
  ),
});
