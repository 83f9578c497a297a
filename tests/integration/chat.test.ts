// The game-master chat through its routes, against the real database: with the offline
// storyteller, and with the real @google/genai SDK talking to a fake Gemini server that scripts
// replies and faults. Nothing the player typed or the model said may be lost.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createAiProvider } from "@/lib/ai";
import { createOfflineProvider } from "@/lib/ai/offline";
import { foldOldMessages, CONTEXT_WINDOW } from "@/lib/chat/service";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { adoptGuestData } from "@/lib/auth/guest-adoption";
import { startFakeGemini, type FakeGemini } from "../support/fake-gemini";
import { apiAs, createTestUser, sampleState, uniqueSessionId, type TestUser } from "./api";
import { eventually, getHistory, openStream, rewindTo, sendJson, storedMessages, streamAll, useProvider } from "./chat-client";

// This file sends more messages than a player may in a minute; the limits have their own tests.
vi.hoisted(() => {
  process.env.RATE_LIMIT_CHAT_PER_MINUTE = "100000";
  process.env.RATE_LIMIT_CHAT_PLAYER_PER_DAY = "100000";
});

let player: TestUser;
let fake: FakeGemini;

/** A fresh party of the player's; returns its session id. */
async function newParty(user: TestUser = player, state = sampleState()): Promise<string> {
  const sessionId = uniqueSessionId("chat");
  expect((await apiAs(user.headers).save({ session_id: sessionId, state })).status).toBe(200);
  return sessionId;
}

const geminiProvider = (overrides: { firstTokenTimeoutMs?: number; replyTimeoutMs?: number } = {}) =>
  createAiProvider({
    env: {
      ...env,
      GEMINI_API_KEY: "test-key",
      GEMINI_BASE_URL: fake.url,
      GEMINI_MODEL: "model-a",
      GEMINI_FALLBACK_MODELS: ["model-b"],
      AI_FIRST_TOKEN_TIMEOUT_MS: overrides.firstTokenTimeoutMs ?? 5000,
      AI_REPLY_TIMEOUT_MS: overrides.replyTimeoutMs ?? 10_000,
    },
  });

beforeAll(async () => {
  player = await createTestUser();
  fake = await startFakeGemini();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.reset();
  vi.restoreAllMocks();
});

describe("with the offline storyteller", () => {
  let restore: () => void;
  beforeAll(() => {
    restore = useProvider(createOfflineProvider({ wordDelayMs: 1 }));
  });
  afterAll(() => restore());

  test("a reply streams as several deltas, grounded in the party, and both messages are stored", async () => {
    const sessionId = await newParty();
    const { status, events, text } = await streamAll({ body: { session_id: sessionId, message: "Nim searches the altar." }, headers: player.headers });
    expect(status).toBe(200);
    expect(events[0]).toMatchObject({ event: "message", data: { user: { role: "user", content: "Nim searches the altar.", status: "complete" } } });
    expect(events.filter((event) => event.event === "delta").length).toBeGreaterThan(3);
    expect(events.at(-1)).toMatchObject({ event: "done", data: { status: "complete", usage: { model: "offline-storyteller" } } });
    expect(text).toMatch(/Nim|Bram|Ilsa|Tova/);

    const stored = await storedMessages({ ownerId: player.id, sessionId });
    expect(stored.map((row) => [row.role, row.status])).toEqual([
      ["user", "complete"],
      ["assistant", "complete"],
    ]);
    expect(stored[1]!.content).toBe(text);
  });

  test("a client without event streams gets the finished reply as JSON; the same messages are stored", async () => {
    const sessionId = await newParty();
    const { status, body } = await sendJson({ body: { session_id: sessionId, message: "What do we know about this place?" }, headers: player.headers });
    expect(status).toBe(200);
    expect(body).toEqual({ response: expect.stringMatching(/\w+/), message_id: expect.any(String), status: "complete", effects: expect.any(Array) });
    const stored = await storedMessages({ ownerId: player.id, sessionId });
    expect(stored.map((row) => row.role)).toEqual(["user", "assistant"]);
    expect(stored[1]).toMatchObject({ id: body.message_id, content: body.response });
  });

  test("a retried send with the same client_message_id stores nothing new and plays the reply back", async () => {
    const sessionId = await newParty();
    const body = { session_id: sessionId, message: "Bram kicks the door.", client_message_id: "retry-0001-abcdef" };
    const first = await streamAll({ body, headers: player.headers });
    const second = await streamAll({ body, headers: player.headers });
    expect(second.text).toBe(first.text);
    expect(await storedMessages({ ownerId: player.id, sessionId })).toHaveLength(2);
    const json = await sendJson({ body, headers: player.headers });
    expect(json.body).toMatchObject({ response: first.text });
    expect(await storedMessages({ ownerId: player.id, sessionId })).toHaveLength(2);
  });

  test("a game effect changes the party as a new version, and shows in the chat", async () => {
    // Bram (Fighter, 30 max) is hurt; Tova the Cleric tends him.
    const sessionId = await newParty(player, sampleState({ heroes: [{ name: "Bram", class: "Fighter", hp: 12 }, { name: "Tova", class: "Cleric", hp: 24 }] }));
    const before = (await apiAs(player.headers).load(sessionId)).body as { version: number; state: { heroes: { hp: number }[] } };
    const { events } = await streamAll({ body: { session_id: sessionId, message: "Tova bandages Bram's wounds." }, headers: player.headers });
    const effect = events.find((event) => event.event === "effect");
    expect(effect).toMatchObject({ event: "effect", data: { text: expect.stringMatching(/^Bram \+\d+ HP/), applied: true, state_version: before.version + 1 } });
    const after = (await apiAs(player.headers).load(sessionId)).body as { version: number; state: { heroes: { hp: number }[] } };
    expect(after.version).toBe(before.version + 1);
    expect(after.state.heroes[0]!.hp).toBeGreaterThan(12);
    const reply = (await storedMessages({ ownerId: player.id, sessionId }))[1]!;
    expect(reply.effects).toEqual([expect.objectContaining({ applied: true })]);
  });

  test("history pages back through the conversation without gaps or repeats", async () => {
    const sessionId = await newParty();
    for (const message of ["I look around.", "We rest a moment.", "Ilsa studies the runes."]) await streamAll({ body: { session_id: sessionId, message }, headers: player.headers });
    const newest = await getHistory({ sessionId, headers: player.headers, limit: 4 });
    expect(newest.status).toBe(200);
    expect(newest.body.messages.map((message) => message.seq)).toEqual([3, 4, 5, 6]);
    expect(newest.body.next_cursor).toBe(3);
    const older = await getHistory({ sessionId, headers: player.headers, limit: 4, cursor: newest.body.next_cursor! });
    expect(older.body.messages.map((message) => message.seq)).toEqual([1, 2]);
    expect(older.body.next_cursor).toBeNull();
    expect(older.body.messages[0]).toMatchObject({ role: "user", content: "I look around." });
  });

  test("regenerate replaces the last reply; edit rewrites the last message and its reply; rewind drops what follows", async () => {
    const sessionId = await newParty();
    await streamAll({ body: { session_id: sessionId, message: "I look around." }, headers: player.headers });
    await streamAll({ body: { session_id: sessionId, message: "We rest a moment." }, headers: player.headers });
    const [, firstReply, lastUser, lastReply] = await storedMessages({ ownerId: player.id, sessionId });

    const regenerated = await streamAll({ kind: "regenerate", body: { session_id: sessionId }, headers: player.headers });
    expect(regenerated.events.at(-1)).toMatchObject({ event: "done", data: { status: "complete" } });
    // Another version, even from the deterministic storyteller.
    expect(regenerated.text).not.toBe(lastReply!.content);
    expect((await storedMessages({ ownerId: player.id, sessionId })).map((row) => row.seq)).toEqual([1, 2, 3, 4]);

    const edited = await streamAll({ kind: "edit", body: { session_id: sessionId, message_id: lastUser!.id, message: "Tova prays over the shrine." }, headers: player.headers });
    expect(edited.events[0]).toMatchObject({ event: "message", data: { user: { id: lastUser!.id, content: "Tova prays over the shrine." } } });
    const afterEdit = await storedMessages({ ownerId: player.id, sessionId });
    expect(afterEdit.map((row) => [row.seq, row.role])).toEqual([
      [1, "user"],
      [2, "assistant"],
      [3, "user"],
      [4, "assistant"],
    ]);
    expect(afterEdit[3]!.content).toBe(edited.text);

    // Only the last message can be edited.
    const refused = await streamAll({ kind: "edit", body: { session_id: sessionId, message_id: afterEdit[0]!.id, message: "Something else." }, headers: player.headers });
    expect(refused.status).toBe(422);

    expect((await rewindTo({ sessionId, messageId: firstReply!.id, headers: player.headers })).body).toEqual({ status: "rewound", removed: 2 });
    expect((await storedMessages({ ownerId: player.id, sessionId })).map((row) => row.seq)).toEqual([1, 2]);
  });

  test("a long conversation keeps a short context: older messages fold into a rolling summary", async () => {
    const sessionId = await newParty();
    await streamAll({ body: { session_id: sessionId, message: "I look around." }, headers: player.headers });
    const prisma = await getPrisma();
    const chat = await prisma.chat.findFirstOrThrow({ where: { ownerId: player.id, sessionId } });
    const filler = Array.from({ length: 2 * CONTEXT_WINDOW + 4 }, (_, index) => ({
      chatId: chat.id,
      seq: index + 3,
      role: index % 2 ? ("assistant" as const) : ("user" as const),
      content: index % 2 ? `The troll grumbles about toll number ${index}.` : `Bram offers the troll coin ${index}.`,
    }));
    await prisma.chatMessage.createMany({ data: filler });
    expect(await foldOldMessages({ chatId: chat.id, provider: createOfflineProvider({ wordDelayMs: 0 }) })).toBe(true);
    const folded = await prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
    const lastSeq = filler.at(-1)!.seq;
    expect(folded.summarizedSeq).toBe(lastSeq - CONTEXT_WINDOW);
    expect(folded.summary).toMatch(/troll|Bram/);
    // Not again until another window has passed.
    expect(await foldOldMessages({ chatId: chat.id, provider: createOfflineProvider({ wordDelayMs: 0 }) })).toBe(false);
  });

  test("bad input: empty, too long, unknown session, wrong mode, story without an interview", async () => {
    const sessionId = await newParty();
    const cases: [unknown, number, string][] = [
      [{ session_id: sessionId, message: "   " }, 422, "validation:chat"],
      [{ session_id: sessionId, message: "x".repeat(4001) }, 422, "validation:chat"],
      [{ session_id: sessionId, message: "hi", mode: "poetry" }, 422, "validation:chat"],
      [{ session_id: uniqueSessionId("nope"), message: "hi" }, 404, "not_found:party"],
      [{ session_id: sessionId, message: "hi", mode: "story" }, 404, "not_found:story"],
    ];
    for (const [body, status, code] of cases) {
      const answer = await sendJson({ body, headers: player.headers });
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(answer.body).toMatchObject({ error: { code } });
    }
    expect(await storedMessages({ ownerId: player.id, sessionId })).toEqual([]);
  });

  test("a guest's chats come along when the guest signs in to an account", async () => {
    const guest = await createTestUser({ isGuest: true });
    const sessionId = await newParty(guest);
    await streamAll({ body: { session_id: sessionId, message: "I look around." }, headers: guest.headers });
    const account = await createTestUser();
    await adoptGuestData({ guestUserId: guest.id, userId: account.id });
    expect((await getHistory({ sessionId, headers: account.headers })).body.messages).toHaveLength(2);
  });
});

describe("with Gemini (the real SDK against a fake server)", () => {
  let restore: () => void;
  afterEach(() => restore?.());

  test("the user's message is stored before the first delta arrives", async () => {
    restore = useProvider(geminiProvider());
    const sessionId = await newParty();
    fake.script("model-a", { chunks: ["The fog ", "thins."], firstChunkDelayMs: 800 });
    const stream = await openStream({ body: { session_id: sessionId, message: "We wait." }, headers: player.headers });
    expect(await stream.next()).toMatchObject({ event: "message" });
    // The model has not answered yet, and both rows are already there.
    const stored = await storedMessages({ ownerId: player.id, sessionId });
    expect(stored.map((row) => [row.role, row.status, row.content])).toEqual([
      ["user", "complete", "We wait."],
      ["assistant", "streaming", ""],
    ]);
    expect(await stream.next()).toMatchObject({ event: "delta", data: { text: "The fog " } });
    while (await stream.next());
    expect((await storedMessages({ ownerId: player.id, sessionId }))[1]).toMatchObject({ status: "complete", content: "The fog thins.", model: "model-a" });
    // The context reached the model: the system prompt names the party and the scene.
    const sent = fake.requests.at(-1)!.body as { systemInstruction: { parts: { text: string }[] }; tools: unknown[] };
    expect(sent.systemInstruction.parts[0]!.text).toContain("The Ashen Four");
    expect(sent.tools).toHaveLength(1);
  });

  test("a connection dropped mid-stream keeps the partial reply, marked error, and says so", async () => {
    restore = useProvider(geminiProvider());
    const sessionId = await newParty();
    fake.script("model-a", { chunks: ["The bridge ", "sways ", "and then"], dropAfterChunks: 2, chunkDelayMs: 30 });
    const { events, text } = await streamAll({ body: { session_id: sessionId, message: "We cross." }, headers: player.headers });
    expect(text).toBe("The bridge sways ");
    expect(events.at(-1)).toMatchObject({ event: "error", data: { code: "unavailable:ai" } });
    expect((await storedMessages({ ownerId: player.id, sessionId }))[1]).toMatchObject({ status: "error", content: "The bridge sways ", errorCode: "ai_unavailable" });
  });

  test("a client that leaves mid-reply: the reply stops and what was said is stored as interrupted", async () => {
    restore = useProvider(geminiProvider());
    const sessionId = await newParty();
    fake.script("model-a", { chunks: ["One ", "two ", "three ", "four ", "five ", "six "], chunkDelayMs: 300 });
    const stream = await openStream({ body: { session_id: sessionId, message: "Count for me." }, headers: player.headers });
    expect(await stream.next()).toMatchObject({ event: "message" });
    expect(await stream.next()).toMatchObject({ event: "delta", data: { text: "One " } });
    await stream.cancel();
    const stored = await eventually(
      () => storedMessages({ ownerId: player.id, sessionId }),
      (rows) => rows[1]?.status === "interrupted",
    );
    expect(stored[1]).toMatchObject({ status: "interrupted" });
    expect(stored[1]!.content.startsWith("One ")).toBe(true);
    expect(stored[1]!.content).not.toContain("six");
  });

  test("on a 429 the next model answers", async () => {
    restore = useProvider(geminiProvider());
    const sessionId = await newParty();
    fake.script("model-a", { status: 429 });
    fake.script("model-b", { chunks: ["The lite model ", "answers."] });
    const { text } = await streamAll({ body: { session_id: sessionId, message: "Hello?" }, headers: player.headers });
    expect(text).toBe("The lite model answers.");
    expect(fake.requests.map((request) => request.model)).toEqual(["model-a", "model-b"]);
    expect((await storedMessages({ ownerId: player.id, sessionId }))[1]).toMatchObject({ model: "model-b", status: "complete" });
  });

  test("every model over quota: a 429 in the standard shape for JSON clients, an error event for streams", async () => {
    restore = useProvider(geminiProvider());
    const sessionId = await newParty();
    fake.script("model-a", { status: 429, retryAfterSeconds: 20 }, { status: 429, retryAfterSeconds: 20 });
    fake.script("model-b", { status: 429, retryAfterSeconds: 30 }, { status: 429, retryAfterSeconds: 30 });
    const json = await sendJson({ body: { session_id: sessionId, message: "Hello?" }, headers: player.headers });
    expect(json.status).toBe(429);
    expect(json.body).toMatchObject({ error: { code: "rate_limit:ai_quota" } });
    const streamed = await streamAll({ body: { session_id: sessionId, message: "Hello again?" }, headers: player.headers });
    expect(streamed.events.at(-1)).toMatchObject({ event: "error", data: { code: "rate_limit:ai_quota" } });
    // Both messages were kept, and so were the (empty) failed replies, marked error.
    expect((await storedMessages({ ownerId: player.id, sessionId })).map((row) => [row.role, row.status])).toEqual([
      ["user", "complete"],
      ["assistant", "error"],
      ["user", "complete"],
      ["assistant", "error"],
    ]);
  });

  test("no first token in time: a clear timeout error, and Retry writes the reply", async () => {
    restore = useProvider(geminiProvider({ firstTokenTimeoutMs: 300 }));
    const sessionId = await newParty();
    fake.script("*", { chunks: ["Too late."], firstChunkDelayMs: 2000 }, { chunks: ["Too late."], firstChunkDelayMs: 2000 });
    const started = Date.now();
    const { events } = await streamAll({ body: { session_id: sessionId, message: "Anyone there?" }, headers: player.headers });
    expect(events.at(-1)).toMatchObject({ event: "error", data: { code: "timeout:ai", message: expect.stringMatching(/too long/) } });
    expect(Date.now() - started).toBeLessThan(2500);
    expect((await storedMessages({ ownerId: player.id, sessionId }))[1]).toMatchObject({ status: "error", errorCode: "ai_timeout" });

    fake.reset();
    fake.script("model-a", { chunks: ["Here ", "I am."] });
    const retried = await streamAll({ kind: "regenerate", body: { session_id: sessionId }, headers: player.headers });
    expect(retried.text).toBe("Here I am.");
    expect((await storedMessages({ ownerId: player.id, sessionId })).map((row) => [row.role, row.status])).toEqual([
      ["user", "complete"],
      ["assistant", "complete"],
    ]);
  });

  test("game effects from the model are checked by the rules: out-of-bounds is refused and logged, a valid one applied", async () => {
    restore = useProvider(geminiProvider());
    const warn = vi.spyOn(logger, "warn");
    const sessionId = await newParty();
    const before = (await apiAs(player.headers).load(sessionId)).body as { version: number; state: { heroes: { name: string; hp: number }[] } };
    fake.script("model-a", {
      chunks: ["A rockfall! ", "Bram is struck."],
      functionCalls: [
        { name: "adjust_hp", args: { hero: "Bram", delta: -50, reason: "crushed" } },
        { name: "adjust_hp", args: { hero: "Nobody", delta: 2, reason: "?" } },
        { name: "adjust_hp", args: { hero: "Bram", delta: -4, reason: "a falling rock" } },
      ],
    });
    const { events } = await streamAll({ body: { session_id: sessionId, message: "We climb." }, headers: player.headers });
    const effects = events.filter((event) => event.event === "effect");
    expect(effects).toEqual([{ event: "effect", data: { text: expect.stringMatching(/^Bram [−-]4 HP/), applied: true, state_version: before.version + 1 } }]);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ reason: "invalid_args" }), "game-master effect refused");
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ reason: "unknown_hero" }), "game-master effect refused");
    const after = (await apiAs(player.headers).load(sessionId)).body as { version: number; state: { heroes: { name: string; hp: number }[] } };
    expect(after.state.heroes[0]!.hp).toBe(before.state.heroes[0]!.hp - 4);
    expect(after.version).toBe(before.version + 1);
  });
});
