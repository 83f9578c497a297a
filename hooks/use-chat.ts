"use client";

import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { EventSourceParserStream } from "eventsource-parser/stream";
import { useRef } from "react";
import type { ChatHistory, ChatMessage, ChatStreamEvent } from "@/lib/chat/contract";
import { api, ApiError, toApiError } from "./api-client";
import { chatKeys, gameKeys } from "./query-keys";

type HistoryPages = InfiniteData<ChatHistory, number | undefined>;

const sendKey = (sessionId: string) => ["chat-send", sessionId] as const;

/**
 * The conversation with the game master, newest page first; `fetchNextPage` loads older messages.
 * A reply the server still writes (another tab, or one just stopped) is polled until it ends.
 */
export function useChatHistory(sessionId: string) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: chatKeys.history(sessionId),
    queryFn: ({ pageParam, signal }) => api.chatHistory(sessionId, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    refetchInterval: (query) => {
      const writing = chatMessages(query.state.data).some((message) => message.status === "streaming");
      // While this tab streams a reply, the stream itself keeps the cache current.
      return writing && queryClient.isMutating({ mutationKey: sendKey(sessionId) }) === 0 ? 1000 : false;
    },
  });
}

/** Every loaded message, oldest first. */
export function chatMessages(pages: { pages: ChatHistory[] } | undefined): ChatMessage[] {
  return pages ? [...pages.pages].reverse().flatMap((page) => page.messages) : [];
}

/** Applies `change` to the newest page (where new messages go) of the cached history. */
function updateNewest(queryClient: QueryClient, sessionId: string, change: (messages: ChatMessage[]) => ChatMessage[]) {
  queryClient.setQueryData<HistoryPages>(chatKeys.history(sessionId), (old) => {
    const pages = old?.pages.length ? old.pages : [{ session_id: sessionId, mode: "game" as const, messages: [], next_cursor: null }];
    const [newest, ...older] = pages;
    return { pages: [{ ...newest!, messages: change(newest!.messages) }, ...older], pageParams: old?.pageParams ?? [undefined] };
  });
}

const updateMessage = (id: string, change: (message: ChatMessage) => ChatMessage) => (messages: ChatMessage[]) =>
  messages.map((message) => (message.id === id ? change(message) : message));

function draftMessage({ id, role, content, seq }: { id: string; role: ChatMessage["role"]; content: string; seq: number }): ChatMessage {
  const now = new Date().toISOString();
  return { id, seq, role, content, status: role === "assistant" ? "streaming" : "complete", error_code: null, effects: [], created_at: now, updated_at: now };
}

/** The next message id the client makes up: letters, digits and '-' (the API's client_message_id rule). */
const clientId = () => `c-${crypto.randomUUID()}`;

/** Reads a streamed reply's Server-Sent Events as they arrive. */
async function* readEvents(response: Response): AsyncGenerator<ChatStreamEvent> {
  const stream = response.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    if (value.event) yield { event: value.event, data: JSON.parse(value.data) } as ChatStreamEvent;
  }
}

type Send =
  | { kind: "send"; message: string }
  | { kind: "regenerate" }
  | { kind: "edit"; messageId: string; message: string };

const ENDPOINT: Record<Send["kind"], string> = { send: "/api/chat", regenerate: "/api/chat/regenerate", edit: "/api/chat/edit" };

/**
 * Sends a message (or regenerates / edits) and streams the reply into the cached history: the
 * player's message shows at once, the reply grows delta by delta, game effects refresh the party.
 * `stop()` ends the reply; the server keeps what was said, marked as stopped.
 */
export function useSendMessage(sessionId: string) {
  const queryClient = useQueryClient();
  const controllerRef = useRef<AbortController | null>(null);
  const key = chatKeys.history(sessionId);

  const mutation = useMutation<void, Error, Send>({
    mutationKey: sendKey(sessionId),
    mutationFn: async (send) => {
      const controller = new AbortController();
      controllerRef.current = controller;
      await queryClient.cancelQueries({ queryKey: key });
      const pending = { user: send.kind === "send" ? clientId() : null, reply: clientId() };
      const lastSeq = chatMessages(queryClient.getQueryData<HistoryPages>(key)).at(-1)?.seq ?? 0;

      // Optimistic: the player's words (or the edited ones) at once, and an empty reply to fill.
      updateNewest(queryClient, sessionId, (messages) => {
        let next = messages;
        if (send.kind === "send") next = [...next, draftMessage({ id: pending.user!, role: "user", content: send.message, seq: lastSeq + 1 })];
        if (send.kind === "edit") {
          const edited = next.find((message) => message.id === send.messageId);
          next = next.filter((message) => !edited || message.seq <= edited.seq).map((message) => (message.id === send.messageId ? { ...message, content: send.message } : message));
        }
        if (send.kind === "regenerate") {
          const lastUser = [...next].reverse().find((message) => message.role === "user");
          next = next.filter((message) => !lastUser || message.seq <= lastUser.seq);
        }
        return [...next, draftMessage({ id: pending.reply, role: "assistant", content: "", seq: (next.at(-1)?.seq ?? lastSeq) + 1 })];
      });

      let replyId = pending.reply;
      const body = {
        session_id: sessionId,
        mode: "game",
        ...(send.kind === "send" ? { message: send.message, client_message_id: pending.user } : {}),
        ...(send.kind === "edit" ? { message_id: send.messageId, message: send.message } : {}),
      };
      try {
        let response: Response;
        try {
          response = await fetch(ENDPOINT[send.kind], {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
            body: JSON.stringify(body),
            signal: controller.signal,
          });
        } catch (cause) {
          if (controller.signal.aborted) throw cause;
          throw new ApiError(0, "network", "Network request failed", cause);
        }
        if (!response.ok) {
          // Refused before anything was stored (rate limit, bad input): take the drafts back.
          updateNewest(queryClient, sessionId, (messages) => messages.filter((message) => message.id !== pending.user && message.id !== pending.reply));
          throw await toApiError(response);
        }
        for await (const event of readEvents(response)) {
          switch (event.event) {
            case "message": {
              const { user, reply_id } = event.data;
              updateNewest(queryClient, sessionId, (messages) =>
                messages.map((message) => (message.id === pending.user || message.id === user.id ? user : message.id === replyId ? { ...message, id: reply_id, seq: user.seq + 1 } : message)),
              );
              replyId = reply_id;
              break;
            }
            case "delta":
              updateNewest(queryClient, sessionId, updateMessage(replyId, (message) => ({ ...message, content: message.content + event.data.text })));
              break;
            case "effect":
              updateNewest(queryClient, sessionId, updateMessage(replyId, (message) => ({ ...message, effects: [...message.effects, { text: event.data.text, applied: event.data.applied }] })));
              // The party changed on the server: load the new version.
              void queryClient.invalidateQueries({ queryKey: gameKeys.detail(sessionId), exact: true });
              break;
            case "done":
              updateNewest(queryClient, sessionId, updateMessage(replyId, (message) => ({ ...message, status: event.data.status })));
              break;
            case "error":
              updateNewest(queryClient, sessionId, updateMessage(replyId, (message) => ({ ...message, status: "error", error_code: event.data.code })));
              throw new ApiError(502, event.data.code as ApiError["code"], event.data.message);
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) throw error;
        // Stopped: the server keeps the partial reply as interrupted; show it so at once.
        updateNewest(queryClient, sessionId, updateMessage(replyId, (message) => ({ ...message, status: "interrupted" })));
      } finally {
        controllerRef.current = null;
        // The server's copy is the truth (ids, statuses, a stopped reply's last words). After a
        // Stop, give the server a moment to store the reply as stopped before asking for it.
        const sync = () => void queryClient.invalidateQueries({ queryKey: key });
        if (controller.signal.aborted) setTimeout(sync, 500);
        else sync();
      }
    },
  });

  return { ...mutation, stop: () => controllerRef.current?.abort() };
}

/** Rewinds the conversation to a message (everything after it goes). */
export function useRewindChat(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => api.rewindChat(sessionId, messageId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.history(sessionId) }),
  });
}
