"use client";

import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { EventSourceParserStream } from "eventsource-parser/stream";
import { useRef } from "react";
import type { ChatHistory, ChatMessage, ChatMode, ChatStreamEvent } from "@/lib/chat/contract";
import { api, ApiError, toApiError } from "./api-client";
import { chatKeys, gameKeys, storyKeys } from "./query-keys";

type HistoryPages = InfiniteData<ChatHistory, number | undefined>;

const sendKey = (mode: ChatMode, sessionId: string) => ["chat-send", mode, sessionId] as const;

/**
 * The conversation with the game master, newest page first; `fetchNextPage` loads older messages.
 * A reply the server still writes (another tab, or one just stopped) is polled until it ends.
 */
export function useChatHistory(mode: ChatMode, sessionId: string) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: chatKeys.history(mode, sessionId),
    queryFn: ({ pageParam, signal }) => api.chatHistory(mode, sessionId, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    refetchInterval: (query) => {
      const writing = chatMessages(query.state.data).some((message) => message.status === "streaming");
      // While this tab streams a reply, the stream itself keeps the cache current.
      return writing && queryClient.isMutating({ mutationKey: sendKey(mode, sessionId) }) === 0 ? 1000 : false;
    },
  });
}

/** Every loaded message, oldest first. */
export function chatMessages(pages: { pages: ChatHistory[] } | undefined): ChatMessage[] {
  return pages ? [...pages.pages].reverse().flatMap((page) => page.messages) : [];
}

/** Applies `change` to the newest page (where new messages go) of the cached history. */
function updateNewest(queryClient: QueryClient, [mode, sessionId]: [ChatMode, string], change: (messages: ChatMessage[]) => ChatMessage[]) {
  queryClient.setQueryData<HistoryPages>(chatKeys.history(mode, sessionId), (old) => {
    const pages = old?.pages.length ? old.pages : [{ session_id: sessionId, mode, messages: [], next_cursor: null }];
    const [newest, ...older] = pages;
    return { pages: [{ ...newest!, messages: change(newest!.messages) }, ...older], pageParams: old?.pageParams ?? [undefined] };
  });
}

const updateMessage = (id: string, change: (message: ChatMessage) => ChatMessage) => (messages: ChatMessage[]) =>
  messages.map((message) => (message.id === id ? change(message) : message));

function draftMessage({ id, role, content, seq }: { id: string; role: ChatMessage["role"]; content: string; seq: number }): ChatMessage {
  const now = new Date().toISOString();
  return { id, seq, role, content, status: role === "assistant" ? "streaming" : "complete", error_code: null, effects: [], phase: null, created_at: now, updated_at: now };
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
export function useSendMessage(mode: ChatMode, sessionId: string) {
  const queryClient = useQueryClient();
  const controllerRef = useRef<AbortController | null>(null);
  const key = chatKeys.history(mode, sessionId);
  const chat: [ChatMode, string] = [mode, sessionId];

  const mutation = useMutation<void, Error, Send>({
    mutationKey: sendKey(mode, sessionId),
    mutationFn: async (send) => {
      const controller = new AbortController();
      controllerRef.current = controller;
      await queryClient.cancelQueries({ queryKey: key });
      const pending = { user: send.kind === "send" ? clientId() : null, reply: clientId() };
      const lastSeq = chatMessages(queryClient.getQueryData<HistoryPages>(key)).at(-1)?.seq ?? 0;

      // Optimistic: the player's words (or the edited ones) at once, and an empty reply to fill.
      updateNewest(queryClient, chat, (messages) => {
        let next = messages;
        if (send.kind === "send") next = [...next, draftMessage({ id: pending.user!, role: "user", content: send.message, seq: lastSeq + 1 })];
        if (send.kind === "edit") {
          const edited = next.find((message) => message.id === send.messageId);
          next = next.filter((message) => !edited || message.seq <= edited.seq).map((message) => (message.id === send.messageId ? { ...message, content: send.message } : message));
        }
        if (send.kind === "regenerate") {
          // The reply answers the last message or event: what came after it is replaced.
          const lastPrompt = [...next].reverse().find((message) => message.role !== "assistant");
          next = next.filter((message) => !lastPrompt || message.seq <= lastPrompt.seq);
        }
        return [...next, draftMessage({ id: pending.reply, role: "assistant", content: "", seq: (next.at(-1)?.seq ?? lastSeq) + 1 })];
      });

      let replyId = pending.reply;
      const body = {
        session_id: sessionId,
        mode,
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
          updateNewest(queryClient, chat, (messages) => messages.filter((message) => message.id !== pending.user && message.id !== pending.reply));
          throw await toApiError(response);
        }
        for await (const event of readEvents(response)) {
          switch (event.event) {
            case "message": {
              const { user, reply_id } = event.data;
              const { event: moved } = event.data;
              updateNewest(queryClient, chat, (messages) =>
                messages.flatMap((message) => {
                  if (message.id === pending.user || message.id === user.id) return [user];
                  // An answer that moved an interview to its next chapter: the change shows before the reply.
                  if (message.id === replyId) return [...(moved ? [moved] : []), { ...message, id: reply_id, seq: user.seq + (moved ? 2 : 1) }];
                  return [message];
                }),
              );
              if (moved) void queryClient.invalidateQueries({ queryKey: storyKeys.detail(sessionId), exact: true });
              replyId = reply_id;
              break;
            }
            case "delta":
              updateNewest(queryClient, chat, updateMessage(replyId, (message) => ({ ...message, content: message.content + event.data.text })));
              break;
            case "effect":
              updateNewest(queryClient, chat, updateMessage(replyId, (message) => ({ ...message, effects: [...message.effects, { text: event.data.text, applied: event.data.applied }] })));
              // The party changed on the server: load the new version.
              void queryClient.invalidateQueries({ queryKey: gameKeys.detail(sessionId), exact: true });
              break;
            case "themes":
              void queryClient.invalidateQueries({ queryKey: storyKeys.detail(sessionId), exact: true });
              break;
            case "done":
              updateNewest(queryClient, chat, updateMessage(replyId, (message) => ({ ...message, status: event.data.status })));
              break;
            case "error":
              updateNewest(queryClient, chat, updateMessage(replyId, (message) => ({ ...message, status: "error", error_code: event.data.code })));
              throw new ApiError(502, event.data.code as ApiError["code"], event.data.message);
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) throw error;
        // Stopped: the server keeps the partial reply as interrupted; show it so at once.
        updateNewest(queryClient, chat, updateMessage(replyId, (message) => ({ ...message, status: "interrupted" })));
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
export function useRewindChat(mode: ChatMode, sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => api.rewindChat(mode, sessionId, messageId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.history(mode, sessionId) }),
  });
}
