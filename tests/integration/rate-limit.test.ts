import { randomUUID } from "node:crypto";
import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { toApiError, type ApiError } from "@/lib/api/errors";
import { LimitedError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { env } from "@/lib/env";
import { clientIp, enforceRateLimit, rateLimitHealth } from "@/lib/rate-limit";
import {
  createBackendFromEnv,
  createRatelimitBackend,
  createRedisBackend,
  createUpstashBackend,
  type RateLimitBackend,
} from "@/lib/rate-limit/backends";
import { createRateLimiter } from "@/lib/rate-limit/limiter";
import { createMemoryBackend } from "@/lib/rate-limit/memory-backend";
import { rateLimitRulesFromEnv, type RateLimitRules } from "@/lib/rate-limit/policies";
import { createRedisScriptAdapter } from "@/lib/rate-limit/redis-script-adapter";
import { startUpstashRestProxy } from "../support/upstash-rest-proxy";

// CI sets REDIS_URL; without it only the in-memory backend (and the unreachable-store cases) run.
const redisUrl = process.env.REDIS_URL;
const PROXY_TOKEN = "rate-limit-test-token";
const CLOSED_PORT = "127.0.0.1:1";

// Both integration projects may run this file at once against one Redis: every limiter gets its own keys.
const uniquePrefix = () => `taleshard-test:${randomUUID()}`;

// Long windows, so no test straddles a window boundary by accident; each test overrides what it exercises.
const TEST_RULES: RateLimitRules = {
  save: { limit: 3, windowSeconds: 600 },
  chat: { limit: 100, windowSeconds: 600 },
  chat_daily: { limit: 4, guestLimit: 2, windowSeconds: 600 },
  image: { limit: 3, windowSeconds: 600 },
  scene_art: { limit: 3, windowSeconds: 600 },
  auth: { limit: 2, windowSeconds: 600 },
  guest: { limit: 2, windowSeconds: 600 },
};

const backendCases: [name: string, open: () => Promise<RateLimitBackend>][] = [["in-memory", async () => createMemoryBackend()]];
if (redisUrl) {
  backendCases.push(
    ["Redis (ioredis adapter)", async () => createRedisBackend({ url: redisUrl })],
    [
      "Upstash (REST proxy in front of Redis)",
      async () => {
        const proxy = await startUpstashRestProxy({ redisUrl, token: PROXY_TOKEN });
        return { ...createUpstashBackend({ url: proxy.url, token: PROXY_TOKEN }), close: proxy.close };
      },
    ],
  );
}

/** The refusal (a LimitedError) as the API answers it. */
async function refusal(attempt: Promise<unknown>): Promise<ApiError> {
  const outcome = await attempt.then(
    () => new Error("expected the request to be rate limited"),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(LimitedError);
  return toApiError(outcome);
}

function expectWholeSeconds(value: string | null | undefined, { max }: { max: number }) {
  const seconds = Number(value);
  expect(Number.isInteger(seconds), `${value} is a whole number of seconds`).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(max);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe.each(backendCases)("rate limits counted by the %s backend", (_name, openBackend) => {
  let backend: RateLimitBackend;
  beforeAll(async () => {
    backend = await openBackend();
  });
  afterAll(() => backend.close());

  const limiterWith = (overrides: Partial<RateLimitRules> = {}) =>
    createRateLimiter({ backend, rules: { ...TEST_RULES, ...overrides }, prefix: uniquePrefix() });

  test("allows up to the limit, then refuses with a 429, the standard error body and all four headers", async () => {
    const limiter = limiterWith();
    const save = { policy: "save", userId: "player-1", ip: "203.0.113.1" } as const;
    for (const remaining of ["2", "1", "0"]) {
      const headers = await limiter.enforce(save);
      expect(headers).toMatchObject({ "RateLimit-Limit": "3", "RateLimit-Remaining": remaining });
      expectWholeSeconds(headers["RateLimit-Reset"], { max: 600 });
    }

    const response = (await refusal(limiter.enforce(save))).toResponse();
    expect(response.status).toBe(429);
    const retryAfter = response.headers.get("Retry-After");
    expectWholeSeconds(retryAfter, { max: 600 });
    expect(await response.json()).toEqual({
      error: { code: "rate_limit:save", message: expect.any(String), details: { retry_after_seconds: Number(retryAfter) } },
    });
    expect(response.headers.get("RateLimit-Limit")).toBe("3");
    expect(response.headers.get("RateLimit-Remaining")).toBe("0");
    expectWholeSeconds(response.headers.get("RateLimit-Reset"), { max: 600 });
  });

  test("counts each user and each IP on their own", async () => {
    const limiter = limiterWith();
    for (let i = 0; i < 3; i++) await limiter.enforce({ policy: "save", userId: "alice", ip: "198.51.100.1" });

    // Alice is out of saves from any IP, and so is her IP for anyone.
    await refusal(limiter.enforce({ policy: "save", userId: "alice", ip: "198.51.100.2" }));
    await refusal(limiter.enforce({ policy: "save", userId: "bob", ip: "198.51.100.1" }));
    // Someone else somewhere else is untouched.
    expect(await limiter.enforce({ policy: "save", userId: "carol", ip: "198.51.100.3" })).toMatchObject({ "RateLimit-Remaining": "2" });
  });

  test("counts auth attempts per IP only, whichever user they name", async () => {
    const limiter = limiterWith();
    for (const ip of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
      expect(await limiter.enforce({ policy: "auth", userId: "same-name", ip })).toMatchObject({ "RateLimit-Remaining": "1" });
    }
    await limiter.enforce({ policy: "auth", userId: "other-name", ip: "192.0.2.1" });
    expect((await refusal(limiter.enforce({ policy: "auth", userId: "third-name", ip: "192.0.2.1" }))).code).toBe("rate_limit:auth");
  });

  test("caps a guest's daily chat lower than a signed-in player's", async () => {
    const limiter = limiterWith(); // daily cap: guests 2, players 4
    const guestMessage = { policy: "chat", userId: "guest-1", ip: "203.0.113.20", isGuest: true } as const;
    for (let i = 0; i < 2; i++) await limiter.enforce(guestMessage);
    const guestRefusal = await refusal(limiter.enforce(guestMessage));
    expect(guestRefusal.code).toBe("rate_limit:chat_daily");
    expect(guestRefusal.headers).toMatchObject({ "RateLimit-Limit": "2" });

    // A player on the same network has the player's cap, counted apart from the guests'.
    const playerMessage = { policy: "chat", userId: "player-1", ip: "203.0.113.20", isGuest: false } as const;
    for (let i = 0; i < 4; i++) await limiter.enforce(playerMessage);
    expect((await refusal(limiter.enforce(playerMessage))).code).toBe("rate_limit:chat_daily");
  });

  test("checks a chat message against both the per-minute limit and the daily cap, reporting the tighter", async () => {
    const message = { policy: "chat", userId: "player-2", ip: "203.0.113.21", isGuest: false } as const;
    const perMinuteTighter = limiterWith({ chat: { limit: 3, windowSeconds: 600 }, chat_daily: { limit: 10, windowSeconds: 600 } });
    expect(await perMinuteTighter.enforce(message)).toMatchObject({ "RateLimit-Limit": "3", "RateLimit-Remaining": "2" });
    for (let i = 0; i < 2; i++) await perMinuteTighter.enforce(message);
    expect((await refusal(perMinuteTighter.enforce(message))).code).toBe("rate_limit:chat");

    const dailyTighter = limiterWith({ chat: { limit: 10, windowSeconds: 600 }, chat_daily: { limit: 2, windowSeconds: 600 } });
    expect(await dailyTighter.enforce(message)).toMatchObject({ "RateLimit-Limit": "2", "RateLimit-Remaining": "1" });
  });

  test("lets requests through again once the window has passed", async () => {
    const limiter = limiterWith({ image: { limit: 2, windowSeconds: 1 } });
    const image = { policy: "image", userId: "player-3", ip: "203.0.113.30" } as const;
    // The three requests must share one window: start early in one (a busy machine can be slow).
    if (Date.now() % 1000 > 300) await sleep(1000 - (Date.now() % 1000) + 5);
    await limiter.enforce(image);
    await limiter.enforce(image);
    const retryAfter = Number((await refusal(limiter.enforce(image))).headers?.["Retry-After"]);
    expect(retryAfter).toBe(1);

    await sleep(retryAfter * 1000 + 50);
    expect(await limiter.enforce(image)).toMatchObject({ "RateLimit-Limit": "2" });
  });

  test("Retry-After is the sliding window's real wait: shorter than the window's end while the last window decays", async () => {
    const windowMs = 2000;
    const limiter = limiterWith({ image: { limit: 2, windowSeconds: windowMs / 1000 } });
    const image = { policy: "image", userId: "player-6", ip: "203.0.113.60" } as const;
    const untilNextWindow = () => sleep(windowMs - (Date.now() % windowMs) + 20);
    await untilNextWindow();
    await limiter.enforce(image);
    await limiter.enforce(image);
    await untilNextWindow();
    // Early in the next window the last one still weighs 2 × (1 − elapsed/window) ≈ 1.98 → 1: one more passes.
    await limiter.enforce(image);
    const refused = await refusal(limiter.enforce(image));
    // Passing again needs 2 × (1 − elapsed/window) < 1, i.e. half the window: about 1 s, not the 2 s to the window's end.
    const retryAfter = Number(refused.headers?.["Retry-After"]);
    expect(retryAfter).toBe(1);
    await sleep(retryAfter * 1000);
    expect(await limiter.enforce(image)).toMatchObject({ "RateLimit-Limit": "2" });
  });
});

describe.each(redisUrl ? [redisUrl] : [])("against the Redis server at %s", (url) => {
  test("the adapter strips the script shebang that Redis 7.0 rejects", async () => {
    const redis = new Redis(url);
    const adapter = createRedisScriptAdapter({ redis });
    const evalCalls = vi.spyOn(adapter, "eval");
    const evalshaCalls = vi.spyOn(adapter, "evalsha");
    const backend = createRatelimitBackend({ kind: "redis", client: adapter, close: async () => redis.disconnect() });
    try {
      const limiter = backend.limiter({ prefix: uniquePrefix(), limit: 5, windowSeconds: 600 });
      expect(await limiter.limit("someone")).toMatchObject({ success: true, remaining: 4 });
      expect(await limiter.limit("someone")).toMatchObject({ success: true, remaining: 3 });
      // The first call sent the script (after NOSCRIPT for a hash not seen yet); the second only the stripped script's hash.
      expect(evalshaCalls).toHaveBeenCalledTimes(2);
      expect(evalCalls).toHaveBeenCalledTimes(1);

      const [libraryScript, keys, args] = evalCalls.mock.calls[0]!;
      expect(libraryScript).toMatch(/^#!lua flags=allow-key-locking\n/);
      await expect(redis.eval(libraryScript, keys.length, ...keys, ...(args as (string | number)[]))).rejects.toThrow(
        /Unexpected flag in script shebang/,
      );
    } finally {
      await backend.close();
    }
  });

  test("the per-user and per-IP checks of one request reach Redis in one write (one round trip)", async () => {
    // A TCP relay in front of Redis that records what the app writes, chunk by chunk.
    const redisAddress = new URL(url);
    const written: string[] = [];
    const relay = createServer((client) => {
      const upstream = connect(Number(redisAddress.port || 6379), redisAddress.hostname);
      client.on("data", (chunk) => written.push(chunk.toString("latin1")));
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const backend = createRedisBackend({ url: `redis://127.0.0.1:${(relay.address() as AddressInfo).port}` });
    try {
      const limiter = createRateLimiter({ backend, rules: TEST_RULES, prefix: uniquePrefix() });
      const save = { policy: "save", userId: "player-6", ip: "203.0.113.60" } as const;
      await limiter.enforce(save); // connects, and loads the script (NOSCRIPT, then EVAL)
      written.length = 0;
      expect(await limiter.enforce(save)).toMatchObject({ "RateLimit-Remaining": "1" });
      expect(written).toHaveLength(1);
      expect(written[0]!.match(/\bevalsha\b/gi)).toHaveLength(2);
    } finally {
      await backend.close();
      await new Promise((resolve) => relay.close(resolve));
    }
  });

  test("the Upstash REST proxy answers the real client on /, /pipeline and /multi-exec, and checks the token", async () => {
    const proxy = await startUpstashRestProxy({ redisUrl: url, token: PROXY_TOKEN });
    try {
      const key = uniquePrefix();
      const client = new UpstashRedis({ url: proxy.url, token: PROXY_TOKEN, enableAutoPipelining: false });
      expect(await client.set(key, "héllo", { ex: 60 })).toBe("OK");
      expect(await client.get(key)).toBe("héllo");
      expect(await client.multi().incr(`${key}:n`).incr(`${key}:n`).exec()).toEqual([1, 2]);
      expect(await client.pipeline().get(key).expire(`${key}:n`, 60).exec()).toEqual(["héllo", 1]);
      const intruder = new UpstashRedis({ url: proxy.url, token: "wrong-token", retry: false });
      await expect(intruder.get(key)).rejects.toThrow(/Unauthorized/);
    } finally {
      await proxy.close();
    }
  });
});

describe("when the store cannot be reached", () => {
  test.each([
    ["redis" as const, () => createRedisBackend({ url: `redis://${CLOSED_PORT}` })],
    ["upstash" as const, () => createUpstashBackend({ url: `http://${CLOSED_PORT}`, token: PROXY_TOKEN })],
  ])(
    "%s: allows requests at once, counts them and warns at most once a minute",
    async (kind, openBackend) => {
      const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
      const backend = openBackend();
      try {
        const limiter = createRateLimiter({ backend, rules: TEST_RULES, prefix: uniquePrefix() });
        const save = { policy: "save", userId: "player-4", ip: "203.0.113.40" } as const;
        await expect(limiter.enforce(save)).resolves.toEqual({});
        await expect(limiter.enforce(save)).resolves.toEqual({});
        expect(limiter.health()).toEqual({ backend: kind, failOpenCount: 2, lastError: expect.any(String) });
        expect(warn).toHaveBeenCalledOnce();
      } finally {
        await backend.close();
      }
    },
    1000, // both requests within a second: a dead store must not stall requests
  );
});

describe("when the store accepts connections but never answers", () => {
  let silent: Server;
  let silentUrl = "";
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    silentUrl = `redis://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  test(
    "redis: each request waits at most about the store timeout, then is allowed and counted",
    async () => {
      vi.spyOn(logger, "warn").mockImplementation(() => {});
      const backend = createRedisBackend({ url: silentUrl });
      try {
        const limiter = createRateLimiter({ backend, rules: TEST_RULES, prefix: uniquePrefix() });
        const save = { policy: "save", userId: "player-5", ip: "203.0.113.50" } as const;
        // The first request also waits for the connection, which never becomes ready.
        for (const attempt of [1, 2]) {
          const started = performance.now();
          await expect(limiter.enforce(save)).resolves.toEqual({});
          expect(performance.now() - started, `request ${attempt}`).toBeLessThan(2_500);
        }
        expect(limiter.health()).toMatchObject({ backend: "redis", failOpenCount: 2 });
      } finally {
        await backend.close();
      }
    },
    10_000,
  );
});

describe("choosing the store", () => {
  test("Upstash first, then REDIS_URL, else memory, with a warning in production only", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    const upstash = { UPSTASH_REDIS_REST_URL: `http://${CLOSED_PORT}`, UPSTASH_REDIS_REST_TOKEN: PROXY_TOKEN };
    const backends = [
      createBackendFromEnv({ env: { NODE_ENV: "production", ...upstash, REDIS_URL: `redis://${CLOSED_PORT}` } }),
      createBackendFromEnv({ env: { NODE_ENV: "production", REDIS_URL: `redis://${CLOSED_PORT}` } }),
      createBackendFromEnv({ env: { NODE_ENV: "development" } }),
    ];
    expect(backends.map(({ kind }) => kind)).toEqual(["upstash", "redis", "memory"]);
    expect(warn).not.toHaveBeenCalled();

    backends.push(createBackendFromEnv({ env: { NODE_ENV: "production" } }));
    expect(backends[3]?.kind).toBe("memory");
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/in memory/);
    await Promise.all(backends.map((backend) => backend.close()));
  });

  test("the app's limiter uses the configured store and the policies from the environment", async () => {
    const headers = await enforceRateLimit({ policy: "save", userId: `test-${randomUUID()}`, ip: `test-${randomUUID()}` });
    expect(headers).toEqual({
      "RateLimit-Limit": String(env.RATE_LIMIT_SAVE_PER_MINUTE),
      "RateLimit-Remaining": String(env.RATE_LIMIT_SAVE_PER_MINUTE - 1),
      "RateLimit-Reset": expect.any(String),
    });
    const configuredBackend = env.UPSTASH_REDIS_REST_URL ? "upstash" : env.REDIS_URL ? "redis" : "memory";
    expect(rateLimitHealth()).toEqual({ backend: configuredBackend, failOpenCount: 0 });
  });
});

describe("policy settings from the environment", () => {
  const LIMIT_VARIABLES = {
    RATE_LIMIT_SAVE_PER_MINUTE: "7",
    RATE_LIMIT_CHAT_PER_MINUTE: "8",
    RATE_LIMIT_CHAT_GUEST_PER_DAY: "9",
    RATE_LIMIT_CHAT_PLAYER_PER_DAY: "90",
    RATE_LIMIT_IMAGE_PER_MINUTE: "3",
    RATE_LIMIT_SCENE_ART_PER_MINUTE: "2",
    RATE_LIMIT_AUTH_PER_MINUTE: "4",
    RATE_LIMIT_GUEST_PER_HOUR: "11",
  };

  /** lib/env parsed afresh from the current variables, the given ones set and the other limits unset. */
  async function loadEnv(variables: Record<string, string>) {
    for (const name of [...Object.keys(LIMIT_VARIABLES), "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"]) vi.stubEnv(name, "");
    for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
    vi.resetModules();
    return (await import("@/lib/env")).env;
  }

  test("default to the documented limits", async () => {
    expect(rateLimitRulesFromEnv({ env: await loadEnv({}) })).toEqual({
      save: { limit: 120, windowSeconds: 60 },
      chat: { limit: 20, windowSeconds: 60 },
      chat_daily: { limit: 300, guestLimit: 50, windowSeconds: 86_400 },
      image: { limit: 10, windowSeconds: 60 },
      scene_art: { limit: 5, windowSeconds: 60 },
      auth: { limit: 10, windowSeconds: 60 },
      guest: { limit: 60, windowSeconds: 3600 },
    });
  });

  test("override each limit", async () => {
    expect(rateLimitRulesFromEnv({ env: await loadEnv(LIMIT_VARIABLES) })).toEqual({
      save: { limit: 7, windowSeconds: 60 },
      chat: { limit: 8, windowSeconds: 60 },
      chat_daily: { limit: 90, guestLimit: 9, windowSeconds: 86_400 },
      image: { limit: 3, windowSeconds: 60 },
      scene_art: { limit: 2, windowSeconds: 60 },
      auth: { limit: 4, windowSeconds: 60 },
      guest: { limit: 11, windowSeconds: 3600 },
    });
  });

  test("reject limits that are not positive whole numbers, and a half-configured store", async () => {
    await expect(loadEnv({ RATE_LIMIT_CHAT_PER_MINUTE: "0" })).rejects.toThrow(/RATE_LIMIT_CHAT_PER_MINUTE/);
    await expect(loadEnv({ RATE_LIMIT_AUTH_PER_MINUTE: "ten" })).rejects.toThrow(/RATE_LIMIT_AUTH_PER_MINUTE/);
    await expect(loadEnv({ RATE_LIMIT_SAVE_PER_MINUTE: "1.5" })).rejects.toThrow(/RATE_LIMIT_SAVE_PER_MINUTE/);
    await expect(loadEnv({ UPSTASH_REDIS_REST_URL: "https://example.upstash.io" })).rejects.toThrow(/UPSTASH_REDIS_REST_TOKEN/);
    await expect(loadEnv({ REDIS_URL: "http://127.0.0.1:6379" })).rejects.toThrow(/REDIS_URL/);
  });
});

test("clientIp takes the first x-forwarded-for hop, then x-real-ip, else 'unknown'", () => {
  const ipOf = (headers: Record<string, string>) => clientIp({ request: new Request("http://localhost/api/saves", { headers }) });
  expect(ipOf({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1", "x-real-ip": "10.0.0.2" })).toBe("203.0.113.7");
  expect(ipOf({ "x-real-ip": "203.0.113.8" })).toBe("203.0.113.8");
  expect(ipOf({})).toBe("unknown");
});
