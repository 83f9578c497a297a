import { apiRoute, routeMethods } from "@/lib/api/route";
import { CHAT_BODY_LIMIT, rewindRequestSchema } from "@/lib/chat/contract";
import { rewindChat } from "@/lib/chat/service";

/** Rewinds the conversation to a message: everything after it is removed. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  POST: apiRoute({ auth: "user", body: { schema: rewindRequestSchema, maxBytes: CHAT_BODY_LIMIT, code: "validation:chat" } }, async ({ user, body }) => {
    const { removed } = await rewindChat({ ownerId: user.id, mode: body.mode, sessionId: body.session_id, messageId: body.message_id });
    return { status: "rewound", removed };
  }),
});
