// The Gemini provider with the real @google/genai SDK, over HTTP, against the fake Gemini server.
import { getEventListeners } from "node:events";
import { GoogleGenAI } from "@google/genai";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createAiProvider } from "@/lib/ai";
import { AiError, type AiErrorKind } from "@/lib/ai/errors";
import { createGeminiProvider, type GeminiProviderOptions } from "@/lib/ai/gemini";
import type { Brief, SafetyLevel, TextRequest, TextStreamEvent } from "@/lib/ai/types";
import { GM_TOOLS } from "@/lib/game/gm-effects";
import { sandboxState } from "@/lib/game/rules";
import { z } from "@/lib/zod";
import { startFakeGemini, type FakeGemini, type RecordedRequest } from "../support/fake-gemini";

let fake: FakeGemini;

beforeAll(async () => {
  fake = await startFakeGemini();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

const API_KEY = "test-gemini-key";

function provider(overrides: Partial<GeminiProviderOptions> = {}) {
  return createGeminiProvider({
    apiKey: API_KEY,
    baseUrl: fake.url,
    models: ["model-a", "model-b"],
    firstTokenTimeoutMs: 3000,
    replyTimeoutMs: 6000,
    safetyLevel: "standard",
    ...overrides,
  });
}

const brief: Brief = { kind: "game_master", state: sandboxState(4) };

const textRequest = (overrides: Partial<TextRequest> = {}): TextRequest => ({
  system: "You are the game master of Emberpeak.",
  messages: [
    { role: "user", text: "We walk to the bridge." },
    { role: "assistant", text: "The troll rattles his bowl." },
    { role: "user", text: "Talk to the troll" },
  ],
  brief,
  ...overrides,
});

type Outcome = { events: TextStreamEvent[]; error: unknown; elapsedMs: number; eventTimes: number[] };

/** Reads a stream to its end or its error, noting when each event arrived. */
async function consume(stream: AsyncIterable<TextStreamEvent>, onEvent?: (event: TextStreamEvent) => void): Promise<Outcome> {
  const started = performance.now();
  const events: TextStreamEvent[] = [];
  const eventTimes: number[] = [];
  let error: unknown = null;
  try {
    for await (const event of stream) {
      events.push(event);
      eventTimes.push(performance.now() - started);
      onEvent?.(event);
    }
  } catch (caught) {
    error = caught;
  }
  return { events, error, elapsedMs: performance.now() - started, eventTimes };
}

function expectAiError(error: unknown, kind: AiErrorKind): AiError {
  expect(error).toBeInstanceOf(AiError);
  expect((error as AiError).kind).toBe(kind);
  return error as AiError;
}

const texts = (events: TextStreamEvent[]) => events.flatMap((event) => (event.type === "text" ? [event.text] : []));
const modelsAsked = () => fake.requests.map((request) => request.model);
const generationConfig = (request: RecordedRequest) => request.body?.generationConfig as Record<string, unknown>;

describe("streamText", () => {
  test("streams the deltas in order as they arrive, then one done with usage and finish reason", async () => {
    fake.script("model-a", { chunks: ["The troll ", "wipes his eyes ", "and grins."], chunkDelayMs: 150, usage: { promptTokenCount: 42, candidatesTokenCount: 7 } });
    const { events, error, eventTimes } = await consume(provider().streamText(textRequest()));
    expect(error).toBeNull();
    expect(events).toEqual([
      { type: "text", text: "The troll " },
      { type: "text", text: "wipes his eyes " },
      { type: "text", text: "and grins." },
      { type: "done", usage: { model: "model-a", inputTokens: 42, outputTokens: 7 }, finishReason: "stop" },
    ]);
    // Delivered as they came, not buffered to the end: two chunk delays (300 ms) lie between first
    // and last; half of that leaves room for a busy machine.
    expect(eventTimes[2]! - eventTimes[0]!).toBeGreaterThanOrEqual(150);
  });

  test("sends the system instruction, the turns as user/model, the key, the sampling options and the safety settings", async () => {
    fake.script("model-a", { chunks: ["Aye."] });
    await consume(provider().streamText(textRequest({ temperature: 0.7, maxOutputTokens: 300 })));
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1beta/models/model-a:streamGenerateContent", query: { alt: "sse" }, apiKey: API_KEY });
    expect(request!.body).toMatchObject({
      systemInstruction: { parts: [{ text: "You are the game master of Emberpeak." }] },
      contents: [
        { role: "user", parts: [{ text: "We walk to the bridge." }] },
        { role: "model", parts: [{ text: "The troll rattles his bowl." }] },
        { role: "user", parts: [{ text: "Talk to the troll" }] },
      ],
      generationConfig: { temperature: 0.7, maxOutputTokens: 300 },
    });
    expect(request!.body).not.toHaveProperty("tools");
  });

  test.each([
    ["relaxed", "BLOCK_ONLY_HIGH"],
    ["standard", "BLOCK_MEDIUM_AND_ABOVE"],
    ["strict", "BLOCK_LOW_AND_ABOVE"],
  ] as const)("safety level %s asks Gemini to block %s in the four moderated categories", async (level: SafetyLevel, threshold) => {
    fake.script("model-a", { chunks: ["Aye."] });
    await consume(provider({ safetyLevel: level }).streamText(textRequest()));
    expect(fake.requests[0]!.body?.safetySettings).toEqual(
      ["HARM_CATEGORY_HARASSMENT", "HARM_CATEGORY_HATE_SPEECH", "HARM_CATEGORY_SEXUALLY_EXPLICIT", "HARM_CATEGORY_DANGEROUS_CONTENT"].map((category) => ({
        category,
        threshold,
      })),
    );
  });

  test("declares the tools as JSON schema and surfaces the model's function calls as tool_call events", async () => {
    fake.script("model-a", {
      chunks: ["Tova kneels ", "beside Ilsa."],
      functionCalls: [{ name: "adjust_hp", args: { hero: "Ilsa", delta: 4, reason: "bandaged" } }],
    });
    const { events, error } = await consume(provider().streamText(textRequest({ tools: [...GM_TOOLS] })));
    expect(error).toBeNull();
    expect(events.map((event) => event.type)).toEqual(["text", "text", "tool_call", "done"]);
    expect(events[2]).toEqual({ type: "tool_call", name: "adjust_hp", args: { hero: "Ilsa", delta: 4, reason: "bandaged" } });
    expect(fake.requests[0]!.body?.tools).toEqual([
      {
        functionDeclarations: GM_TOOLS.map((tool) => ({
          name: tool.name,
          description: tool.description,
          parametersJsonSchema: JSON.parse(JSON.stringify(z.toJSONSchema(tool.parameters, { io: "input" }))),
        })),
      },
    ]);
  });

  test.each([
    ["MAX_TOKENS", "length"],
    ["SAFETY", "safety"],
    ["PROHIBITED_CONTENT", "safety"],
    ["BLOCKLIST", "safety"],
    ["RECITATION", "other"],
  ])("maps finish reason %s to %s", async (geminiReason, finishReason) => {
    fake.script("model-a", { chunks: ["Half a"], finishReason: geminiReason });
    const { events } = await consume(provider().streamText(textRequest()));
    expect(events.at(-1)).toMatchObject({ type: "done", finishReason });
  });

  test.each([429, 503])("after HTTP %i from the first model, asks the next one", async (status) => {
    fake.script("model-a", { status });
    fake.script("model-b", { chunks: ["From the ", "fallback."] });
    const { events, error } = await consume(provider().streamText(textRequest()));
    expect(error).toBeNull();
    expect(texts(events)).toEqual(["From the ", "fallback."]);
    expect(events.at(-1)).toMatchObject({ type: "done", usage: { model: "model-b" } });
    expect(modelsAsked()).toEqual(["model-a", "model-b"]);
  });

  test("when every model is over quota: AiError quota, with the soonest retry time the server gave", async () => {
    fake.script("model-a", { status: 429, retryAfterSeconds: 30 });
    fake.script("model-b", { status: 429, retryAfterSeconds: 12 });
    const { events, error } = await consume(provider().streamText(textRequest()));
    expect(events).toEqual([]);
    const aiError = expectAiError(error, "quota");
    expect(aiError.retryAfterSeconds).toBe(12);
    expect(modelsAsked()).toEqual(["model-a", "model-b"]);
  });

  test("quota on one model and overload on the other is still quota; overload on all is unavailable", async () => {
    fake.script("model-a", { status: 503 });
    fake.script("model-b", { status: 429 });
    expectAiError((await consume(provider().streamText(textRequest()))).error, "quota");
    fake.script("model-a", { status: 503 });
    fake.script("model-b", { status: 503 });
    const aiError = expectAiError((await consume(provider().streamText(textRequest()))).error, "unavailable");
    expect(aiError.retryAfterSeconds).toBeUndefined();
  });

  test("other server errors are final: no fallback", async () => {
    fake.script("model-a", { status: 500 });
    expectAiError((await consume(provider().streamText(textRequest()))).error, "unavailable");
    fake.script("model-a", { status: 400 });
    expectAiError((await consume(provider().streamText(textRequest()))).error, "bad_request");
    expect(modelsAsked()).toEqual(["model-a", "model-a"]);
  });

  test("no first token within the limit: AiError timeout, on time, without trying another model", async () => {
    fake.script("model-a", { chunks: ["Too late."], firstChunkDelayMs: 3000 });
    const { events, error, elapsedMs } = await consume(provider({ firstTokenTimeoutMs: 200 }).streamText(textRequest()));
    expect(events).toEqual([]);
    expect(expectAiError(error, "timeout").model).toBe("model-a");
    expect(elapsedMs).toBeGreaterThanOrEqual(190);
    expect(elapsedMs).toBeLessThan(1500);
    expect(modelsAsked()).toEqual(["model-a"]);
  });

  test("once the first token is in, the first-token limit no longer applies", async () => {
    fake.script("model-a", { chunks: ["Slow ", "but ", "steady ", "wins."], chunkDelayMs: 250 });
    const { events, error, elapsedMs } = await consume(provider({ firstTokenTimeoutMs: 400, replyTimeoutMs: 3000 }).streamText(textRequest()));
    expect(error).toBeNull();
    expect(texts(events).join("")).toBe("Slow but steady wins.");
    expect(elapsedMs).toBeGreaterThan(700);
  });

  test("a reply that runs past the whole-reply limit: AiError timeout after the deltas already given", async () => {
    fake.script("model-a", { chunks: ["One ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight "], chunkDelayMs: 100 });
    const { events, error, elapsedMs } = await consume(provider({ firstTokenTimeoutMs: 500, replyTimeoutMs: 600 }).streamText(textRequest()));
    expectAiError(error, "timeout");
    expect(texts(events).length).toBeGreaterThanOrEqual(2);
    expect(texts(events).length).toBeLessThan(8);
    expect(elapsedMs).toBeLessThan(1500);
  });

  test("a connection dropped mid-stream: the reader got the deltas before it, then AiError unavailable (no fallback)", async () => {
    fake.script("model-a", { chunks: ["The bridge ", "sways ", "and then"], dropAfterChunks: 2, chunkDelayMs: 20 });
    const seen: string[] = [];
    const { error } = await consume(provider().streamText(textRequest()), (event) => {
      if (event.type === "text") seen.push(event.text);
    });
    expect(seen).toEqual(["The bridge ", "sways "]);
    expectAiError(error, "unavailable");
    expect(modelsAsked()).toEqual(["model-a"]);
  });

  test("the caller's abort stops the stream promptly with AiError aborted", async () => {
    fake.script("model-a", { chunks: ["First ", "second ", "third"], chunkDelayMs: 2000 });
    const controller = new AbortController();
    let abortedAt = 0;
    const { events, error, elapsedMs } = await consume(provider().streamText(textRequest({ signal: controller.signal })), () => {
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, 50);
    });
    expect(texts(events)).toEqual(["First "]);
    expectAiError(error, "aborted");
    expect(elapsedMs).toBeLessThan(1500);
    expect(performance.now() - abortedAt).toBeLessThan(500);
  });

  test("a signal aborted before the call: AiError aborted", async () => {
    const { error } = await consume(provider().streamText(textRequest({ signal: AbortSignal.abort() })));
    expectAiError(error, "aborted");
  });

  test("a prompt Gemini blocks: AiError blocked", async () => {
    fake.script("model-a", { promptBlocked: "SAFETY" });
    const { events, error } = await consume(provider().streamText(textRequest()));
    expect(events).toEqual([]);
    expectAiError(error, "blocked");
    expect(modelsAsked()).toEqual(["model-a"]);
  });

  test("leaves no timer running and no listener on the caller's signal, over 1,000 streams", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
    const callerSignal = new AbortController().signal;
    const gemini = provider();
    const before = timers();
    for (let i = 0; i < 1000; i += 1) {
      if (i % 10 === 9) fake.script("model-a", { status: 429 });
      const { error } = await consume(gemini.streamText(textRequest({ signal: callerSignal })));
      expect(error).toBeNull();
    }
    // A reader that stops early must release everything as well.
    fake.script("model-a", { chunks: ["a ", "b ", "c"], chunkDelayMs: 50 });
    for await (const event of gemini.streamText(textRequest({ signal: callerSignal }))) {
      expect(event.type).toBe("text");
      break;
    }
    expect(getEventListeners(callerSignal, "abort")).toHaveLength(0);
    expect(timers()).toBeLessThanOrEqual(before);
  }, 60_000);
});

describe("generateJson", () => {
  const verdict = z.strictObject({ mood: z.enum(["calm", "angry"]), toll: z.number().int().min(0) });
  const jsonRequest = { system: "Judge the troll.", messages: [{ role: "user" as const, text: "How is the troll?" }], brief, schema: verdict };

  test("returns the validated value, asking Gemini for JSON in the schema's shape", async () => {
    fake.script("model-a", { json: { mood: "calm", toll: 3 }, usage: { promptTokenCount: 20, candidatesTokenCount: 9 } });
    const result = await provider().generateJson(jsonRequest);
    expect(result).toEqual({ value: { mood: "calm", toll: 3 }, usage: { model: "model-a", inputTokens: 20, outputTokens: 9 } });
    const [request] = fake.requests;
    expect(request).toMatchObject({ path: "/v1beta/models/model-a:generateContent", apiKey: API_KEY });
    expect(generationConfig(request!)).toMatchObject({
      responseMimeType: "application/json",
      responseJsonSchema: { type: "object", properties: { mood: { enum: ["calm", "angry"] }, toll: { type: "integer" } } },
    });
    expect(request!.body?.systemInstruction).toEqual({ parts: [{ text: "Judge the troll." }] });
  });

  test("invalid output gets one repair turn carrying the previous output and its issues", async () => {
    fake.script("model-a", { json: { mood: "furious", toll: -2 }, usage: { promptTokenCount: 20, candidatesTokenCount: 9 } }, { json: { mood: "angry", toll: 2 }, usage: { promptTokenCount: 40, candidatesTokenCount: 8 } });
    const result = await provider().generateJson(jsonRequest);
    expect(result).toEqual({ value: { mood: "angry", toll: 2 }, usage: { model: "model-a", inputTokens: 60, outputTokens: 17 } });
    expect(fake.requests).toHaveLength(2);
    const repair = fake.requests[1]!.body?.contents as { role: string; parts: { text: string }[] }[];
    expect(repair.slice(0, 1)).toEqual([{ role: "user", parts: [{ text: "How is the troll?" }] }]);
    expect(repair[1]).toEqual({ role: "model", parts: [{ text: JSON.stringify({ mood: "furious", toll: -2 }) }] });
    expect(repair[2]!.role).toBe("user");
    expect(repair[2]!.parts[0]!.text).toMatch(/mood: .*\n.*toll: /s);
    expect(repair[2]!.parts[0]!.text).toMatch(/only the corrected JSON/);
  });

  test("text that is not JSON is repaired the same way", async () => {
    fake.script("model-a", { text: "The troll seems calm, toll 3." }, { text: '```json\n{"mood":"calm","toll":3}\n```' });
    expect((await provider().generateJson(jsonRequest)).value).toEqual({ mood: "calm", toll: 3 });
    expect((fake.requests[1]!.body?.contents as { parts: { text: string }[] }[])[2]!.parts[0]!.text).toMatch(/not valid JSON/);
  });

  test("invalid twice: AiError invalid_output, after exactly two requests", async () => {
    fake.script("model-a", { json: { mood: "furious" } }, { text: "{ nope" });
    const error = await provider().generateJson(jsonRequest).catch((caught: unknown) => caught);
    expect(expectAiError(error, "invalid_output").model).toBe("model-a");
    expect(fake.requests).toHaveLength(2);
  });

  test("falls back on quota, and repairs on the model that answered", async () => {
    fake.script("model-a", { status: 429, retryAfterSeconds: 5 });
    fake.script("model-b", { json: { mood: "calm" } }, { json: { mood: "calm", toll: 0 } });
    expect((await provider().generateJson(jsonRequest)).usage.model).toBe("model-b");
    expect(modelsAsked()).toEqual(["model-a", "model-b", "model-b"]);
  });

  test("every model over quota: AiError quota with the retry time", async () => {
    fake.script("*", { status: 429, retryAfterSeconds: 9 }, { status: 429, retryAfterSeconds: 9 });
    const error = await provider().generateJson(jsonRequest).catch((caught: unknown) => caught);
    expect(expectAiError(error, "quota").retryAfterSeconds).toBe(9);
  });

  test("a blocked prompt: AiError blocked", async () => {
    fake.script("model-a", { promptBlocked: "PROHIBITED_CONTENT" });
    const error = await provider().generateJson(jsonRequest).catch((caught: unknown) => caught);
    expectAiError(error, "blocked");
  });

  test("no answer within the reply limit: AiError timeout; the caller's abort: AiError aborted", async () => {
    fake.script("model-a", { chunks: ['{"mood":"calm","toll":1}'], firstChunkDelayMs: 2000 });
    const started = performance.now();
    const timedOut = await provider({ firstTokenTimeoutMs: 100, replyTimeoutMs: 300 }).generateJson(jsonRequest).catch((caught: unknown) => caught);
    expectAiError(timedOut, "timeout");
    expect(performance.now() - started).toBeLessThan(1500);

    fake.script("model-a", { chunks: ['{"mood":"calm","toll":1}'], firstChunkDelayMs: 2000 });
    const aborted = await provider().generateJson({ ...jsonRequest, signal: AbortSignal.timeout(100) }).catch((caught: unknown) => caught);
    expectAiError(aborted, "aborted");
  });
});

describe("createAiProvider from env", () => {
  test("a key and a base URL reach the server; the fallback list follows the main model, without repeating it", async () => {
    const gemini = createAiProvider({
      env: {
        GEMINI_API_KEY: "env-key",
        GEMINI_BASE_URL: fake.url,
        GEMINI_MODEL: "model-a",
        GEMINI_FALLBACK_MODELS: ["model-a", "model-b"],
        AI_FIRST_TOKEN_TIMEOUT_MS: 2000,
        AI_REPLY_TIMEOUT_MS: 5000,
        AI_SAFETY_LEVEL: "strict",
        AI_OFFLINE_WORD_DELAY_MS: 0,
      },
    });
    fake.script("model-a", { status: 429 });
    fake.script("model-b", { status: 429 });
    expectAiError((await consume(gemini.streamText(textRequest()))).error, "quota");
    expect(modelsAsked()).toEqual(["model-a", "model-b"]);
    expect(fake.requests.map((request) => request.apiKey)).toEqual(["env-key", "env-key"]);
    expect(fake.requests[0]!.body?.safetySettings).toContainEqual({ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_LOW_AND_ABOVE" });
  });
});

// Later features (scene art, embeddings) will script these replies; the SDK must read them as Gemini's.
describe("fake Gemini: image and embedding replies", () => {
  const client = () => new GoogleGenAI({ apiKey: API_KEY, httpOptions: { baseUrl: fake.url } });

  test("an image reply arrives as an inlineData part, and the request's image config is recorded", async () => {
    const base64 = Buffer.from("fake-png-bytes").toString("base64");
    fake.script("image-model", { image: { mimeType: "image/png", base64 } });
    const response = await client().models.generateContent({
      model: "image-model",
      contents: "A troll in a tin crown",
      config: { responseModalities: ["IMAGE"], imageConfig: { aspectRatio: "16:9" } },
    });
    expect(response.candidates?.[0]?.content?.parts?.[0]?.inlineData).toEqual({ mimeType: "image/png", data: base64 });
    expect(generationConfig(fake.requests[0]!)).toMatchObject({ responseModalities: ["IMAGE"], imageConfig: { aspectRatio: "16:9" } });
  });

  test("embeddings arrive one vector per content, through :batchEmbedContents", async () => {
    fake.script("embed-model", { embeddings: [[0.1, 0.2], [0.3, 0.4]] });
    const response = await client().models.embedContent({ model: "embed-model", contents: ["the troll", "the warden"] });
    expect(response.embeddings?.map((embedding) => embedding.values)).toEqual([[0.1, 0.2], [0.3, 0.4]]);
    expect(fake.requests[0]).toMatchObject({ model: "embed-model", action: "batchEmbedContents" });
  });
});
