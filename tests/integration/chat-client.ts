// Calls the chat routes as a browser would (SSE or JSON) and reads what the database kept.
import { EventSourceParserStream } from "eventsource-parser/stream";
import * as edit from "@/app/api/chat/edit/route";
import * as regenerate from "@/app/api/chat/regenerate/route";
import * as chat from "@/app/api/chat/route";
import * as rewind from "@/app/api/chat/rewind/route";
import * as history from "@/app/api/history/route";
import type { AiProvider } from "@/lib/ai";
import type { ChatHistory, ChatMode, ChatStreamEvent } from "@/lib/chat/contract";
import { getPrisma } from "@/lib/db/client";
import { request, toJson } from "./api";

const holder = globalThis as typeof globalThis & { taleshardAiProvider?: AiProvider };

/** Makes every route use `provider` until the returned function restores the previous one. */
export function useProvider(provider: AiProvider): () => void {
  const previous = holder.taleshardAiProvider;
  holder.taleshardAiProvider = provider;
  return () => {
    holder.taleshardAiProvider = previous;
  };
}

const ROUTES = { send: chat, regenerate, edit } as const;
const PATHS = { send: "/api/chat", regenerate: "/api/chat/regenerate", edit: "/api/chat/edit" } as const;

function chatRequest({ kind, body, headers, accept }: { kind: keyof typeof ROUTES; body: unknown; headers: Record<string, string>; accept: string }) {
  const json = JSON.stringify(body);
  return request(PATHS[kind], {
    method: "POST",
    body: json,
    headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(json)), accept },
  });
}

/** Opens a streamed reply: the response and an iterator over its events. */
export async function openStream({ kind = "send", body, headers }: { kind?: keyof typeof ROUTES; body: unknown; headers: Record<string, string> }) {
  const response = await ROUTES[kind].POST(chatRequest({ kind, body, headers, accept: "text/event-stream" }));
  const reader = response.ok ? response.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader() : null;
  return {
    response,
    /** The next event, or null at the end of the stream. */
    async next(): Promise<ChatStreamEvent | null> {
      for (;;) {
        const { value, done } = await reader!.read();
        if (done) return null;
        if (value.event) return { event: value.event, data: JSON.parse(value.data) } as ChatStreamEvent;
      }
    },
    /** The client leaves (as a closed tab or a Stop does). */
    cancel: () => reader!.cancel(),
  };
}

/** Every event of a streamed reply, until it ends. */
export async function streamAll({ kind = "send", body, headers }: { kind?: keyof typeof ROUTES; body: unknown; headers: Record<string, string> }) {
  const stream = await openStream({ kind, body, headers });
  const events: ChatStreamEvent[] = [];
  if (stream.response.ok) for (let event = await stream.next(); event; event = await stream.next()) events.push(event);
  return { status: stream.response.status, events, text: events.flatMap((event) => (event.event === "delta" ? [event.data.text] : [])).join("") };
}

/** The JSON answer of a client that does not accept event streams. */
export async function sendJson({ kind = "send", body, headers }: { kind?: keyof typeof ROUTES; body: unknown; headers: Record<string, string> }) {
  return toJson(await ROUTES[kind].POST(chatRequest({ kind, body, headers, accept: "application/json" })));
}

export async function getHistory({ sessionId, mode, headers, cursor, limit }: { sessionId: string; mode?: ChatMode; headers: Record<string, string>; cursor?: number; limit?: number }) {
  const query = new URLSearchParams({ session_id: sessionId, ...(mode ? { mode } : {}), ...(cursor ? { cursor: String(cursor) } : {}), ...(limit ? { limit: String(limit) } : {}) });
  return toJson<ChatHistory>(await history.GET(request(`/api/history?${query}`, { headers })));
}

export async function rewindTo({ sessionId, messageId, headers }: { sessionId: string; messageId: string; headers: Record<string, string> }) {
  const json = JSON.stringify({ session_id: sessionId, message_id: messageId });
  return toJson(await rewind.POST(request("/api/chat/rewind", { method: "POST", body: json, headers: { ...headers, "content-type": "application/json" } })));
}

/** The stored messages of a session's chat, as rows, oldest first. */
export async function storedMessages({ ownerId, sessionId }: { ownerId: string; sessionId: string }) {
  const prisma = await getPrisma();
  return prisma.chatMessage.findMany({ where: { chat: { ownerId, mode: "game", sessionId } }, orderBy: { seq: "asc" } });
}

/** Polls until `check` holds (the reply is stored in the background when the client left). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, { timeoutMs = 5000 } = {}): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
