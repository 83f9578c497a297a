// The AI provider contract: what the chat, summaries and story features ask of a language model,
// whichever answers (Gemini, or the offline storyteller). Types only, nothing server-only, so
// implementations and callers import it without importing each other or the factory.
import type { GameState } from "@/lib/game/types";
import type { AgeRange, StoryPhase, StoryTheme } from "@/lib/story/contract";
import type { z } from "@/lib/zod";

export type ChatTurn = { role: "user" | "assistant"; text: string };

/** A function the model may call (Gemini tools). `parameters` is a zod object schema; the Gemini provider sends z.toJSONSchema(parameters). */
export type ToolSpec = { name: string; description: string; parameters: z.ZodObject };

/** Structured facts the offline provider writes from (Gemini gets the same facts rendered into `system` by the caller). */
export type Brief =
  | {
      kind: "game_master";
      state: GameState;
      /** the outcome text of the last move, if any */
      lastOutcome?: string | null;
      /** Set when the player asks for another version: the reply being replaced, so the new one differs. */
      replacing?: string;
    }
  | {
      kind: "summarizer";
      /** older turns to fold into the rolling summary */
      turns: ChatTurn[];
      previousSummary?: string | null;
    }
  /** offline generateJson returns this value (lets tests and simple callers use the offline JSON path) */
  | { kind: "json_example"; value: unknown }
  /** The Life Story interviewer: one warm, open question at a time, in the current chapter. */
  | {
      kind: "interviewer";
      phase: StoryPhase;
      ageRange: AgeRange | null;
      themes: StoryTheme[];
      /** Set on the reply right after a phase change (the conversation also records it). */
      transition: { from: StoryPhase; to: StoryPhase; how: "next" | "jump" } | null;
    }
  /** The interview turned into a title, an essence, a timeline, key moments and 3–8 cards (generateJson). */
  | { kind: "story_synthesis"; transcript: StoryTurn[]; themes: string[]; chapters: StoryPhase[] }
  /** New cards for the unlocked places (generateJson): `count` of them, on topics the locked cards do not cover. */
  | { kind: "story_cards"; transcript: StoryTurn[]; themes: string[]; count: number; locked: { title: string; text: string; phase: string; theme: string }[] };

/** One message of an interview, with the chapter it was said in. */
export type StoryTurn = { phase: StoryPhase; role: "user" | "assistant"; text: string };
// A new kind needs a member here and a case in the offline dispatcher (lib/ai/offline/index.ts);
// the Gemini provider ignores the brief.

export type BriefKind = Brief["kind"];

export type Usage = { model: string; inputTokens: number; outputTokens: number };

export type FinishReason = "stop" | "length" | "safety" | "other";

export type TextStreamEvent =
  | { type: "text"; text: string }
  /** args are NOT trusted; the caller validates */
  | { type: "tool_call"; name: string; args: unknown }
  | { type: "done"; usage: Usage; finishReason: FinishReason };

export type TextRequest = {
  system: string;
  messages: ChatTurn[];
  brief: Brief;
  tools?: ToolSpec[];
  signal?: AbortSignal;
  temperature?: number;
  maxOutputTokens?: number;
};

export type JsonRequest<S extends z.ZodType> = { system: string; messages: ChatTurn[]; brief: Brief; schema: S; signal?: AbortSignal };

export interface AiProvider {
  readonly kind: "gemini" | "offline";
  /** Text deltas as they arrive, tool calls, then exactly one `done`. Throws AiError (before or during iteration). */
  streamText(request: TextRequest): AsyncIterable<TextStreamEvent>;
  /** A zod-validated object; on invalid output one repair attempt (the validation errors are sent back), then AiError("invalid_output"). */
  generateJson<S extends z.ZodType>(request: JsonRequest<S>): Promise<{ value: z.infer<S>; usage: Usage }>;
}

/** How readily Gemini blocks harmful content: relaxed blocks only high-probability harm, strict blocks even low. */
export type SafetyLevel = "relaxed" | "standard" | "strict";
