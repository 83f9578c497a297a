import "server-only";
import {
  ApiError,
  FinishReason as GeminiFinishReason,
  GoogleGenAI,
  HarmBlockThreshold,
  HarmCategory,
  type Content,
  type GenerateContentConfig,
  type GenerateContentResponse,
  type GenerateContentResponseUsageMetadata,
  type SafetySetting,
  type Tool,
} from "@google/genai";
import { z } from "@/lib/zod";
import { AiError, type AiErrorKind } from "./errors";
import type { AiProvider, ChatTurn, FinishReason, JsonRequest, SafetyLevel, TextRequest, TextStreamEvent, ToolSpec, Usage } from "./types";

export type GeminiProviderOptions = {
  apiKey: string;
  /** Another host for the API (a proxy, or the fake server in tests). */
  baseUrl?: string;
  /** Asked in order: the next one only when the previous is over quota or unavailable. */
  models: string[];
  firstTokenTimeoutMs: number;
  replyTimeoutMs: number;
  safetyLevel: SafetyLevel;
};

const THRESHOLDS: Record<SafetyLevel, HarmBlockThreshold> = {
  relaxed: HarmBlockThreshold.BLOCK_ONLY_HIGH,
  standard: HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE,
  strict: HarmBlockThreshold.BLOCK_LOW_AND_ABOVE,
};

const MODERATED_CATEGORIES = [
  HarmCategory.HARM_CATEGORY_HARASSMENT,
  HarmCategory.HARM_CATEGORY_HATE_SPEECH,
  HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT,
  HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT,
];

export function safetySettingsFor({ level }: { level: SafetyLevel }): SafetySetting[] {
  return MODERATED_CATEGORIES.map((category) => ({ category, threshold: THRESHOLDS[level] }));
}

const SAFETY_FINISHES = new Set<string>([
  GeminiFinishReason.SAFETY,
  GeminiFinishReason.PROHIBITED_CONTENT,
  GeminiFinishReason.BLOCKLIST,
  GeminiFinishReason.SPII,
  GeminiFinishReason.IMAGE_SAFETY,
]);

function finishReasonOf(reason: string | undefined): FinishReason {
  if (reason === GeminiFinishReason.STOP) return "stop";
  if (reason === GeminiFinishReason.MAX_TOKENS) return "length";
  if (reason !== undefined && SAFETY_FINISHES.has(reason)) return "safety";
  return "other";
}

function usageOf({ model, metadata }: { model: string; metadata: GenerateContentResponseUsageMetadata | undefined }): Usage {
  return {
    model,
    inputTokens: metadata?.promptTokenCount ?? 0,
    // Thinking tokens are billed as output, so they count here.
    outputTokens: (metadata?.candidatesTokenCount ?? 0) + (metadata?.thoughtsTokenCount ?? 0),
  };
}

const toContents = (messages: ChatTurn[]): Content[] =>
  messages.map((turn) => ({ role: turn.role === "assistant" ? "model" : "user", parts: [{ text: turn.text }] }));

// A tool's JSON schema is the same on every call: converted once per schema object.
const jsonSchemas = new WeakMap<z.ZodType, unknown>();

function parametersSchema(parameters: z.ZodType): unknown {
  let schema = jsonSchemas.get(parameters);
  if (schema === undefined) {
    // "input": the model writes what the schema will parse.
    schema = z.toJSONSchema(parameters, { io: "input" });
    jsonSchemas.set(parameters, schema);
  }
  return schema;
}

function toolsFor(tools: ToolSpec[] | undefined): Tool[] | undefined {
  if (!tools?.length) return undefined;
  return [
    {
      functionDeclarations: tools.map((tool) => ({ name: tool.name, description: tool.description, parametersJsonSchema: parametersSchema(tool.parameters) })),
    },
  ];
}

// --- Time limits and cancellation --------------------------------------------------------------

type Deadline = {
  /** Aborted (with an AiError as its reason) on a timeout, on the caller's abort, or by `close`. */
  signal: AbortSignal;
  /** Stops the first-token timer. */
  firstEventArrived(): void;
  /** Clears both timers, detaches from the caller's signal and cancels any request still open. */
  close(): void;
};

/**
 * One controller per call, fed by the caller's signal and two timers, rather than
 * `AbortSignal.any([caller, AbortSignal.timeout(…)])`: timers are cleared as soon as the reply ends
 * (a `timeout()` signal keeps its timer alive for the full minute), and nothing stays registered on
 * the caller's signal (the SDK leaves its own listener on the signal it is given, so it must be
 * this short-lived one, never a long-lived caller signal).
 */
function startDeadline({
  callerSignal,
  firstTokenTimeoutMs,
  replyTimeoutMs,
}: {
  callerSignal?: AbortSignal;
  firstTokenTimeoutMs?: number;
  replyTimeoutMs: number;
}): Deadline {
  const controller = new AbortController();
  const abortWith = (kind: AiErrorKind, message: string) => {
    if (!controller.signal.aborted) controller.abort(new AiError({ kind, message }));
  };
  const firstTokenTimer =
    firstTokenTimeoutMs === undefined
      ? undefined
      : setTimeout(() => abortWith("timeout", `No reply began within ${firstTokenTimeoutMs} ms.`), firstTokenTimeoutMs);
  const replyTimer = setTimeout(() => abortWith("timeout", `The reply took longer than ${replyTimeoutMs} ms.`), replyTimeoutMs);
  const onCallerAbort = () => abortWith("aborted", "The request was cancelled.");
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });

  return {
    signal: controller.signal,
    firstEventArrived: () => clearTimeout(firstTokenTimer),
    close() {
      clearTimeout(firstTokenTimer);
      clearTimeout(replyTimer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
      abortWith("aborted", "The reply was closed.");
    },
  };
}

// --- Errors ------------------------------------------------------------------------------------

type Failure = { error: AiError; status?: number; tryNextModel: boolean };

/** Google's RetryInfo detail ("retryDelay": "37s"), which quota errors carry in their body. */
function retryDelaySeconds(message: string): number | undefined {
  const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(message);
  return match ? Math.max(1, Math.ceil(Number(match[1]))) : undefined;
}

function kindOfStatus(status: number, message: string): AiErrorKind {
  if (status === 429 || message.includes("RESOURCE_EXHAUSTED")) return "quota";
  if (status === 400 || status === 404 || status === 413) return "bad_request";
  // 401/403 (a rejected key) and 5xx: the service is unusable for now, whoever is asking.
  return "unavailable";
}

/** What a failed call means, and whether the next model may be asked instead. */
function classifyFailure({ error, deadline, model }: { error: unknown; deadline: Deadline; model: string }): Failure {
  // A timeout or cancellation wins over whatever the SDK made of the abort.
  if (deadline.signal.aborted) {
    const reason = deadline.signal.reason as AiError;
    return { error: new AiError({ kind: reason.kind, message: reason.message, model }), tryNextModel: false };
  }
  if (error instanceof AiError) return { error, tryNextModel: false };
  if (error instanceof ApiError) {
    const kind = kindOfStatus(error.status, error.message);
    const retryAfterSeconds = retryDelaySeconds(error.message);
    return {
      error: new AiError({ kind, message: `Gemini (${model}) answered HTTP ${error.status}.`, model, retryAfterSeconds, cause: error }),
      status: error.status,
      tryNextModel: error.status === 429 || error.status === 503 || /RESOURCE_EXHAUSTED|"UNAVAILABLE"/.test(error.message),
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { error: new AiError({ kind: "unavailable", message: `Gemini (${model}) could not be reached: ${detail}`, model, cause: error }), tryNextModel: false };
}

/** The error when every model refused: quota if any was over quota, with the soonest retry time. */
function exhaustedError(failures: Failure[]): AiError {
  const quota = failures.some((failure) => failure.error.kind === "quota");
  const delays = failures.flatMap((failure) => (failure.error.retryAfterSeconds === undefined ? [] : [failure.error.retryAfterSeconds]));
  const tried = failures.map((failure) => `${failure.error.model} (${failure.status ?? failure.error.kind})`).join(", ");
  return new AiError({
    kind: quota ? "quota" : "unavailable",
    message: `Every Gemini model refused: ${tried}.`,
    model: failures.at(-1)?.error.model,
    retryAfterSeconds: delays.length ? Math.min(...delays) : undefined,
    cause: failures.at(-1)?.error,
  });
}

function assertNotBlocked({ response, model }: { response: GenerateContentResponse; model: string }): void {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason) throw new AiError({ kind: "blocked", message: `Gemini (${model}) refused the prompt (${blockReason}).`, model });
}

// --- The provider ------------------------------------------------------------------------------

type JsonCheck<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Parses the model's text as JSON (tolerating a ```json fence) and validates it with the schema. */
function checkJson<S extends z.ZodType>({ text, schema }: { text: string; schema: S }): JsonCheck<z.infer<S>> {
  const unfenced = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, "$1");
  let parsed: unknown;
  try {
    parsed = JSON.parse(unfenced);
  } catch (error) {
    return { ok: false, problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = schema.safeParse(parsed);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.slice(0, 20).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`) };
}

const repairInstruction = (problems: string[]) =>
  `Your reply did not match the required JSON schema:\n${problems.map((problem) => `- ${problem}`).join("\n")}\nReturn only the corrected JSON, with no commentary and no code fence.`;

export function createGeminiProvider({ apiKey, baseUrl, models, firstTokenTimeoutMs, replyTimeoutMs, safetyLevel }: GeminiProviderOptions): AiProvider {
  if (!models.length) throw new Error("createGeminiProvider needs at least one model.");
  const client = new GoogleGenAI({ apiKey, ...(baseUrl ? { httpOptions: { baseUrl } } : {}) });
  const safetySettings = safetySettingsFor({ level: safetyLevel });

  const sharedConfig = ({ system }: { system: string }): GenerateContentConfig => ({
    ...(system ? { systemInstruction: { parts: [{ text: system }] } } : {}),
    safetySettings,
    // The SDK would otherwise re-send a request whose stream broke before any content, behind the
    // back of the timers and the model fallback here.
    automaticContinuation: false,
  });

  async function* streamText(request: TextRequest): AsyncGenerator<TextStreamEvent> {
    const deadline = startDeadline({ callerSignal: request.signal, firstTokenTimeoutMs, replyTimeoutMs });
    const contents = toContents(request.messages);
    const config: GenerateContentConfig = {
      ...sharedConfig({ system: request.system }),
      abortSignal: deadline.signal,
      ...(request.tools?.length ? { tools: toolsFor(request.tools) } : {}),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.maxOutputTokens === undefined ? {} : { maxOutputTokens: request.maxOutputTokens }),
    };
    const failures: Failure[] = [];
    let started = false;
    try {
      for (const model of models) {
        try {
          const stream = await client.models.generateContentStream({ model, contents, config });
          let metadata: GenerateContentResponseUsageMetadata | undefined;
          let finish: string | undefined;
          for await (const chunk of stream) {
            assertNotBlocked({ response: chunk, model });
            const candidate = chunk.candidates?.[0];
            for (const part of candidate?.content?.parts ?? []) {
              if (part.thought) continue;
              let event: TextStreamEvent | undefined;
              if (part.text) event = { type: "text", text: part.text };
              else if (part.functionCall?.name) event = { type: "tool_call", name: part.functionCall.name, args: part.functionCall.args ?? {} };
              if (!event) continue;
              started = true;
              deadline.firstEventArrived();
              yield event;
            }
            finish = candidate?.finishReason ?? finish;
            metadata = chunk.usageMetadata ?? metadata;
          }
          yield { type: "done", usage: usageOf({ model, metadata }), finishReason: finishReasonOf(finish) };
          return;
        } catch (error) {
          const failure = classifyFailure({ error, deadline, model });
          if (started) {
            // The reader already has part of this reply: no other model can continue it.
            const { kind } = failure.error;
            if (kind === "timeout" || kind === "aborted") throw failure.error;
            throw new AiError({ kind: "unavailable", message: `The reply from Gemini (${model}) broke off: ${failure.error.message}`, model, cause: error });
          }
          if (!failure.tryNextModel) throw failure.error;
          failures.push(failure);
        }
      }
      throw exhaustedError(failures);
    } finally {
      deadline.close();
    }
  }

  /** One generateContent call on the first model that is not over quota (or on `onlyModel`). */
  async function generateOnce({
    contents,
    config,
    signal,
    onlyModel,
  }: {
    contents: Content[];
    config: Omit<GenerateContentConfig, "abortSignal">;
    signal?: AbortSignal;
    onlyModel?: string;
  }): Promise<{ text: string; usage: Usage; model: string }> {
    const deadline = startDeadline({ callerSignal: signal, replyTimeoutMs });
    const failures: Failure[] = [];
    try {
      for (const model of onlyModel ? [onlyModel] : models) {
        try {
          const response = await client.models.generateContent({ model, contents, config: { ...config, abortSignal: deadline.signal } });
          assertNotBlocked({ response, model });
          const candidate = response.candidates?.[0];
          const text = (candidate?.content?.parts ?? []).flatMap((part) => (part.text && !part.thought ? [part.text] : [])).join("");
          if (!text && finishReasonOf(candidate?.finishReason) === "safety") {
            throw new AiError({ kind: "blocked", message: `Gemini (${model}) withheld its reply (${candidate?.finishReason}).`, model });
          }
          return { text, usage: usageOf({ model, metadata: response.usageMetadata }), model };
        } catch (error) {
          const failure = classifyFailure({ error, deadline, model });
          if (!failure.tryNextModel) throw failure.error;
          failures.push(failure);
        }
      }
      throw exhaustedError(failures);
    } finally {
      deadline.close();
    }
  }

  async function generateJson<S extends z.ZodType>({ system, messages, schema, signal }: JsonRequest<S>): Promise<{ value: z.infer<S>; usage: Usage }> {
    const contents = toContents(messages);
    const config = {
      ...sharedConfig({ system }),
      responseMimeType: "application/json",
      // Schemas with refinements or transforms still describe their shape; the zod parse enforces the rest.
      responseJsonSchema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
    };
    const first = await generateOnce({ contents, config, signal });
    const firstCheck = checkJson({ text: first.text, schema });
    if (firstCheck.ok) return { value: firstCheck.value, usage: first.usage };

    // One repair turn on the same model: its own output, and what was wrong with it.
    const repairContents: Content[] = [
      ...contents,
      { role: "model", parts: [{ text: first.text }] },
      { role: "user", parts: [{ text: repairInstruction(firstCheck.problems) }] },
    ];
    const second = await generateOnce({ contents: repairContents, config, signal, onlyModel: first.model });
    const usage: Usage = {
      model: first.model,
      inputTokens: first.usage.inputTokens + second.usage.inputTokens,
      outputTokens: first.usage.outputTokens + second.usage.outputTokens,
    };
    const secondCheck = checkJson({ text: second.text, schema });
    if (secondCheck.ok) return { value: secondCheck.value, usage };
    throw new AiError({
      kind: "invalid_output",
      message: `Gemini (${first.model}) returned invalid JSON twice: ${secondCheck.problems.slice(0, 3).join("; ")}`,
      model: first.model,
    });
  }

  return { kind: "gemini", streamText, generateJson };
}
