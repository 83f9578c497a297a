// A generated bad-input suite over every API route: wrong types, boundary and out-of-range numbers,
// invalid Unicode and control characters, unknown and prototype keys, huge and deeply nested
// bodies, malformed JSON, hostile params, every method, hostile origins and forwarded headers,
// forged, expired and revoked credentials. Every answer must be < 500, every error the standard
// JSON shape, every authenticated answer uncacheable, and nothing stored may change.
// A route on disk that route-table.ts does not list fails the first test.
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { HTTP_METHODS, type HttpMethod } from "@/lib/api/contract";
import { authSecret } from "@/lib/auth/secret";
import { endAllSessions } from "@/lib/auth/session-generation";
import { getPrisma } from "@/lib/db/client";
import { apiAs, BASE, createTestUser, sampleState, sessionCookie, uniqueSessionId, type TestUser } from "./api";
import { sendJson } from "./chat-client";
import { concretePath, invoke, ROUTES, routesOnDisk, storyWorld, type ValidCall, type World } from "./route-table";

// Limits stay out of the way: the suite tests validation, not counting (each call also gets its own IP).
vi.hoisted(() => {
  process.env.RATE_LIMIT_SAVE_PER_MINUTE = "1000000";
  process.env.RATE_LIMIT_AUTH_PER_MINUTE = "1000000";
  process.env.RATE_LIMIT_CHAT_PER_MINUTE = "1000000";
  process.env.RATE_LIMIT_CHAT_PLAYER_PER_DAY = "1000000";
  process.env.AI_OFFLINE_WORD_DELAY_MS = "0";
});

const RUNS = Number(process.env.HOSTILE_RUNS ?? 40);

let owner: TestUser;
let world: World;
let ipCounter = 0;
const freshIp = () => `198.19.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`;

/** The owner's headers (an admin, so every route's own checks are reached), from a fresh IP. */
const ownerHeaders = (): Record<string, string> => ({ ...owner.headers, "x-forwarded-for": freshIp() });

/** Everything of the owner's that a request could change, as stored. */
async function storedState(): Promise<unknown> {
  const prisma = await getPrisma();
  const [user, parties, tokens, accounts, chats, stories] = await Promise.all([
    prisma.user.findUnique({ where: { id: owner.id }, select: { email: true, name: true, role: true, isGuest: true, passwordHash: true, sessionGeneration: true } }),
    prisma.party.findMany({ where: { ownerId: owner.id }, include: { snapshots: true }, orderBy: { sessionId: "asc" } }),
    prisma.apiToken.findMany({ where: { userId: owner.id }, select: { id: true, name: true, revokedAt: true }, orderBy: { id: "asc" } }),
    prisma.user.count({ where: { email: { startsWith: "fuzz-" } } }),
    prisma.chatMessage.findMany({ where: { chat: { ownerId: owner.id } }, orderBy: [{ chatId: "asc" }, { seq: "asc" }] }),
    prisma.story.findMany({ where: { ownerId: owner.id }, include: { cards: { orderBy: { position: "asc" } } }, orderBy: { createdAt: "asc" } }),
  ]);
  return { user, parties, tokens, accounts, chats, stories };
}

type Answer = { status: number; body: unknown; headers: Headers };

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // checked below: an error must be JSON
  }
  return { status: response.status, body, headers: response.headers };
}

/** The rules every answer to hostile input obeys. */
function expectWellFormed(pattern: string, method: HttpMethod, { status, body, headers }: Answer) {
  const where = `${method} ${pattern} → ${status} ${JSON.stringify(body)?.slice(0, 200)}`;
  expect(status, where).toBeLessThan(500);
  if (pattern.startsWith("/api/auth/[...nextauth]")) return; // Auth.js's own answers (redirects, its JSON)
  if (status >= 400 && method !== "HEAD") {
    expect(headers.get("content-type"), where).toMatch(/^application\/json/);
    expect(body, where).toMatchObject({ error: { code: expect.stringMatching(/^[a-z_]+:[a-z_]+$/), message: expect.any(String) } });
    expect(Object.keys(body as object), where).toEqual(["error"]);
  }
  if (pattern.startsWith("/api/v1/")) expect(headers.get("cache-control"), where).toBe("no-store");
}

/** Sends one request and checks its answer; a refused write must leave the stored state as it was. */
async function send(pattern: string, method: HttpMethod, options: { headers?: Record<string, string>; call?: ValidCall; rawBody?: BodyInit | null } = {}) {
  const isWrite = method !== "GET" && method !== "HEAD";
  const stateBefore = isWrite ? await storedState() : undefined;
  const response = await answer(await invoke({ pattern, method, headers: options.headers ?? ownerHeaders(), call: options.call, rawBody: options.rawBody }));
  expectWellFormed(pattern, method, response);
  if (isWrite && response.status >= 400) expect(await storedState(), `${method} ${pattern} was refused (${response.status}) yet changed what is stored`).toEqual(stateBefore);
  return response;
}

// --- Generators ----------------------------------------------------------------------------------

const LONE_SURROGATES = ["\ud800", "a\udfffb", "\udbff"];
const CONTROL = ["\u0000", "nul\u0000inside", "\u0007bell", "\u001b[31m", "\u009b", "line\nbreak"];
const hostileStrings = fc.oneof(
  fc.constantFrom(...LONE_SURROGATES, ...CONTROL, "", " ", "\u200b\u200b", "../../etc/passwd", "<script>alert(1)</script>", "%ZZ", "'; DROP TABLE users; --", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 12000 }),
);
const hostileNumbers = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, -0, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER, -1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const hostileValue = fc.oneof(hostileStrings, hostileNumbers, fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a leaf (and to each object, for added keys) of a JSON value. */
function pathsOf(value: Json, prefix: (string | number)[] = []): { leaves: (string | number)[][]; objects: (string | number)[][] } {
  if (value && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
    const nested = entries.map(([key, item]) => pathsOf(item, [...prefix, key]));
    return {
      leaves: nested.flatMap((n) => n.leaves),
      objects: [...(Array.isArray(value) ? [] : [prefix]), ...nested.flatMap((n) => n.objects)],
    };
  }
  return { leaves: [prefix], objects: [] };
}

function setAt(value: Json, path: (string | number)[], replacement: unknown): Json {
  if (!path.length) return replacement as Json;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, Json>;
  cursor[path.at(-1)!] = replacement as Json;
  return copy as Json;
}

/** The valid body with one thing broken: a leaf replaced, or a key added (unknown or __proto__). */
function brokenBodies(valid: Json) {
  const { leaves, objects } = pathsOf(valid);
  const replaced = leaves.length ? fc.tuple(fc.constantFrom(...leaves), hostileValue).map(([path, value]) => JSON.stringify(setAt(valid, path, value))) : null;
  // __proto__ has to be written into the JSON text: as an object key in JS it would set the prototype.
  const added = objects.length
    ? fc.tuple(fc.constantFrom(...objects), fc.constantFrom("__proto__", "constructor", "prototype", "admin", "role"), hostileValue).map(([path, key, value]) => {
        const marker = "\u0001MARKER\u0001";
        const withMarker = JSON.stringify(setAt(valid, [...path, marker], value));
        return withMarker.replace(JSON.stringify(marker), JSON.stringify(key));
      })
    : null;
  return fc.oneof(...[replaced, added].filter((arbitrary): arbitrary is fc.Arbitrary<string> => arbitrary !== null));
}

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const RAW_BODIES: [name: string, body: string, contentType?: string][] = [
  ["malformed JSON", "{bad"],
  ["truncated JSON", '{"session_id": "abc", "state": {'],
  ["a bare string", '"just a string"'],
  ["an array", "[1,2,3]"],
  ["JSON with a byte-order mark", '\ufeff{"a":1}'],
  ["nested 20,000 deep", nested(20_000)],
  ["nested 40 deep in an object", `{"a":${nested(40)}}`],
  ["a megabyte", JSON.stringify({ padding: "x".repeat(1024 * 1024) })],
  ["text/plain", '{"a":1}', "text/plain"],
  ["form-encoded", "a=1&b=2", "application/x-www-form-urlencoded"],
  ["lone surrogate escaped in JSON", '{"name":"\\ud800"}'],
  ["NUL escaped in JSON", '{"name":"a\\u0000b"}'],
];

// --- The suite -----------------------------------------------------------------------------------

const routeMethods = Object.entries(ROUTES).flatMap(([pattern, entry]) => (Object.keys(entry.calls) as HttpMethod[]).map((method) => [`${method} ${pattern}`, pattern, method] as const));
const bodyMethods = routeMethods.filter(([, pattern, method]) => {
  const valid = ROUTES[pattern]!.calls[method]!({ sessionId: "s", snapshotId: "0", tokenId: "0", email: "e", messageId: "0", storyId: "0", cardId: "0" });
  return valid.body !== undefined && typeof valid.body === "object";
});
const paramRoutes = routeMethods.filter(([, pattern]) => /\[\w+\]/.test(pattern) && !pattern.includes("..."));

beforeAll(async () => {
  owner = await createTestUser({ role: "admin" });
  // Signed out once before, so an older cookie of this user is a revoked one.
  const generation = await endAllSessions({ userId: owner.id });
  owner.cookie = owner.headers.cookie = await sessionCookie({ userId: owner.id, role: "admin", isGuest: false, generation });
  const sessionId = uniqueSessionId("hostile");
  await apiAs(owner.headers).save({ session_id: sessionId, state: sampleState() });
  const snapshots = (await apiAs(owner.headers).history(sessionId)).body.snapshots as { id: string }[];
  const token = await (await getPrisma()).apiToken.findFirstOrThrow({ where: { userId: owner.id } });
  const message = await sendJson({ body: { session_id: sessionId, message: "Where are we?" }, headers: ownerHeaders() });
  world = { sessionId, snapshotId: snapshots[0]!.id, tokenId: token.id, email: `fuzz-${owner.email}`, messageId: message.body.message_id as string, ...(await storyWorld({ headers: ownerHeaders() })) };
});

describe("hostile input on every route", () => {
  test("every route on disk is in the route table", () => {
    expect(routesOnDisk()).toEqual(Object.keys(ROUTES).sort());
  });

  test.each(bodyMethods)("%s: generated broken bodies never break the server, and a refusal changes nothing", async (_name, pattern, method) => {
    const valid = ROUTES[pattern]!.calls[method]!(world);
    await fc.assert(
      fc.asyncProperty(fc.oneof(brokenBodies(valid.body as Json), fc.jsonValue().map((value) => JSON.stringify(value))), async (body) => {
        await send(pattern, method, { call: valid, rawBody: body });
      }),
      { numRuns: RUNS },
    );
  });

  test.each(bodyMethods)("%s: every field × every dangerous value, and an unknown or prototype key at every level, is a 4xx", async (_name, pattern, method) => {
    const valid = ROUTES[pattern]!.calls[method]!(world);
    const { leaves, objects } = pathsOf(valid.body as Json);
    const DANGEROUS: unknown[] = [...LONE_SURROGATES, ...CONTROL.filter((text) => !text.includes("\n")), 2 ** 31, -(2 ** 31) - 1, 1e308, -1, 0.5, "x".repeat(5000), null, {}, [], true];
    for (const path of leaves) {
      for (const value of DANGEROUS) {
        const response = await send(pattern, method, { call: valid, rawBody: JSON.stringify(setAt(valid.body as Json, path, value)) });
        // Some values are fine in some fields (a number where any integer goes): they may pass, never break.
        if (response.status < 400) expect(JSON.stringify(value), `${path.join(".")} accepted ${JSON.stringify(value)}`).not.toMatch(/\\u0000|\\ud[89ab]/i);
      }
    }
    for (const path of objects) {
      for (const key of ["__proto__", "constructor", "unexpected"]) {
        const marker = "\u0001MARKER\u0001";
        const body = JSON.stringify(setAt(valid.body as Json, [...path, marker], "x")).replace(JSON.stringify(marker), JSON.stringify(key));
        const response = await send(pattern, method, { call: valid, rawBody: body });
        expect(response.status, `${key} at ${path.join(".") || "(body)"}`).toBe(422);
      }
    }
  });

  test.each(bodyMethods)("%s: malformed, huge and deeply nested raw bodies", async (_name, pattern, method) => {
    const valid = ROUTES[pattern]!.calls[method]!(world);
    for (const [, body, contentType] of RAW_BODIES) {
      const headers = { ...ownerHeaders(), ...(contentType ? { "content-type": contentType } : {}) };
      const response = await send(pattern, method, { call: valid, rawBody: body, headers });
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
  });

  test.each(paramRoutes)("%s: hostile path parameters", async (_name, pattern, method) => {
    const valid = ROUTES[pattern]!.calls[method]!(world);
    await fc.assert(
      fc.asyncProperty(hostileStrings, async (value) => {
        const params = Object.fromEntries(Object.keys(valid.params ?? {}).map((name) => [name, value]));
        await send(pattern, method, { call: { ...valid, params } });
      }),
      { numRuns: RUNS },
    );
  });

  test.each(routeMethods.map(([, pattern]) => pattern).filter((pattern, index, all) => all.indexOf(pattern) === index))(
    "%s: every method it does not serve is a JSON 405 with Allow",
    async (pattern) => {
      const handlers = ROUTES[pattern]!.module;
      const served = new Set(Object.keys(ROUTES[pattern]!.calls));
      if (pattern === "/api/[...path]") return; // a 404 whatever the method
      for (const method of HTTP_METHODS) {
        if (served.has(method) || method === "OPTIONS" || (method === "HEAD" && served.has("GET"))) continue;
        const response = await send(pattern, method, { call: ROUTES[pattern]!.calls[[...served][0] as HttpMethod]!(world) });
        expect(response.status, `${method} ${pattern}`).toBe(405);
        expect(response.headers.get("allow"), `${method} ${pattern}`).toMatch(/OPTIONS/);
      }
      const options = await handlers.OPTIONS!(new Request(`${BASE}${concretePath(pattern)}`, { method: "OPTIONS" }));
      expect(options.status).toBe(204);
      expect(options.headers.get("allow")).toContain([...served][0]);
    },
  );
});

describe("hostile credentials and origins on every route", () => {
  const authenticated = routeMethods.filter(([, pattern]) => ROUTES[pattern]!.auth !== "none");

  /** Cookies and tokens that must never authenticate. */
  async function forgedCredentials(): Promise<[string, Record<string, string>][]> {
    const secret = authSecret();
    const salt = "authjs.session-token";
    const cookie = async (token: Record<string, unknown>, maxAge?: number) => `${salt}=${await encode({ token, secret, salt, maxAge })}`;
    const revokedGeneration = (await (await getPrisma()).user.findUniqueOrThrow({ where: { id: owner.id } })).sessionGeneration - 1;
    expect(revokedGeneration).toBeGreaterThanOrEqual(0);
    return [
      ["no credentials", {}],
      ["a cookie signed with another secret", { cookie: `${salt}=${await encode({ token: { sub: owner.id, role: "admin" }, secret: "x".repeat(40), salt })}` }],
      ["an expired cookie", { cookie: await cookie({ sub: owner.id, role: "admin", gen: 0 }, -60) }],
      ["a cookie of an earlier session generation", { cookie: await cookie({ sub: owner.id, role: "admin", gen: revokedGeneration }) }],
      ["a cookie of a user that does not exist", { cookie: await cookie({ sub: "00000000-0000-4000-8000-000000000000", role: "admin", gen: 0 }) }],
      ["a cookie whose subject is not a uuid", { cookie: await cookie({ sub: "'; DROP TABLE users; --", role: "admin", gen: 0 }) }],
      ["garbage in the cookie", { cookie: `${salt}=%ZZ\u00ff..` }],
      ["a token that was never issued", { authorization: "Bearer tsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }],
      ["a malformed authorization header", { authorization: "Bearer" }],
      ["basic auth", { authorization: "Basic YWRtaW46YWRtaW4=" }],
    ];
  }

  test.each(authenticated)("%s: forged, expired and revoked credentials get a 401", async (_name, pattern, method) => {
    const valid = ROUTES[pattern]!.calls[method]!(world);
    for (const [name, credentials] of await forgedCredentials()) {
      const response = await send(pattern, method, { call: valid, headers: { ...credentials, origin: BASE, "x-forwarded-for": freshIp() } });
      expect(response.status, `${name}: ${method} ${pattern}`).toBe(401);
    }
  });

  const writes = authenticated.filter(([, , method]) => method !== "GET" && method !== "HEAD");
  const HOSTILE_ORIGINS: [string, Record<string, string>][] = [
    ["Origin: null", { origin: "null" }],
    ["a non-URL origin", { origin: "not a url at all" }],
    ["https for an http site", { origin: BASE.replace("http:", "https:") }],
    ["userinfo before our host", { origin: `http://evil@${new URL(BASE).host}` }],
    ["our host as a subdomain of another", { origin: `${BASE}.evil.example` }],
    ["another port", { origin: `${BASE}:8443` }],
    ["another site that also forwards its host", { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }],
    ["no origin and cross-site fetch metadata", { "sec-fetch-site": "cross-site" }],
  ];

  test.each(writes)("%s: a cookie-authenticated write from a hostile origin is a 403", async (_name, pattern, method) => {
    const valid = ROUTES[pattern]!.calls[method]!(world);
    const cookieOnly = Object.fromEntries(Object.entries(ownerHeaders()).filter(([name]) => name !== "origin"));
    for (const [name, headers] of HOSTILE_ORIGINS) {
      const response = await send(pattern, method, { call: valid, headers: { ...cookieOnly, ...headers } });
      expect(response.status, `${name}: ${method} ${pattern}`).toBe(403);
      expect(response.body, name).toMatchObject({ error: { code: "forbidden:origin" } });
    }
  });
});
