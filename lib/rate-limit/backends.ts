import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { Ratelimit, type RatelimitConfig } from "@upstash/ratelimit";
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis } from "ioredis";
import type { Env } from "@/lib/env";
import { logger } from "@/lib/log";
import { createMemoryBackend } from "./memory-backend";
import { createRedisScriptAdapter } from "./redis-script-adapter";
import { slidingWindowWait } from "./sliding-window";
import type { RateLimitBackend, ScriptClient } from "./types";

export type { RateLimitBackend, ScriptClient };

/** The two counters of @upstash/ratelimit's sliding window (keys `<prefix>:<identifier>:<window index>`). */
const WINDOW_COUNTS_SCRIPT = 'return {redis.call("GET", KEYS[1]), redis.call("GET", KEYS[2])}';

/** Bound on each store call, so a dead or slow Redis delays a request by at most this much. */
const STORE_TIMEOUT_MS = 1000;

export function createRatelimitBackend({
  kind,
  client,
  close,
  clientTimesOut = false,
}: {
  kind: "upstash" | "redis";
  client: ScriptClient;
  close: () => Promise<void>;
  /** The client bounds each command by STORE_TIMEOUT_MS itself, so the library need not race a timer against every call. */
  clientTimesOut?: boolean;
}): RateLimitBackend {
  return {
    kind,
    close,
    limiter: ({ prefix, limit, windowSeconds }) => {
      const ratelimit = new Ratelimit({
        // Its type also asks for get/set, which only dynamic limits use (off here).
        redis: client as unknown as RatelimitConfig["redis"],
        limiter: Ratelimit.slidingWindow(limit, `${windowSeconds} s`),
        prefix,
        timeout: clientTimesOut ? 0 : STORE_TIMEOUT_MS,
        // Its in-process cache would refuse a blocked identifier until the window's end without
        // asking the store, which is later than the sliding window's real wait (Retry-After).
        ephemeralCache: false,
      });
      const windowMs = windowSeconds * 1000;
      return {
        async limit(identifier) {
          const result = await ratelimit.limit(identifier);
          // The library lets a timed-out request through as a success; report it as the failure it is.
          if (result.reason === "timeout") throw new Error(`no answer within ${STORE_TIMEOUT_MS} ms`);
          if (result.success) return result;
          // A refusal (rare) costs one more round trip: the library reports only when the window
          // ends, but the real wait depends on both windows' counts.
          const now = Date.now();
          const window = Math.floor(now / windowMs);
          const counts = await client
            .eval<[], [string | null, string | null]>(WINDOW_COUNTS_SCRIPT, [`${prefix}:${identifier}:${window}`, `${prefix}:${identifier}:${window - 1}`], [])
            .catch(() => null);
          // Without the counts, the end of the window plus a second always suffices (a full window weighs in whole at its boundary).
          if (!counts) return { ...result, retryAfterMs: result.reset + 1000 - now };
          const [current, previous] = counts;
          return { ...result, retryAfterMs: slidingWindowWait({ limit, windowMs, now, previous: Number(previous ?? 0), current: Number(current ?? 0) }) };
        },
      };
    },
  };
}

export function createUpstashBackend({ url, token }: { url: string; token: string }): RateLimitBackend {
  // One retry covers a dropped keep-alive connection; the timeout bounds the rest.
  const client = new UpstashRedis({ url, token, retry: { retries: 1 } });
  return createRatelimitBackend({ kind: "upstash", client, close: async () => {} });
}

export function createRedisBackend({ url }: { url: string }): RateLimitBackend {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: STORE_TIMEOUT_MS,
    commandTimeout: STORE_TIMEOUT_MS,
    // While disconnected, fail commands at once (the request fails open) rather than queue them.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Commands issued in the same tick (the checks of concurrent requests) leave in one write.
    enableAutoPipelining: true,
  });
  // Failing commands are reported (rate-limited) by the limiter; this only stops ioredis printing
  // every reconnection attempt.
  redis.on("error", () => {});
  // Commands wait for the first connection attempt, so requests right after startup are counted,
  // but no longer than a command may take: a server that accepts and never answers stalls nobody.
  const firstConnection = Promise.race([redis.connect().catch(() => {}), sleep(STORE_TIMEOUT_MS)]);
  return createRatelimitBackend({
    kind: "redis",
    client: createRedisScriptAdapter({ redis, firstConnection }),
    close: async () => redis.disconnect(),
    clientTimesOut: true,
  });
}

type StoreEnv = Pick<Env, "NODE_ENV" | "UPSTASH_REDIS_REST_URL" | "UPSTASH_REDIS_REST_TOKEN" | "REDIS_URL">;

/** Upstash when configured (Vercel), else the Redis server in REDIS_URL, else memory (development). */
export function createBackendFromEnv({ env }: { env: StoreEnv }): RateLimitBackend {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    return createUpstashBackend({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN });
  }
  if (env.REDIS_URL) return createRedisBackend({ url: env.REDIS_URL });
  if (env.NODE_ENV === "production") {
    logger.warn("rate limits are counted in memory, per process, and reset on restart: set UPSTASH_REDIS_REST_URL or REDIS_URL");
  }
  return createMemoryBackend();
}
