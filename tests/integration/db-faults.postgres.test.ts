// Postgres only (*.postgres.test.ts): the embedded database cannot be unreachable. Every route that
// needs the database answers 503 in the standard shape when it is down, or when it accepts
// connections and never answers, within the configured timeouts; health says 503 promptly.
import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { HttpMethod } from "@/lib/api/contract";
import { connectPostgres, getDatabase, type Database } from "@/lib/db/client";
import { createTestUser, sampleState, apiAs, bearer, uniqueSessionId, type TestUser } from "./api";
import { sendJson } from "./chat-client";
import { invoke, ROUTES, storyWorld, type World } from "./route-table";

const holder = globalThis as typeof globalThis & { taleshardDatabase?: Promise<Database> };
const TIMEOUT_MS = 400;

let world: World;
let owner: TestUser;
let realDatabase: Promise<Database>;

beforeAll(async () => {
  realDatabase = getDatabase();
  owner = await createTestUser({ role: "admin" });
  const sessionId = uniqueSessionId("db-faults");
  await apiAs(owner.headers).save({ session_id: sessionId, state: sampleState() });
  const snapshots = (await apiAs(owner.headers).history(sessionId)).body.snapshots as { id: string }[];
  const prisma = (await realDatabase).prisma;
  const token = await prisma.apiToken.findFirstOrThrow({ where: { userId: owner.id } });
  const message = await sendJson({ body: { session_id: sessionId, message: "Where are we?" }, headers: owner.headers });
  world = { sessionId, snapshotId: snapshots[0]!.id, tokenId: token.id, email: owner.email!, messageId: message.body.message_id as string, ...(await storyWorld({ headers: owner.headers })) };
});

// Fresh users per call: a session check remembered from earlier would skip the database.
async function credentials(via: "cookie" | "token"): Promise<Record<string, string>> {
  holder.taleshardDatabase = realDatabase;
  const user = await createTestUser({ role: "admin" });
  return via === "cookie" ? user.headers : bearer(user);
}

const databaseRoutes = Object.entries(ROUTES).flatMap(([pattern, entry]) =>
  entry.databaseFree ? [] : (Object.keys(entry.calls) as HttpMethod[]).map((method) => [`${method} ${pattern}`, pattern, method] as const),
);

async function expectUnavailable({ pattern, method, via, database }: { pattern: string; method: HttpMethod; via: "cookie" | "token"; database: Promise<Database> }) {
  const headers = await credentials(via);
  holder.taleshardDatabase = database;
  const started = performance.now();
  const response = await invoke({ pattern, method, headers, call: ROUTES[pattern]!.calls[method]!(world) });
  const elapsed = performance.now() - started;
  expect(response.status).toBe(503);
  const body = (await response.json()) as { error?: { code: string; message: string }; status?: string };
  if (pattern === "/api/health") expect(body).toMatchObject({ status: "error", checks: { database: { status: "error" } } });
  else expect(body).toMatchObject({ error: { code: "unavailable:database", message: expect.any(String) } });
  return elapsed;
}

describe("with the database unreachable (connection refused)", () => {
  let unreachable: Promise<Database>;
  beforeAll(() => {
    unreachable = Promise.resolve(connectPostgres({ url: "postgresql://postgres@127.0.0.1:1/nowhere", connectTimeoutMs: TIMEOUT_MS, statementTimeoutMs: TIMEOUT_MS }));
  });
  afterAll(async () => {
    holder.taleshardDatabase = realDatabase;
    await (await unreachable).close();
  });

  test.each(databaseRoutes.flatMap(([name, pattern, method]) => (["cookie", "token"] as const).map((via) => [`${name} (by ${via})`, pattern, method, via] as const)))(
    "%s → 503",
    async (_name, pattern, method, via) => {
      await expectUnavailable({ pattern, method, via, database: unreachable });
    },
  );
});

describe("with a database that accepts connections and never answers", () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let silentDatabase: Promise<Database>;
  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    silentDatabase = Promise.resolve(connectPostgres({ url: `postgresql://postgres@127.0.0.1:${port}/silent`, connectTimeoutMs: TIMEOUT_MS, statementTimeoutMs: TIMEOUT_MS }));
  });
  afterAll(async () => {
    holder.taleshardDatabase = realDatabase;
    for (const socket of sockets) socket.destroy();
    await Promise.race([(await silentDatabase).close(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    await new Promise((resolve) => silent.close(resolve));
  });

  test.each([
    ["POST", "/api/v1/save", "cookie"],
    ["GET", "/api/v1/load/[sessionId]", "token"],
    ["GET", "/api/health", "cookie"],
  ] as const)("%s %s (by %s) → 503 within the connect timeout", async (method, pattern, via) => {
    const elapsed = await expectUnavailable({ pattern, method, via, database: silentDatabase });
    // One connection attempt per query, a few queries at most: well under the old minute-long hang.
    expect(elapsed).toBeLessThan(TIMEOUT_MS * 6);
  });
});

describe("with a database that stops answering mid-session", () => {
  let relay: Server;
  let frozen = false;
  const pipes = new Set<Socket>();
  let relayDatabase: Database;

  beforeAll(async () => {
    // A TCP relay to the real server that can be frozen: connections stay open, bytes stop flowing.
    const target = new URL(process.env.DATABASE_URL!);
    relay = createServer((client) => {
      const server = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, server]) {
        pipes.add(socket);
        socket.on("close", () => pipes.delete(socket));
        socket.on("error", () => {});
      }
      client.on("data", (chunk) => !frozen && server.write(chunk));
      server.on("data", (chunk) => !frozen && client.write(chunk));
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const url = `postgresql://postgres@127.0.0.1:${(relay.address() as AddressInfo).port}${target.pathname}`;
    relayDatabase = connectPostgres({ url, connectTimeoutMs: TIMEOUT_MS, statementTimeoutMs: TIMEOUT_MS });
  });
  afterEach(() => {
    frozen = false;
  });
  afterAll(async () => {
    holder.taleshardDatabase = realDatabase;
    for (const socket of pipes) socket.destroy();
    await Promise.race([relayDatabase.close(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    await new Promise((resolve) => relay.close(resolve));
  });

  test("requests answer while it flows, and 503 within the statement timeout once it freezes", async () => {
    const headers = await credentials("token");
    holder.taleshardDatabase = Promise.resolve(relayDatabase);
    const call = ROUTES["/api/v1/load/[sessionId]"]!.calls.GET!(world);
    const before = await invoke({ pattern: "/api/v1/load/[sessionId]", method: "GET", headers, call });
    expect(before.status).toBe(404); // reached the database: the party is the owner's, not this user's

    frozen = true;
    const started = performance.now();
    const during = await invoke({ pattern: "/api/v1/load/[sessionId]", method: "GET", headers, call });
    expect(during.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 1000 + 1500);
  });
});
