import "server-only";
import { env } from "@/lib/env";
import { createBackendFromEnv } from "./backends";
import { createRateLimiter, type RateLimiter, type RateLimitHeaders, type RateLimitHealth, type RateLimitRequest } from "./limiter";
import { rateLimitRulesFromEnv } from "./policies";

export { clientIp } from "./client-ip";
export { RATE_LIMIT_POLICIES, type RateLimitPolicy } from "./policies";
export type { RateLimitHeaders, RateLimitHealth, RateLimitRequest };

// One limiter (and store connection) per process, kept on globalThis so dev-server reloads reuse it.
const holder = globalThis as typeof globalThis & { taleshardRateLimiter?: RateLimiter };

function rateLimiter(): RateLimiter {
  holder.taleshardRateLimiter ??= createRateLimiter({
    backend: createBackendFromEnv({ env }),
    rules: rateLimitRulesFromEnv({ env }),
    prefix: "taleshard:ratelimit",
  });
  return holder.taleshardRateLimiter;
}

/**
 * Counts a request against its policy, per user and per IP (auth: per IP only; chat: also against
 * the daily chat cap). Returns the RateLimit-* headers to attach to the response; when a limit is
 * reached, throws LimitedError (subject: the policy) with those headers, `Retry-After` and the real
 * wait in seconds. If the store cannot be reached the request is allowed.
 */
export function enforceRateLimit(request: RateLimitRequest): Promise<RateLimitHeaders> {
  return rateLimiter().enforce(request);
}

/** For the health endpoint: which store counts the limits, and how many requests went unchecked. */
export function rateLimitHealth(): RateLimitHealth {
  return rateLimiter().health();
}
