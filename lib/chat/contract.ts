// The chat API's wire contract (POST /api/chat, GET /api/history and the reply controls), shared
// by the route handlers and the browser.
import { sessionIdSchema } from "@/lib/saves/contract";
import { int32, safeText, z } from "@/lib/zod";

export const CHAT_MESSAGE_MAX = 4000;
export const CHAT_BODY_LIMIT = 32 * 1024;
export const HISTORY_PAGE_MAX = 100;

export const CHAT_MODES = ["game", "story"] as const;
export type ChatMode = (typeof CHAT_MODES)[number];

export const CHAT_STATUSES = ["streaming", "complete", "interrupted", "error"] as const;
export type ChatMessageStatus = (typeof CHAT_STATUSES)[number];

/** What a person typed: any text up to the limit (line breaks allowed), not blank. */
export const chatTextSchema = safeText({ max: CHAT_MESSAGE_MAX, multiline: true }).refine((text) => text.trim().length > 0, "must not be empty");

const clientMessageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8–64 letters, digits, '-' or '_'");
const messageIdSchema = z.uuid();

const chatTarget = {
  session_id: sessionIdSchema,
  mode: z.enum(CHAT_MODES).default("game"),
};

export const chatRequestSchema = z.strictObject({
  ...chatTarget,
  message: chatTextSchema,
  /** The client's id for this message: sending it again (a retry) stores nothing new. */
  client_message_id: clientMessageIdSchema.optional(),
});
export type ChatRequest = z.input<typeof chatRequestSchema>;

/** Regenerate the last reply (also "Retry" after a stopped or failed one). */
export const regenerateRequestSchema = z.strictObject(chatTarget);

/** Edit the last message the player sent: later messages go, and the reply is written again. */
export const editRequestSchema = z.strictObject({ ...chatTarget, message_id: messageIdSchema, message: chatTextSchema });

/** Rewind the conversation to a message: everything after it goes. */
export const rewindRequestSchema = z.strictObject({ ...chatTarget, message_id: messageIdSchema });

export const historyQuerySchema = z.strictObject({
  ...chatTarget,
  /** The `next_cursor` of the previous page: messages older than it. */
  cursor: z.coerce.number().pipe(int32({ min: 1 })).optional(),
  limit: z.coerce.number().pipe(int32({ min: 1, max: HISTORY_PAGE_MAX })).default(30),
});
export type HistoryQuery = z.input<typeof historyQuerySchema>;

/** A game effect a reply applied (or that the rules refused), as the chat shows it. */
export type ChatEffect = { text: string; applied: boolean };

export type ChatMessage = {
  id: string;
  seq: number;
  /** `event`: something that happened, not said (an interview moving to another chapter). */
  role: "user" | "assistant" | "event";
  content: string;
  status: ChatMessageStatus;
  error_code: string | null;
  effects: ChatEffect[];
  /** The interview phase it belongs to (Life Story chats only). */
  phase: string | null;
  created_at: string;
  updated_at: string;
};

/** A page of history, newest last; `next_cursor` fetches older messages (null: the start). */
export type ChatHistory = { session_id: string; mode: ChatMode; messages: ChatMessage[]; next_cursor: number | null };

/** The answer without streaming (`Accept` without text/event-stream), as the seed's clients read it. */
export type ChatJsonReply = { response: string; message_id: string; status: ChatMessageStatus; effects: ChatEffect[] };

// Server-Sent Events of a streamed reply, in order: `message` (the stored message it answers and
// the reply's id), `delta`*, `effect`* (game) or `themes` (interview), then `done`, or `error`
// (the partial reply is kept, status `error`, and shown with Retry).
export type ChatStreamEvent =
  | { event: "message"; data: { user: ChatMessage; reply_id: string; event?: ChatMessage } }
  | { event: "delta"; data: { text: string } }
  | { event: "effect"; data: ChatEffect & { state_version: number | null } }
  | { event: "themes"; data: { covered: string[] } }
  | { event: "done"; data: { message_id: string; status: ChatMessageStatus; usage: { model: string; input_tokens: number; output_tokens: number } | null } }
  | { event: "error"; data: { code: string; message: string; request_id?: string } };

/** The JSON answer of a finished reply. */
export function jsonReply(message: ChatMessage): ChatJsonReply {
  return { response: message.content, message_id: message.id, status: message.status, effects: message.effects.filter((effect) => effect.applied) };
}
