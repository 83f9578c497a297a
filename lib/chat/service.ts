import "server-only";
import pLimit from "p-limit";
import { getAiProvider, AiError, type AiProvider, type Usage } from "@/lib/ai";
import { runInBackground } from "@/lib/background";
import { getDatabase, getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import type { StoryPhase } from "@/lib/story/contract";
import type { PhaseChange } from "@/lib/story/service";
import type { StoryTurn } from "@/lib/ai/types";
import type { ChatEffect, ChatHistory, ChatMessage, ChatMessageStatus, ChatMode, ChatStreamEvent } from "./contract";
import { createEventChannel } from "./event-channel";
import { SUMMARY_PROMPT } from "./prompts";
import { advanceOnMessage, afterReply, loadSubject, modelTurns, phaseEventText, phaseOf, replyRequest, type HistoryRow, type PhaseEvent, type Subject } from "./subjects";

// A chat turn: the player's message is stored, then an empty reply marked `streaming`, and only
// then is the AI asked. The reply streams to whoever listens and is checkpointed as it grows; it
// ends `complete`, `interrupted` (stopped, or the listener left) or `error`, with every word kept.
// The turn runs on its own: the HTTP response only reads along.

/** Messages sent to the model verbatim; older ones reach it through the rolling summary. */
export const CONTEXT_WINDOW = 20;
/** How often a growing reply is written down, so a crash loses at most this much of it. */
const CHECKPOINT_MS = 1500;
/**
 * Chat writes may use at most half of the database pool at once: a burst of conversations (200
 * streams starting together) then waits here, holding no connection, and a save or a load (the
 * game's own moves) always finds one free. Measured in bench/README.md (chat storm).
 */
const chatWrites = pLimit(Math.max(1, Math.floor(env.DATABASE_POOL_MAX / 2)));

type Target = { ownerId: string; mode: ChatMode; sessionId: string };

type MessageRow = Prisma.ChatMessageGetPayload<object>;

/** A chat_messages row as SQL (or json_agg) returns it. */
type SqlMessageRow = {
  id: string;
  chat_id: string;
  seq: number;
  role: "user" | "assistant" | "event";
  content: string;
  status: ChatMessageStatus;
  client_message_id: string | null;
  phase: string | null;
  event: unknown;
  error_code: string | null;
  model: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  effects: unknown;
  created_at: Date | string;
  updated_at: Date | string;
};

function fromSql(row: SqlMessageRow): MessageRow {
  return {
    id: row.id,
    chatId: row.chat_id,
    seq: row.seq,
    role: row.role,
    content: row.content,
    status: row.status,
    clientMessageId: row.client_message_id,
    errorCode: row.error_code,
    model: row.model,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    effects: row.effects as MessageRow["effects"],
    phase: row.phase,
    event: row.event as MessageRow["event"],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toChatMessage(row: MessageRow): ChatMessage {
  const effects = Array.isArray(row.effects) ? (row.effects as ChatEffect[]) : [];
  return {
    id: row.id,
    seq: row.seq,
    role: row.role,
    content: row.content,
    status: row.status,
    error_code: row.errorCode,
    effects,
    phase: row.phase,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

type Tx = Prisma.TransactionClient;

/** The chat of a target, created on first use; its row stays locked until the transaction ends. */
async function lockChat(tx: Tx, { ownerId, mode, sessionId }: Target): Promise<{ id: string; summary: string | null; summarizedSeq: number }> {
  const [chat] = await tx.$queryRaw<{ id: string; summary: string | null; summarized_seq: number }[]>`
    INSERT INTO chats (owner_id, mode, session_id) VALUES (${ownerId}::uuid, ${mode}::"ChatMode", ${sessionId})
    ON CONFLICT (owner_id, mode, session_id) DO UPDATE SET updated_at = now()
    RETURNING id, summary, summarized_seq`;
  return { id: chat!.id, summary: chat!.summary, summarizedSeq: chat!.summarized_seq };
}

async function findChat({ ownerId, mode, sessionId }: Target) {
  const prisma = await getPrisma();
  return prisma.chat.findUnique({ where: { ownerId_mode_sessionId: { ownerId, mode, sessionId } }, select: { id: true, summary: true, summarizedSeq: true } });
}

/** The conversation before the reply at `beforeSeq`: the last CONTEXT_WINDOW messages with words in them. */
async function recentHistory({ chatId, beforeSeq }: { chatId: string; beforeSeq: number }): Promise<HistoryRow[]> {
  const prisma = await getPrisma();
  const rows = await prisma.chatMessage.findMany({
    where: { chatId, seq: { lt: beforeSeq }, content: { not: "" } },
    orderBy: { seq: "desc" },
    take: CONTEXT_WINDOW,
    select: { role: true, content: true, event: true },
  });
  return rows.reverse();
}

/** A reply being written. `events` is what the client sees; `finished` settles once it is stored. */
export type ReplyStream = {
  events: AsyncIterable<ChatStreamEvent>;
  finished: Promise<{ message: ChatMessage }>;
  /** The listener left or pressed Stop: end the reply now and keep what was said. */
  abort(): void;
};

type ReplyJob = {
  target: Target;
  chat: { id: string; summary: string | null; summarizedSeq: number };
  /** What the reply answers: the player's message, or an event (a new chapter). */
  userMessage: MessageRow;
  reply: MessageRow;
  /** The conversation up to the reply, when already read (else read here). */
  history?: HistoryRow[];
  subject: Subject;
  /** The reply this one replaces (regenerate), so a deterministic writer varies it. */
  replacing?: string;
  provider?: AiProvider;
};

/** Why a reply failed, as stored with it: the AI's failure kind, or where else it broke. */
function failureCode(error: unknown): string {
  if (error instanceof AiError) return `ai_${error.kind}`;
  return isDatabaseUnavailable(error) ? "database_unavailable" : "internal";
}

function usageOf(usage: Usage | null) {
  return usage ? { model: usage.model, input_tokens: usage.inputTokens, output_tokens: usage.outputTokens } : null;
}

/** Runs one reply: asks the provider, streams, checkpoints, stores the end, applies effects. */
function runReply(job: ReplyJob): ReplyStream {
  const channel = createEventChannel<ChatStreamEvent>();
  const controller = new AbortController();
  const provider = job.provider ?? getAiProvider();
  const prisma = getPrisma();
  let content = "";
  let lastCheckpoint = Date.now();

  async function store(data: Prisma.ChatMessageUpdateInput): Promise<MessageRow> {
    const client = await prisma;
    return chatWrites(() => client.chatMessage.update({ where: { id: job.reply.id }, data }));
  }

  async function run(): Promise<{ message: ChatMessage }> {
    let status: ChatMessageStatus = "complete";
    let usage: Usage | null = null;
    let failure: { error: unknown } | undefined;
    let effects: ChatEffect[] = [];
    const calls: { name: string; args: unknown }[] = [];
    try {
      const history = job.history ?? (await recentHistory({ chatId: job.chat.id, beforeSeq: job.reply.seq }));
      const { system, brief, tools } = replyRequest({ subject: job.subject, history, summary: job.chat.summary, replacing: job.replacing });
      const stream = provider.streamText({ system, messages: modelTurns(history), brief, tools, signal: controller.signal });
      for await (const event of stream) {
        if (event.type === "text") {
          content += event.text;
          channel.push({ event: "delta", data: { text: event.text } });
          if (Date.now() - lastCheckpoint > CHECKPOINT_MS) {
            lastCheckpoint = Date.now();
            await store({ content });
          }
        } else if (event.type === "tool_call") calls.push({ name: event.name, args: event.args });
        else usage = event.usage;
      }
      const outcome = await afterReply({ subject: job.subject, target: job.target, calls, said: `${job.userMessage.content}\n${content}` });
      effects = outcome.effects;
      for (const effect of effects.filter((candidate) => candidate.applied)) channel.push({ event: "effect", data: { ...effect, state_version: outcome.stateVersion } });
      if (outcome.coveredThemes.length) channel.push({ event: "themes", data: { covered: outcome.coveredThemes } });
    } catch (error) {
      const aborted = controller.signal.aborted || (error instanceof AiError && error.kind === "aborted");
      status = aborted ? "interrupted" : "error";
      if (!aborted) failure = { error };
    }
    const row = await store({
      content,
      status,
      errorCode: failure ? failureCode(failure.error) : null,
      model: usage?.model ?? null,
      inputTokens: usage?.inputTokens ?? null,
      outputTokens: usage?.outputTokens ?? null,
      effects: effects.length ? effects : undefined,
    });
    // A failure reaches the reader as a thrown error (the route answers it as an `error` event).
    if (failure) channel.fail(failure.error);
    else {
      channel.push({ event: "done", data: { message_id: row.id, status, usage: usageOf(usage) } });
      channel.close();
    }
    // Folding is due only once two windows of messages have passed the summary: known without asking.
    if (status === "complete" && row.seq - job.chat.summarizedSeq >= 2 * CONTEXT_WINDOW) {
      runInBackground({ name: "chat summary", task: () => foldOldMessages({ chatId: job.chat.id, provider }) });
    }
    return { message: toChatMessage(row) };
  }

  const finished = run().catch((error: unknown) => {
    // Storing itself failed (the database went away): the client hears it, the log keeps it.
    logger.error({ err: error, replyId: job.reply.id }, "chat reply could not be stored");
    channel.fail(error);
    throw error;
  });
  // Whoever awaits `finished` sees the failure; nobody else must get an unhandled rejection.
  finished.catch(() => {});
  runInBackground({ name: "chat reply", task: () => finished.catch(() => undefined) });
  return { events: channel, finished, abort: () => controller.abort() };
}

/** A stored reply played back (a retried send that was already answered). */
function replayReply({ userMessage, reply }: { userMessage: MessageRow; reply: MessageRow }): ReplyStream {
  const message = toChatMessage(reply);
  const events: ChatStreamEvent[] = [
    { event: "message", data: { user: toChatMessage(userMessage), reply_id: reply.id } },
    ...(message.content ? [{ event: "delta" as const, data: { text: message.content } }] : []),
    ...message.effects.filter((effect) => effect.applied).map((effect) => ({ event: "effect" as const, data: { ...effect, state_version: null } })),
    { event: "done", data: { message_id: reply.id, status: message.status, usage: null } },
  ];
  return {
    events: (async function* () {
      yield* events;
    })(),
    finished: Promise.resolve({ message }),
    abort: () => {},
  };
}

/** Prepends the `message` event (the stored message it answers, and an event stored with it) to a reply's events. */
function announce(stream: ReplyStream, { userMessage, event, reply }: { userMessage: MessageRow; event?: MessageRow | null; reply: MessageRow }): ReplyStream {
  const first: ChatStreamEvent = { event: "message", data: { user: toChatMessage(userMessage), reply_id: reply.id, ...(event ? { event: toChatMessage(event) } : {}) } };
  return {
    ...stream,
    events: (async function* () {
      yield first;
      yield* stream.events;
    })(),
  };
}

// Sending is the path to the first streamed byte: one transaction of three statements on the
// driver. The chat row's lock (the upsert) serializes sends to one chat, so `last_seq` is exact.
const LOCK_CHAT = `
  INSERT INTO chats (owner_id, mode, session_id) VALUES ($1::uuid, $2::"ChatMode", $3)
  ON CONFLICT (owner_id, mode, session_id) DO UPDATE SET updated_at = now()
  RETURNING id, summary, summarized_seq`;

const CHAT_SO_FAR = `
  SELECT
    coalesce((SELECT max(seq) FROM chat_messages WHERE chat_id = $1::uuid), 0) AS last_seq,
    (SELECT json_agg(m ORDER BY m.seq) FROM chat_messages m
      WHERE m.chat_id = $1::uuid
        AND m.seq IN (SELECT k.seq + d FROM chat_messages k, (VALUES (0), (1)) AS step(d) WHERE k.chat_id = $1::uuid AND k.client_message_id = $2)) AS known,
    (SELECT json_agg(t ORDER BY t.seq) FROM (
      SELECT seq, role, content, event FROM chat_messages WHERE chat_id = $1::uuid AND content <> '' ORDER BY seq DESC LIMIT ${CONTEXT_WINDOW}
    ) t) AS recent`;

// The player's message, then (when the interview moved on because of it) the event, then the
// empty reply, in one statement. $5 is the player's phase, $6 the reply's, $7 the event (or null).
const INSERT_TURN = `
  INSERT INTO chat_messages (chat_id, seq, role, content, status, client_message_id, phase, event, updated_at)
  SELECT $1::uuid, $2::int, 'user'::"ChatRole", $3::text, 'complete'::"ChatMessageStatus", $4::text, $5::text, NULL::jsonb, now()
  UNION ALL SELECT $1::uuid, $2::int + 1, 'event', $8, 'complete', NULL, $6, $7::jsonb, now() WHERE $7::jsonb IS NOT NULL
  UNION ALL SELECT $1::uuid, $2::int + CASE WHEN $7::jsonb IS NULL THEN 1 ELSE 2 END, 'assistant', '', 'streaming', NULL, $6, NULL, now()
  RETURNING *`;

const toPhaseEvent = (change: PhaseChange): PhaseEvent => ({ kind: "phase", from: change.from, to: change.to, how: change.how });

/**
 * Stores the player's message (once per client_message_id), then an empty reply, then starts the
 * reply. A second send with a known client_message_id plays back what was stored instead. In an
 * interview, an answer may move it on (see advanceOnMessage): the change is stored between them.
 */
export async function sendMessage({
  ownerId,
  mode,
  sessionId,
  message,
  clientMessageId,
  provider,
}: Target & { message: string; clientMessageId?: string; provider?: AiProvider }): Promise<ReplyStream> {
  const target = { ownerId, mode, sessionId };
  const database = await getDatabase();
  const { subject, stored } = await chatWrites(async () => {
    // On Postgres a game's party is read on another connection while the chat row is locked;
    // nothing commits unless it exists (a failed read rolls the transaction back). The embedded
    // database has one connection, which the transaction holds: there it is read first, and so is
    // an interview, which may move on before the message is stored.
    const reading = loadSubject(target);
    reading.catch(() => {});
    let advanced: { subject: Subject; change: PhaseChange | null } | null = null;
    if (database.kind === "pglite" || mode === "story") advanced = await advanceOnMessage({ subject: await reading, target, text: message });
    const stored = await database.transaction(async (sql) => {
      const [chat] = await sql<{ id: string; summary: string | null; summarized_seq: number }>({ name: "taleshard_chat_lock", text: LOCK_CHAT, values: [ownerId, mode, sessionId] });
      const [soFar] = await sql<{ last_seq: number; known: SqlMessageRow[] | null; recent: HistoryRow[] | null }>({
        name: "taleshard_chat_so_far",
        text: CHAT_SO_FAR,
        values: [chat!.id, clientMessageId ?? null],
      });
      const [knownUser, knownReply] = (soFar!.known ?? []).map(fromSql);
      const original = await reading;
      if (knownUser && knownReply?.role === "assistant") return { kind: "replay" as const, userMessage: knownUser, reply: knownReply };
      const change = advanced?.change ?? null;
      const after = advanced?.subject ?? original;
      const rows = await sql<SqlMessageRow>({
        name: "taleshard_chat_insert_turn",
        text: INSERT_TURN,
        values: [chat!.id, soFar!.last_seq + 1, message, clientMessageId ?? null, phaseOf(original), phaseOf(after), change ? JSON.stringify(toPhaseEvent(change)) : null, change ? phaseEventText(change) : ""],
      });
      const turn = rows.map(fromSql).sort((a, b) => a.seq - b.seq);
      const userMessage = turn[0]!;
      const reply = turn.at(-1)!;
      const event = turn.length === 3 ? turn[1]! : null;
      const history: HistoryRow[] = [...(soFar!.recent ?? []), ...turn.slice(0, -1).map((row) => ({ role: row.role, content: row.content, event: row.event }))];
      return { kind: "new" as const, chat: { id: chat!.id, summary: chat!.summary, summarizedSeq: chat!.summarized_seq }, userMessage, event, reply, history };
    });
    return { subject: advanced?.subject ?? (await reading), stored };
  });
  if (stored.kind === "replay") return replayReply(stored);
  return announce(runReply({ target, ...stored, subject, provider }), stored);
}

/** Records something that happened in an interview's conversation (it began; it moved to a chapter). */
export async function recordStoryEvent({ ownerId, storyId, change }: { ownerId: string; storyId: string; change: PhaseChange | "start" }): Promise<ChatMessage> {
  const target: Target = { ownerId, mode: "story", sessionId: storyId };
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const chat = await lockChat(tx, target);
    const last = await tx.chatMessage.findFirst({ where: { chatId: chat.id }, orderBy: { seq: "desc" }, select: { seq: true } });
    const data =
      change === "start"
        ? { content: "The interview begins", phase: "greeting", event: { kind: "start" } }
        : { content: phaseEventText(change), phase: change.to, event: toPhaseEvent(change) };
    const row = await tx.chatMessage.create({ data: { chatId: chat.id, seq: (last?.seq ?? 0) + 1, role: "event", ...data } });
    return toChatMessage(row);
  });
}

/** An interview's conversation, as the synthesis reads it: what was said, and in which chapter. */
export async function storyTranscript({ ownerId, storyId }: { ownerId: string; storyId: string }): Promise<StoryTurn[]> {
  const prisma = await getPrisma();
  const rows = await prisma.chatMessage.findMany({
    where: { chat: { ownerId, mode: "story", sessionId: storyId }, role: { in: ["user", "assistant"] }, content: { not: "" } },
    orderBy: { seq: "asc" },
    select: { role: true, content: true, phase: true },
  });
  return rows.map((row) => ({ role: row.role as StoryTurn["role"], text: row.content, phase: (row.phase ?? "greeting") as StoryPhase }));
}

/**
 * Writes the last reply again (also "Retry" after a stopped or failed one): the old reply goes and
 * a new one answers the same message. With `newText`, the last player message is edited first.
 */
export async function regenerateReply({
  ownerId,
  mode,
  sessionId,
  edit,
  provider,
}: Target & { edit?: { messageId: string; text: string }; provider?: AiProvider }): Promise<ReplyStream> {
  const target = { ownerId, mode, sessionId };
  const subject = await loadSubject(target);
  const prisma = await getPrisma();
  const { chat, userMessage, reply, replacing } = await prisma.$transaction(async (tx) => {
    const chat = await lockChat(tx, target);
    // What the reply answers: the last player message, or a later event (an interview's new chapter).
    const lastUser = await tx.chatMessage.findFirst({ where: { chatId: chat.id, role: { in: ["user", "event"] } }, orderBy: { seq: "desc" } });
    if (!lastUser) throw new NotFoundError("message", { message: "There is no message to answer yet." });
    if (edit && (edit.messageId !== lastUser.id || lastUser.role !== "user")) {
      throw new InvalidInputError("edit", { message: "Only the last message you sent can be edited. Rewind to an earlier one first." });
    }
    const userMessage = edit ? await tx.chatMessage.update({ where: { id: lastUser.id }, data: { content: edit.text } }) : lastUser;
    const previous = await tx.chatMessage.findUnique({ where: { chatId_seq: { chatId: chat.id, seq: lastUser.seq + 1 } }, select: { content: true } });
    await tx.chatMessage.deleteMany({ where: { chatId: chat.id, seq: { gt: lastUser.seq } } });
    const reply = await tx.chatMessage.create({ data: { chatId: chat.id, seq: lastUser.seq + 1, role: "assistant", content: "", status: "streaming", phase: phaseOf(subject) } });
    return { chat, userMessage, reply, replacing: edit ? undefined : previous?.content };
  });
  return announce(runReply({ target, chat, userMessage, reply, subject, replacing, provider }), { userMessage, reply });
}

/** Rewinds the conversation to a message: every later message goes (game effects already applied stay). */
export async function rewindChat({ ownerId, mode, sessionId, messageId }: Target & { messageId: string }): Promise<{ removed: number }> {
  const target = { ownerId, mode, sessionId };
  await loadSubject(target);
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const chat = await lockChat(tx, target);
    const message = await tx.chatMessage.findFirst({ where: { id: messageId, chatId: chat.id }, select: { seq: true } });
    if (!message) throw new NotFoundError("message");
    const { count } = await tx.chatMessage.deleteMany({ where: { chatId: chat.id, seq: { gt: message.seq } } });
    // The summary may describe messages that are gone now: start it afresh.
    if (chat.summarizedSeq > message.seq) await tx.chat.update({ where: { id: chat.id }, data: { summary: null, summarizedSeq: 0 } });
    return { removed: count };
  });
}

/** A page of the conversation, oldest first; `cursor` pages back in time. */
export async function listHistory({ ownerId, mode, sessionId, cursor, limit }: Target & { cursor?: number; limit: number }): Promise<ChatHistory> {
  await loadSubject({ ownerId, mode, sessionId });
  const chat = await findChat({ ownerId, mode, sessionId });
  if (!chat) return { session_id: sessionId, mode, messages: [], next_cursor: null };
  const prisma = await getPrisma();
  const rows = await prisma.chatMessage.findMany({
    where: { chatId: chat.id, ...(cursor ? { seq: { lt: cursor } } : {}) },
    orderBy: { seq: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit).reverse();
  return { session_id: sessionId, mode, messages: page.map(toChatMessage), next_cursor: rows.length > limit ? page[0]!.seq : null };
}

/** Removes a conversation (its party was deleted). */
export async function deleteChat({ ownerId, mode, sessionId }: Target): Promise<void> {
  const prisma = await getPrisma();
  await prisma.chat.deleteMany({ where: { ownerId, mode, sessionId } });
}

/** A guest signing in brings its chats along, except where the account has one for the same thing. */
export async function adoptGuestChats({ guestUserId, userId }: { guestUserId: string; userId: string }): Promise<number> {
  if (guestUserId === userId) return 0;
  const prisma = await getPrisma();
  return prisma.$executeRaw`
    UPDATE chats AS guest_chat SET owner_id = ${userId}::uuid
    FROM users AS guest
    WHERE guest.id = ${guestUserId}::uuid AND guest.is_guest AND guest_chat.owner_id = guest.id
      AND NOT EXISTS (SELECT 1 FROM chats AS own WHERE own.owner_id = ${userId}::uuid AND own.mode = guest_chat.mode AND own.session_id = guest_chat.session_id)`;
}

/**
 * Folds messages older than the context window into the chat's rolling summary, so a long
 * conversation keeps a short context. Runs after a reply, off the request's path.
 */
export async function foldOldMessages({ chatId, provider = getAiProvider() }: { chatId: string; provider?: AiProvider }): Promise<boolean> {
  const prisma = await getPrisma();
  const chat = await prisma.chat.findUnique({ where: { id: chatId }, select: { summary: true, summarizedSeq: true } });
  const last = await prisma.chatMessage.findFirst({ where: { chatId }, orderBy: { seq: "desc" }, select: { seq: true } });
  if (!chat || !last) return false;
  const foldThrough = last.seq - CONTEXT_WINDOW;
  // Fold in batches of a whole window, so summarizing is rare.
  if (foldThrough - chat.summarizedSeq < CONTEXT_WINDOW) return false;
  const rows = await prisma.chatMessage.findMany({
    where: { chatId, seq: { gt: chat.summarizedSeq, lte: foldThrough }, content: { not: "" } },
    orderBy: { seq: "asc" },
    select: { role: true, content: true },
  });
  const turns = modelTurns(rows.map((row) => ({ role: row.role, content: row.content, event: null })));
  let summary = "";
  for await (const event of provider.streamText({
    system: SUMMARY_PROMPT,
    messages: [{ role: "user", text: [chat.summary ? `Summary so far: ${chat.summary}` : "", ...turns.map((turn) => `${turn.role}: ${turn.text}`)].filter(Boolean).join("\n") }],
    brief: { kind: "summarizer", turns, previousSummary: chat.summary },
  })) {
    if (event.type === "text") summary += event.text;
  }
  // Only move forward: a rewind meanwhile resets the summary, and that reset must win.
  const { count } = await prisma.chat.updateMany({ where: { id: chatId, summarizedSeq: chat.summarizedSeq }, data: { summary: summary.trim(), summarizedSeq: foldThrough } });
  return count > 0;
}
