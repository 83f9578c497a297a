import "server-only";
import { LimitedError } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { LimitResult, RateLimitBackend, SlidingWindowLimiter } from "./types";
import { CHECKED_ALONG, IP_ONLY_POLICIES, type RateLimitPolicy, type RateLimitRules } from "./policies";

type Requester = {
  /** The signed-in or guest user, if any. */
  userId?: string;
  /** From `clientIp({ request })`. */
  ip: string;
};

export type RateLimitRequest = Requester & {
  policy: RateLimitPolicy;
  /** Policies with a guest limit (the daily chat cap) count guests apart, with that lower limit. */
  isGuest?: boolean;
};

/**
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window ends).
 * Empty when the store could not be asked. A refusal throws LimitedError carrying these plus `Retry-After`.
 */
export type RateLimitHeaders = Record<string, string>;

export type RateLimitHealth = { backend: RateLimitBackend["kind"]; failOpenCount: number; lastError?: string };

export type RateLimiter = {
  enforce(request: RateLimitRequest): Promise<RateLimitHeaders>;
  health(): RateLimitHealth;
};

const WARNING_INTERVAL_MS = 60_000;

type Check = { policy: RateLimitPolicy; limiter: SlidingWindowLimiter; identifier: string };
type Outcome = { policy: RateLimitPolicy; result: LimitResult };

const secondsUntil = (unixMs: number) => Math.max(1, Math.ceil((unixMs - Date.now()) / 1000));

const headersFor = (result: LimitResult): RateLimitHeaders => ({
  "RateLimit-Limit": String(result.limit),
  "RateLimit-Remaining": String(result.remaining),
  "RateLimit-Reset": String(secondsUntil(result.reset)),
});

export function createRateLimiter({
  backend,
  rules,
  prefix,
}: {
  backend: RateLimitBackend;
  rules: RateLimitRules;
  /** Namespace of every key, e.g. one per app (or per test run) sharing a Redis. */
  prefix: string;
}): RateLimiter {
  const limiters = new Map<string, SlidingWindowLimiter>();
  let failOpenCount = 0;
  let lastError: string | undefined;
  let lastWarningAt = -Infinity;

  function limiterFor(policy: RateLimitPolicy, isGuest = false): SlidingWindowLimiter {
    const rule = rules[policy];
    // Where guests have their own limit, guests and players are counted apart.
    const tier = rule.guestLimit === undefined ? "" : isGuest ? ":guest" : ":player";
    const keyPrefix = `${prefix}:${policy}${tier}`;
    let limiter = limiters.get(keyPrefix);
    if (!limiter) {
      const limit = isGuest ? (rule.guestLimit ?? rule.limit) : rule.limit;
      limiter = backend.limiter({ prefix: keyPrefix, limit, windowSeconds: rule.windowSeconds });
      limiters.set(keyPrefix, limiter);
    }
    return limiter;
  }

  function checksFor(request: RateLimitRequest): Check[] {
    const alongside = CHECKED_ALONG[request.policy];
    const policies = alongside ? [request.policy, alongside] : [request.policy];
    return policies.flatMap((policy) => {
      const limiter = limiterFor(policy, request.isGuest);
      const identifiers = [`ip:${request.ip}`];
      if (request.userId && !IP_ONLY_POLICIES.has(policy)) identifiers.push(`user:${request.userId}`);
      return identifiers.map((identifier) => ({ policy, limiter, identifier }));
    });
  }

  function recordFailOpen(error: unknown) {
    failOpenCount += 1;
    lastError = error instanceof Error ? error.message : String(error);
    const now = Date.now();
    if (now - lastWarningAt < WARNING_INTERVAL_MS) return;
    lastWarningAt = now;
    logger.warn({ backend: backend.kind, failOpenCount, err: error }, "the rate-limit store did not answer; allowing requests unchecked");
  }

  async function enforce(request: RateLimitRequest): Promise<RateLimitHeaders> {
    // All counters at once, in one round trip (ioredis writes the commands back to back, @upstash/redis
    // pipelines them). The price: a request refused by one counter still counts against the others.
    const settled = await Promise.allSettled(
      checksFor(request).map(async ({ policy, limiter, identifier }): Promise<Outcome> => ({ policy, result: await limiter.limit(identifier) })),
    );
    const failure = settled.find((entry) => entry.status === "rejected");
    if (failure) recordFailOpen(failure.reason);
    const outcomes = settled.flatMap((entry) => (entry.status === "fulfilled" ? [entry.value] : []));

    const refusals = outcomes.filter(({ result }) => !result.success);
    if (refusals.length) {
      // The client has to wait for the counter that frees up last: the real wait of the sliding
      // window, so a request sent after Retry-After passes.
      const waitMs = ({ result }: Outcome) => result.retryAfterMs ?? result.reset - Date.now();
      const longest = refusals.reduce((latest, refusal) => (waitMs(refusal) > waitMs(latest) ? refusal : latest));
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs(longest) / 1000));
      throw new LimitedError(longest.policy, {
        retryAfterSeconds,
        headers: { ...headersFor(longest.result), "Retry-After": String(retryAfterSeconds) },
      });
    }
    if (!outcomes.length) return {};
    // Report the counter closest to running out.
    const tightest = outcomes.reduce((least, outcome) => (outcome.result.remaining < least.result.remaining ? outcome : least));
    return headersFor(tightest.result);
  }

  return {
    enforce,
    health: () => ({ backend: backend.kind, failOpenCount, ...(lastError === undefined ? {} : { lastError }) }),
  };
}
