import "server-only";
import { slidingWindowWait } from "./sliding-window";
import type { RateLimitBackend } from "./types";

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Development fallback when no Redis is configured: the same sliding window as @upstash/ratelimit
 * (the previous fixed window's count, weighted by how much of it still overlaps, plus the current
 * one's), counted in this process only.
 */
export function createMemoryBackend(): RateLimitBackend {
  const buckets = new Map<string, { count: number; expiresAt: number }>();
  let nextSweepAt = 0;

  function sweepExpired(now: number) {
    if (now < nextSweepAt) return;
    nextSweepAt = now + SWEEP_INTERVAL_MS;
    for (const [key, bucket] of buckets) if (bucket.expiresAt <= now) buckets.delete(key);
  }

  return {
    kind: "memory",
    limiter: ({ prefix, limit, windowSeconds }) => ({
      async limit(identifier) {
        const now = Date.now();
        sweepExpired(now);
        const windowMs = windowSeconds * 1000;
        const currentWindow = Math.floor(now / windowMs);
        const currentKey = `${prefix}:${identifier}:${currentWindow}`;
        const inCurrent = buckets.get(currentKey)?.count ?? 0;
        const inPrevious = buckets.get(`${prefix}:${identifier}:${currentWindow - 1}`)?.count ?? 0;
        const weightedPrevious = Math.floor((1 - (now % windowMs) / windowMs) * inPrevious);
        const reset = (currentWindow + 1) * windowMs;
        if (weightedPrevious + inCurrent >= limit) {
          return { success: false, limit, remaining: 0, reset, retryAfterMs: slidingWindowWait({ limit, windowMs, now, previous: inPrevious, current: inCurrent }) };
        }
        // Kept until the end of the next window, while it still counts as the previous one.
        buckets.set(currentKey, { count: inCurrent + 1, expiresAt: reset + windowMs });
        return { success: true, limit, remaining: limit - weightedPrevious - inCurrent - 1, reset };
      },
    }),
    close: async () => buckets.clear(),
  };
}
