import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "@/lib/zod";
import { AiError } from "../errors";
import type { AiProvider, Brief, JsonRequest, TextRequest, TextStreamEvent, Usage } from "../types";
import { synthesize, writeCards } from "./biographer";
import { interview } from "./interviewer";
import { tellStory, type StorytellerToolCall } from "./storyteller";
import { summarizeTurns } from "./summarizer";

// The provider with no network and no key: deterministic answers written from the brief, streamed
// word by word like a model's. Each brief kind has its own writer.

type Composed = { model: string; text: string; toolCalls: StorytellerToolCall[] };

function compose(request: TextRequest): Composed {
  const brief: Brief = request.brief;
  switch (brief.kind) {
    case "game_master":
      return { model: "offline-storyteller", ...tellStory({ state: brief.state, lastOutcome: brief.lastOutcome, messages: request.messages, tools: request.tools, replacing: brief.replacing }) };
    case "summarizer":
      return { model: "offline-summarizer", text: summarizeTurns({ turns: brief.turns, previousSummary: brief.previousSummary }), toolCalls: [] };
    case "json_example":
      return { model: "offline-json", text: JSON.stringify(brief.value) ?? "null", toolCalls: [] };
    case "interviewer":
      return { model: "offline-interviewer", text: interview({ brief, messages: request.messages }), toolCalls: [] };
    case "story_synthesis":
    case "story_cards":
      throw new AiError({ kind: "bad_request", message: `A "${brief.kind}" brief is written as JSON: use generateJson.` });
    default:
      throw new AiError({ kind: "bad_request", message: `The offline provider cannot write a "${(brief as { kind?: unknown }).kind}" brief.` });
  }
}

/** A brief the writers cannot use (an unknown kind, a state outside the story) is the caller's mistake. */
function refusing<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof AiError) throw error;
    throw new AiError({ kind: "bad_request", message: `The offline provider cannot use this brief: ${error instanceof Error ? error.message : String(error)}`, cause: error });
  }
}

const composeOrRefuse = (request: TextRequest): Composed => refusing(() => compose(request));

type Written = { model: string; value: unknown; what: string };

/** The JSON writers: the value each brief kind asks for, before the caller's schema checks it. */
function writeJson(brief: Brief): Written {
  switch (brief.kind) {
    case "json_example":
      return { model: "offline-json", value: brief.value, what: "example" };
    case "story_synthesis":
      return { model: "offline-biographer", value: synthesize({ transcript: brief.transcript, themes: brief.themes, chapters: brief.chapters }), what: "synthesis" };
    case "story_cards":
      return { model: "offline-biographer", value: writeCards({ transcript: brief.transcript, themes: brief.themes, count: brief.count, locked: brief.locked }), what: "card set" };
    default:
      throw new AiError({ kind: "bad_request", message: `The offline provider has no JSON writer for a "${brief.kind}" brief.` });
  }
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

const usageFor = ({ model, request, output }: { model: string; request: Pick<TextRequest, "system" | "messages">; output: string }): Usage => ({
  model,
  inputTokens: countWords(request.system) + request.messages.reduce((sum, turn) => sum + countWords(turn.text), 0),
  outputTokens: countWords(output),
});

const abortedError = () => new AiError({ kind: "aborted", message: "The request was cancelled.", model: "offline" });

export function createOfflineProvider({ wordDelayMs }: { wordDelayMs: number }): AiProvider {
  async function* streamText(request: TextRequest): AsyncGenerator<TextStreamEvent> {
    if (request.signal?.aborted) throw abortedError();
    const { model, text, toolCalls } = composeOrRefuse(request);
    // A word and the space after it per event, as a model's deltas would arrive.
    const words = text.match(/\S+\s*/g) ?? [];
    for (const [index, word] of words.entries()) {
      if (index > 0 && wordDelayMs > 0) {
        try {
          await sleep(wordDelayMs, undefined, { signal: request.signal });
        } catch {
          throw abortedError();
        }
      }
      if (request.signal?.aborted) throw abortedError();
      yield { type: "text", text: word };
    }
    for (const call of toolCalls) yield { type: "tool_call", name: call.name, args: call.args };
    yield { type: "done", usage: usageFor({ model, request, output: text }), finishReason: "stop" };
  }

  async function generateJson<S extends z.ZodType>(request: JsonRequest<S>): Promise<{ value: z.infer<S>; usage: Usage }> {
    if (request.signal?.aborted) throw abortedError();
    const { model, value, what } = refusing(() => writeJson(request.brief));
    // The caller's schema has the last word, as it has over a model's JSON.
    const parsed = request.schema.safeParse(value);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
      throw new AiError({ kind: "invalid_output", message: `The ${what} does not match the schema: ${problems.join("; ")}`, model });
    }
    return { value: parsed.data, usage: usageFor({ model, request, output: JSON.stringify(value) ?? "" }) };
  }

  return { kind: "offline", streamText, generateJson };
}
