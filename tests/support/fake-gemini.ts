// A stand-in for the Gemini API on 127.0.0.1 (random port), so the real @google/genai SDK can be
// tested over real HTTP with scripted replies and faults, and every request it sends inspected.
//   POST /v1beta/models/{model}:streamGenerateContent?alt=sse  → SSE, `data: {chunk}\r\n\r\n` per chunk
//   POST /v1beta/models/{model}:generateContent                → one JSON response
//   POST /v1beta/models/{model}:batchEmbedContents             → { embeddings: [{ values }] }
// Replies are queued per model (or for "*", any model) and served first in, first out; with the
// queues empty, `defaultReply` answers. Wire shapes follow the SDK's converters
// (generateContentResponseFromMldev): candidates[].content.parts, finishReason, usageMetadata,
// promptFeedback, modelVersion; errors are Google's `{ error: { code, message, status, details } }`.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeUsage = { promptTokenCount: number; candidatesTokenCount: number };

/** A text (and function-call) reply: streamed chunk by chunk, or joined for generateContent. */
export type FakeTextReply = {
  chunks: string[];
  /** Sent as functionCall parts after the text, in the last chunk. */
  functionCalls?: { name: string; args: unknown }[];
  /** Gemini's finish reason on the last chunk (default "STOP"). */
  finishReason?: string;
  /** Default: words in the request's contents and in the reply. */
  usage?: FakeUsage;
  /** Wait before the first chunk (headers go out at once, as Gemini's do). */
  firstChunkDelayMs?: number;
  chunkDelayMs?: number;
  /** Destroy the connection after this many chunks, mid-stream. */
  dropAfterChunks?: number;
};

export type FakeReply =
  | FakeTextReply
  /** An HTTP error with Google's error body; `retryAfterSeconds` adds RetryInfo and Retry-After. */
  | { status: number; body?: unknown; retryAfterSeconds?: number }
  /** A reply whose text is this value as JSON (for generateJson). */
  | { json: unknown; usage?: FakeUsage }
  /** A reply of exactly this text (invalid JSON for the fault cases). */
  | { text: string; usage?: FakeUsage }
  /** The prompt refused before any candidate, with this blockReason. */
  | { promptBlocked: string }
  /** An inlineData image part (image generation). */
  | { image: { mimeType: string; base64: string } }
  /** One vector per embedded content (batchEmbedContents). */
  | { embeddings: number[][] };

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** From the path, e.g. "gemini-2.5-flash". */
  model: string | null;
  /** From the path, e.g. "streamGenerateContent". */
  action: string | null;
  headers: IncomingHttpHeaders;
  /** The x-goog-api-key header. */
  apiKey: string | undefined;
  /** The parsed JSON body (null when there was none or it did not parse). */
  body: Record<string, unknown> | null;
  /** process.hrtime in ms (one clock for every process on the machine): when the request arrived, */
  receivedAt: number;
  /** and when the first streamed chunk was handed to the socket (streaming replies only). */
  firstChunkAt?: number;
};

const hrtimeMs = () => Number(process.hrtime.bigint()) / 1e6;

export type FakeGemini = {
  /** For `httpOptions.baseUrl`, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Every request received, in order (cleared by `reset`). */
  requests: RecordedRequest[];
  /** Queues replies for one model, or for any model with "*". */
  script(modelOrStar: string, ...replies: FakeReply[]): void;
  /** Forgets scripted replies and recorded requests. */
  reset(): void;
  close(): Promise<void>;
};

const ERROR_STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

const DEFAULT_REPLY: FakeReply = { chunks: ["The fake model ", "has nothing scripted."] };

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Words of every text part the request sent (contents and system instruction), as a stand-in token count. */
function requestWords(body: Record<string, unknown> | null): number {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "text" && typeof inner === "string") texts.push(inner);
        else collect(inner);
      }
    }
  };
  collect([body?.contents, body?.systemInstruction]);
  return wordCount(texts.join(" "));
}

function errorBody({ status, retryAfterSeconds }: { status: number; retryAfterSeconds?: number }) {
  const details = retryAfterSeconds === undefined ? [] : [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${retryAfterSeconds}s` }];
  return { error: { code: status, message: `Scripted failure ${status}.`, status: ERROR_STATUS_NAMES[status] ?? "UNKNOWN", details } };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Waits `ms`, or less if the client went away (then there is nothing left to send). */
function pause({ ms, response }: { ms: number | undefined; response: ServerResponse }): Promise<void> {
  if (!ms) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      response.off("close", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    response.on("close", done);
  });
}

/** Resolves once the data is handed to the socket, so a later destroy cannot swallow it. */
const write = ({ response, data }: { response: ServerResponse; data: string }) => new Promise<void>((resolve) => response.write(data, () => resolve()));

const gone = (response: ServerResponse) => response.destroyed || response.writableEnded;

type Candidate = { content: { role: "model"; parts: Record<string, unknown>[] }; finishReason?: string; index: number };

export async function startFakeGemini({ defaultReply = DEFAULT_REPLY }: { defaultReply?: FakeReply } = {}): Promise<FakeGemini> {
  const queues = new Map<string, FakeReply[]>();
  const requests: RecordedRequest[] = [];
  let responseCount = 0;

  function nextReply(model: string | null): FakeReply {
    for (const key of [model ?? "", "*"]) {
      const reply = queues.get(key)?.shift();
      if (reply) return reply;
    }
    return defaultReply;
  }

  function sendJson({ response, status, body, headers = {} }: { response: ServerResponse; status: number; body: unknown; headers?: Record<string, string> }) {
    response.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
    response.end(JSON.stringify(body));
  }

  function sendError({ response, reply }: { response: ServerResponse; reply: Extract<FakeReply, { status: number }> }) {
    const headers: Record<string, string> = reply.retryAfterSeconds === undefined ? {} : { "retry-after": String(reply.retryAfterSeconds) };
    sendJson({ response, status: reply.status, body: reply.body ?? errorBody({ status: reply.status, retryAfterSeconds: reply.retryAfterSeconds }), headers });
  }

  const chunkOf = ({ model, candidate, usage }: { model: string; candidate?: Candidate; usage?: FakeUsage }) => ({
    ...(candidate ? { candidates: [candidate] } : {}),
    ...(usage ? { usageMetadata: { ...usage, totalTokenCount: usage.promptTokenCount + usage.candidatesTokenCount } } : {}),
    modelVersion: model,
    responseId: `fake-${++responseCount}`,
  });

  /** The candidates a reply is made of: one per chunk when streaming, one in all otherwise. */
  function candidatesOf({ reply, streaming }: { reply: FakeReply; streaming: boolean }): { candidates: Candidate[]; outputText: string } | null {
    const candidate = ({ parts, finishReason }: { parts: Record<string, unknown>[]; finishReason?: string }): Candidate => ({
      content: { role: "model", parts },
      ...(finishReason ? { finishReason } : {}),
      index: 0,
    });
    if ("chunks" in reply) {
      const calls = (reply.functionCalls ?? []).map((call) => ({ functionCall: { name: call.name, args: call.args } }));
      const texts = streaming ? reply.chunks : [reply.chunks.join("")].filter(Boolean);
      const parts = texts.map((text) => [{ text }] as Record<string, unknown>[]);
      if (parts.length === 0) parts.push([]);
      parts[parts.length - 1]!.push(...calls);
      const finish = reply.finishReason ?? "STOP";
      return {
        candidates: parts.map((chunkParts, i) => candidate({ parts: chunkParts, finishReason: i === parts.length - 1 ? finish : undefined })),
        outputText: reply.chunks.join(""),
      };
    }
    if ("json" in reply || "text" in reply) {
      const text = "json" in reply ? JSON.stringify(reply.json) : reply.text;
      return { candidates: [candidate({ parts: [{ text }], finishReason: "STOP" })], outputText: text };
    }
    if ("image" in reply) {
      return { candidates: [candidate({ parts: [{ inlineData: { mimeType: reply.image.mimeType, data: reply.image.base64 } }], finishReason: "STOP" })], outputText: "" };
    }
    return null;
  }

  async function answerGenerate({
    response,
    reply,
    model,
    body,
    streaming,
    recorded,
  }: {
    response: ServerResponse;
    reply: FakeReply;
    model: string;
    body: Record<string, unknown> | null;
    streaming: boolean;
    recorded: RecordedRequest;
  }) {
    if ("status" in reply) return sendError({ response, reply });
    const usageFor = (outputText: string): FakeUsage =>
      ("usage" in reply && reply.usage) || { promptTokenCount: requestWords(body), candidatesTokenCount: wordCount(outputText) };

    if ("promptBlocked" in reply) {
      const blocked = { ...chunkOf({ model, usage: usageFor("") }), promptFeedback: { blockReason: reply.promptBlocked } };
      if (!streaming) return sendJson({ response, status: 200, body: blocked });
      response.writeHead(200, { "content-type": "text/event-stream" });
      return response.end(`data: ${JSON.stringify(blocked)}\r\n\r\n`);
    }
    const made = candidatesOf({ reply, streaming });
    if (!made) return sendJson({ response, status: 400, body: { error: { code: 400, message: "This scripted reply does not fit a generate call.", status: "INVALID_ARGUMENT" } } });
    const timing: Partial<FakeTextReply> = "chunks" in reply ? reply : {};
    const usage = usageFor(made.outputText);

    if (!streaming) {
      await pause({ ms: timing.firstChunkDelayMs, response });
      if (gone(response)) return;
      return sendJson({ response, status: 200, body: chunkOf({ model, candidate: made.candidates[0], usage }) });
    }

    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    response.flushHeaders();
    await pause({ ms: timing.firstChunkDelayMs, response });
    for (const [i, candidate] of made.candidates.entries()) {
      if (i > 0) await pause({ ms: timing.chunkDelayMs, response });
      if (gone(response)) return;
      if (timing.dropAfterChunks !== undefined && i >= timing.dropAfterChunks) {
        response.socket?.destroy();
        return;
      }
      const last = i === made.candidates.length - 1;
      await write({ response, data: `data: ${JSON.stringify(chunkOf({ model, candidate, ...(last ? { usage } : {}) }))}\r\n\r\n` });
      if (i === 0) recorded.firstChunkAt = hrtimeMs();
    }
    response.end();
  }

  function answerEmbed({ response, reply, body }: { response: ServerResponse; reply: FakeReply; body: Record<string, unknown> | null }) {
    if ("status" in reply) return sendError({ response, reply });
    const count = Array.isArray(body?.requests) ? body.requests.length : 0;
    // Unscripted: a small, fixed vector per content, so callers still get the right count.
    const vectors = "embeddings" in reply ? reply.embeddings : Array.from({ length: count }, (_, i) => Array.from({ length: 8 }, (_, j) => ((i + 1) * (j + 1)) / 100));
    sendJson({ response, status: 200, body: { embeddings: vectors.map((values) => ({ values })) } });
  }

  const server = createServer((request, response) => {
    const receivedAt = hrtimeMs();
    void (async () => {
      const url = new URL(request.url ?? "/", "http://fake");
      const route = /^\/v1[a-z0-9]*\/models\/([^/:]+):([A-Za-z]+)$/.exec(url.pathname);
      const body = await readJson(request);
      const recorded: RecordedRequest = {
        method: request.method ?? "",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        model: route?.[1] ?? null,
        action: route?.[2] ?? null,
        headers: request.headers,
        apiKey: typeof request.headers["x-goog-api-key"] === "string" ? request.headers["x-goog-api-key"] : undefined,
        body,
        receivedAt,
      };
      requests.push(recorded);
      const { model, action } = recorded;
      if (request.method !== "POST" || !model) return sendJson({ response, status: 404, body: { error: { code: 404, message: `No route ${url.pathname}`, status: "NOT_FOUND" } } });
      const reply = nextReply(model);
      switch (action) {
        case "streamGenerateContent":
          return answerGenerate({ response, reply, model, body, streaming: true, recorded });
        case "generateContent":
          return answerGenerate({ response, reply, model, body, streaming: false, recorded });
        case "batchEmbedContents":
          return answerEmbed({ response, reply, body });
        default:
          return sendJson({ response, status: 404, body: { error: { code: 404, message: `No action ${action}`, status: "NOT_FOUND" } } });
      }
    })().catch((error: unknown) => {
      if (!response.headersSent) sendJson({ response, status: 500, body: { error: { code: 500, message: String(error), status: "INTERNAL" } } });
      else response.destroy();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(modelOrStar, ...replies) {
      queues.set(modelOrStar, [...(queues.get(modelOrStar) ?? []), ...replies]);
    },
    reset() {
      queues.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
