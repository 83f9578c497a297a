import "server-only";
import { env, type Env } from "@/lib/env";
import { createGeminiProvider } from "./gemini";
import { createOfflineProvider } from "./offline";
import type { AiProvider } from "./types";

export { AiError, type AiErrorKind } from "./errors";
export type { AiProvider, Brief, ChatTurn, JsonRequest, TextRequest, TextStreamEvent, ToolSpec, Usage } from "./types";

export type AiEnv = Pick<
  Env,
  | "GEMINI_API_KEY"
  | "GEMINI_BASE_URL"
  | "GEMINI_MODEL"
  | "GEMINI_FALLBACK_MODELS"
  | "AI_FIRST_TOKEN_TIMEOUT_MS"
  | "AI_REPLY_TIMEOUT_MS"
  | "AI_SAFETY_LEVEL"
  | "AI_OFFLINE_WORD_DELAY_MS"
>;

/** Gemini when a key is configured, else the offline storyteller (no network, no key). */
export function createAiProvider({ env: aiEnv }: { env: AiEnv }): AiProvider {
  if (!aiEnv.GEMINI_API_KEY) return createOfflineProvider({ wordDelayMs: aiEnv.AI_OFFLINE_WORD_DELAY_MS });
  return createGeminiProvider({
    apiKey: aiEnv.GEMINI_API_KEY,
    baseUrl: aiEnv.GEMINI_BASE_URL,
    // The main model first; a fallback naming it again adds nothing.
    models: [...new Set([aiEnv.GEMINI_MODEL, ...aiEnv.GEMINI_FALLBACK_MODELS])],
    firstTokenTimeoutMs: aiEnv.AI_FIRST_TOKEN_TIMEOUT_MS,
    replyTimeoutMs: aiEnv.AI_REPLY_TIMEOUT_MS,
    safetyLevel: aiEnv.AI_SAFETY_LEVEL,
  });
}

// One provider (and SDK client) per process, kept on globalThis so dev-server reloads reuse it.
const holder = globalThis as typeof globalThis & { taleshardAiProvider?: AiProvider };

export function getAiProvider(): AiProvider {
  holder.taleshardAiProvider ??= createAiProvider({ env });
  return holder.taleshardAiProvider;
}
