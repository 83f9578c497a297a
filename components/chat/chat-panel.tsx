"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { describeError, rateLimitWait } from "@/hooks/api-client";
import { chatMessages, useChatHistory, useRewindChat, useSendMessage } from "@/hooks/use-chat";
import { CHAT_MESSAGE_MAX, type ChatMessage, type ChatMode } from "@/lib/chat/contract";
import { ReplyText } from "./reply-text";

const STATUS_NOTE: Partial<Record<ChatMessage["status"], string>> = {
  interrupted: "Stopped: the reply so far is kept.",
  error: "The game master faltered before finishing.",
};

function MessageActions({
  message,
  isLastReply,
  isLastUser,
  busy,
  onRegenerate,
  onEdit,
  onRewind,
}: {
  message: ChatMessage;
  isLastReply: boolean;
  isLastUser: boolean;
  busy: boolean;
  onRegenerate: () => void;
  onEdit: () => void;
  onRewind: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  if (busy) return null;
  const failed = message.status === "interrupted" || message.status === "error";
  return (
    <div className="gm-actions">
      {isLastReply && (
        <button type="button" className="btn btn-small" onClick={onRegenerate} data-testid={failed ? "chat-retry" : "chat-regenerate"}>
          {failed ? "Retry" : "Regenerate"}
        </button>
      )}
      {isLastUser && (
        <button type="button" className="btn btn-small" onClick={onEdit} data-testid="chat-edit">
          Edit
        </button>
      )}
      {!isLastReply &&
        !isLastUser &&
        (confirming ? (
          <button type="button" className="btn btn-small btn-danger" onClick={onRewind} data-testid="chat-rewind-confirm">
            Remove everything after this
          </button>
        ) : (
          <button type="button" className="btn btn-small" onClick={() => setConfirming(true)} data-testid="chat-rewind">
            Rewind here
          </button>
        ))}
    </div>
  );
}

function Composer({
  disabled,
  streaming,
  onSend,
  onStop,
  draft,
  setDraft,
  placeholder,
  label,
}: {
  disabled: boolean;
  streaming: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  draft: string;
  setDraft: (text: string) => void;
  placeholder: string;
  label: string;
}) {
  const inputId = useId();
  const tooLong = draft.length > CHAT_MESSAGE_MAX;
  function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || tooLong || disabled) return;
    onSend(text);
    setDraft("");
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter starts a new line (as in every chat).
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }
  return (
    <form className="gm-composer" onSubmit={submit} data-testid="chat-composer">
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={inputId}
        className="input gm-input"
        rows={2}
        placeholder={placeholder}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={tooLong || undefined}
        data-testid="chat-input"
      />
      <div className="gm-composer-row">
        <span className={tooLong ? "field-error" : "field-hint"} aria-live="polite">
          {draft.length > CHAT_MESSAGE_MAX * 0.8 ? `${draft.length}/${CHAT_MESSAGE_MAX}` : ""}
        </span>
        {streaming ? (
          <button type="button" className="btn btn-small" onClick={onStop} data-testid="chat-stop">
            ■ Stop
          </button>
        ) : (
          <button type="submit" className="btn btn-small btn-teal" disabled={disabled || !draft.trim() || tooLong} data-testid="chat-send">
            Send
          </button>
        )}
      </div>
    </form>
  );
}

/** Who talks in a conversation, and how the panel invites the person to. */
export type ChatVoice = {
  /** The panel's heading, e.g. "Game master". */
  title: string;
  /** The other side's name on its messages. */
  speaker: string;
  placeholder: string;
  /** The composer's label for screen readers. */
  inputLabel: string;
  emptyText: string;
  suggestions: string[];
};

/**
 * A streamed conversation with the AI (the game master of a party, or a Life Story interviewer).
 * Replies stream in as they are written, can be stopped, retried, regenerated, and the last
 * message edited; effects (an HP change, a clue) show under a reply; events (a new chapter) show
 * as dividers. `footer` holds the mode's own controls (e.g. "Next chapter").
 */
export function ChatPanel({
  mode,
  sessionId,
  voice,
  footer,
  answerEvents = false,
}: {
  mode: ChatMode;
  sessionId: string;
  voice: ChatVoice;
  footer?: ReactNode;
  /** Reply on its own to an event nobody answered yet (an interview that began, or a new chapter). */
  answerEvents?: boolean;
}) {
  const history = useChatHistory(mode, sessionId);
  const send = useSendMessage(mode, sessionId);
  const rewind = useRewindChat(mode, sessionId);
  // Collapsed at first on narrow screens: the scene's choices stay in view above it.
  const [open, setOpen] = useState(() => !window.matchMedia("(max-width: 720px)").matches);
  const [draft, setDraft] = useState("");
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const logRef = useRef<HTMLOListElement>(null);
  const messages = chatMessages(history.data);
  const streaming = send.isPending;
  const lastReply = [...messages].reverse().find((message) => message.role === "assistant");
  const lastUser = [...messages].reverse().find((message) => message.role === "user");
  // What the next reply answers: the last message or event; an event nobody answered yet asks for a reply.
  const lastPrompt = [...messages].reverse().find((message) => message.role !== "assistant");
  const contentLength = messages.reduce((sum, message) => sum + message.content.length, 0);

  // An interviewer speaks first: once per unanswered event.
  const answered = useRef<string | null>(null);
  const waitingEvent = lastPrompt?.role === "event" && !history.isFetching && !streaming ? lastPrompt.id : null;
  useEffect(() => {
    if (!answerEvents || !waitingEvent || answered.current === waitingEvent) return;
    answered.current = waitingEvent;
    send.mutate({ kind: "regenerate" });
  }, [answerEvents, waitingEvent, send]);

  // Follow the conversation as it grows.
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [contentLength, messages.length, open]);

  const sendError = send.isError ? send.error : null;
  const waitSeconds = sendError ? rateLimitWait(sendError) : null;

  return (
    <section className="panel gm-panel" aria-labelledby="gm-title" data-testid="chat-panel" data-open={open}>
      <h2 id="gm-title" className="panel-title gm-title">
        <button type="button" className="gm-toggle" aria-expanded={open} aria-controls="gm-body" onClick={() => setOpen(!open)} data-testid="chat-toggle">
          {voice.title} <span aria-hidden="true">{open ? "−" : "+"}</span>
        </button>
      </h2>
      <div id="gm-body" hidden={!open}>
        {history.hasNextPage && (
          <button type="button" className="btn btn-small gm-earlier" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {history.isFetchingNextPage ? "Loading…" : "Earlier messages"}
          </button>
        )}
        {history.isError && (
          <p className="form-alert" role="alert">
            Couldn&apos;t load the conversation: {describeError(history.error)}
          </p>
        )}
        {messages.length === 0 && !history.isPending && (
          <div className="gm-empty">
            <p>{voice.emptyText}</p>
            <div className="gm-suggestions">
              {voice.suggestions.map((suggestion) => (
                <button key={suggestion} type="button" className="btn btn-small" onClick={() => setDraft(suggestion)}>
                  {suggestion}
                </button>
              ))}
            </div>
          </div>
        )}
        <ol className="gm-log" ref={logRef} aria-label={`Conversation with the ${voice.speaker.toLowerCase()}`} data-testid="chat-log">
          {messages.map((message) => {
            if (message.role === "event") {
              return (
                <li key={message.id} className="gm-event" data-testid="chat-event">
                  <span>{message.content}</span>
                </li>
              );
            }
            const isStreaming = message.status === "streaming";
            const note = STATUS_NOTE[message.status];
            return (
              <li key={message.id} className={`gm-message gm-${message.role}`} data-status={message.status} data-testid={`chat-${message.role}`} aria-busy={isStreaming || undefined}>
                <p className="gm-author">{message.role === "user" ? "You" : voice.speaker}</p>
                {editing?.id === message.id ? (
                  <form
                    className="gm-edit"
                    onSubmit={(event) => {
                      event.preventDefault();
                      if (!editing.text.trim()) return;
                      send.mutate({ kind: "edit", messageId: message.id, message: editing.text.trim() });
                      setEditing(null);
                    }}
                  >
                    <label htmlFor="gm-edit-input" className="visually-hidden">
                      Edit your message
                    </label>
                    <textarea id="gm-edit-input" className="input gm-input" rows={2} value={editing.text} onChange={(event) => setEditing({ id: message.id, text: event.target.value })} data-testid="chat-edit-input" />
                    <div className="btn-row">
                      <button type="submit" className="btn btn-small btn-teal" data-testid="chat-edit-save">
                        Send edited
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </div>
                  </form>
                ) : (
                  <div className="gm-text" data-testid="chat-text">
                    {message.role === "assistant" ? <ReplyText text={message.content} /> : <p>{message.content}</p>}
                    {isStreaming && <span className="gm-cursor" aria-hidden="true" />}
                  </div>
                )}
                {message.effects.filter((effect) => effect.applied).length > 0 && (
                  <ul className="gm-effects" aria-label="What changed">
                    {message.effects
                      .filter((effect) => effect.applied)
                      .map((effect, index) => (
                        <li key={index} className="gm-effect" data-testid="chat-effect">
                          {effect.text}
                        </li>
                      ))}
                  </ul>
                )}
                {note && (
                  <p className="gm-status" data-testid="chat-status">
                    {note}
                  </p>
                )}
                <MessageActions
                  message={message}
                  isLastReply={message.id === lastReply?.id && message.seq > (lastUser?.seq ?? 0)}
                  isLastUser={message.id === lastUser?.id}
                  busy={streaming || isStreaming || rewind.isPending}
                  onRegenerate={() => send.mutate({ kind: "regenerate" })}
                  onEdit={() => setEditing({ id: message.id, text: message.content })}
                  onRewind={() => rewind.mutate(message.id)}
                />
              </li>
            );
          })}
        </ol>
        <p className="visually-hidden" aria-live="polite">
          {streaming ? `The ${voice.speaker.toLowerCase()} is answering.` : lastReply?.status === "complete" ? `The ${voice.speaker.toLowerCase()} has answered.` : ""}
        </p>
        {sendError && (
          <p className="form-alert" role="alert" data-testid="chat-error">
            {waitSeconds !== null ? `Too many messages: try again in ${waitSeconds}s.` : describeError(sendError)}
          </p>
        )}
        {lastPrompt?.role === "event" && !streaming && (
          <div className="btn-row">
            <button type="button" className="btn btn-small btn-teal" onClick={() => send.mutate({ kind: "regenerate" })} data-testid="chat-continue">
              {voice.speaker}: continue
            </button>
          </div>
        )}
        <Composer
          disabled={streaming || rewind.isPending}
          streaming={streaming}
          onSend={(text) => send.mutate({ kind: "send", message: text })}
          onStop={send.stop}
          draft={draft}
          setDraft={setDraft}
          placeholder={voice.placeholder}
          label={voice.inputLabel}
        />
        {footer}
      </div>
    </section>
  );
}
