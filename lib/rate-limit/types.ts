import type { Redis as UpstashRedis } from "@upstash/redis";

// The rate-limit backend interface, apart from its implementations and factory (no import loops).

export type LimitResult = {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends, in Unix milliseconds. */
  reset: number;
  /** On a refusal: milliseconds until this counter lets a request through again. */
  retryAfterMs?: number;
};

/** Counts requests under one rule. Throws when the store does not answer; the caller then fails open. */
export type SlidingWindowLimiter = { limit(identifier: string): Promise<LimitResult> };

export type RateLimitBackend = {
  kind: "upstash" | "redis" | "memory";
  /** Allows `limit` requests per sliding window of `windowSeconds`, with its keys under `prefix`. */
  limiter(rule: { prefix: string; limit: number; windowSeconds: number }): SlidingWindowLimiter;
  close(): Promise<void>;
};

/** What @upstash/ratelimit's sliding window calls on its Redis client: `evalsha`, and `eval` after NOSCRIPT. */
export type ScriptClient = Pick<UpstashRedis, "evalsha" | "eval">;
