import { describe, expect, test } from "vitest";
import { createAiProvider, getAiProvider, type AiEnv } from ".";

const BASE_ENV: AiEnv = {
  GEMINI_API_KEY: undefined,
  GEMINI_BASE_URL: undefined,
  GEMINI_MODEL: "gemini-2.5-flash",
  GEMINI_FALLBACK_MODELS: ["gemini-2.5-flash-lite"],
  AI_FIRST_TOKEN_TIMEOUT_MS: 15_000,
  AI_REPLY_TIMEOUT_MS: 60_000,
  AI_SAFETY_LEVEL: "standard",
  AI_OFFLINE_WORD_DELAY_MS: 0,
};

describe("createAiProvider", () => {
  test("no key: the offline provider", () => {
    expect(createAiProvider({ env: BASE_ENV }).kind).toBe("offline");
  });

  test("a key: the Gemini provider", () => {
    expect(createAiProvider({ env: { ...BASE_ENV, GEMINI_API_KEY: "key" } }).kind).toBe("gemini");
  });
});

describe("getAiProvider", () => {
  test("is made once per process", () => {
    expect(getAiProvider()).toBe(getAiProvider());
  });
});
