// Two players, every route handler: player B (by session cookie and by API token) tries to read,
// change or delete what player A owns, and nothing of A's moves. A route added under app/api
// without an entry here fails the first test.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import * as chatEdit from "@/app/api/chat/edit/route";
import * as chatRegenerate from "@/app/api/chat/regenerate/route";
import * as chatRewind from "@/app/api/chat/rewind/route";
import * as chat from "@/app/api/chat/route";
import * as chatHistory from "@/app/api/history/route";
import * as password from "@/app/api/v1/account/password/route";
import * as account from "@/app/api/v1/account/route";
import * as sessions from "@/app/api/v1/account/sessions/route";
import * as signup from "@/app/api/v1/account/signup/route";
import * as tokenById from "@/app/api/v1/account/tokens/[tokenId]/route";
import * as tokens from "@/app/api/v1/account/tokens/route";
import * as adminRole from "@/app/api/v1/admin/users/role/route";
import * as load from "@/app/api/v1/load/[sessionId]/route";
import * as save from "@/app/api/v1/save/route";
import * as partyById from "@/app/api/v1/saves/[sessionId]/route";
import * as history from "@/app/api/v1/saves/[sessionId]/history/route";
import * as restore from "@/app/api/v1/saves/[sessionId]/restore/route";
import * as parties from "@/app/api/v1/saves/route";
import type { RouteModule } from "@/lib/api/route";
import { createOfflineProvider } from "@/lib/ai/offline";
import { getPrisma } from "@/lib/db/client";
import { sendJson, useProvider } from "./chat-client";
import { invoke, ROUTES, storyWorld, type World } from "./route-table";

const ROUTE_MODULES = Object.fromEntries(Object.entries(ROUTES).map(([pattern, entry]) => [pattern, entry.module as RouteModule]));
/** The ids a story route does not use. */
const PLACEHOLDER_WORLD: World = { sessionId: "x", snapshotId: "x", tokenId: "x", email: "x", messageId: "x", storyId: "x", cardId: "x" };
import { apiAs, bearer, createTestUser, request, sampleState, sessionContext, toJson, uniqueSessionId, type TestUser } from "./api";

type Credentials = Record<string, string>;
type Attempt = (intruder: Credentials) => Promise<{ status: number; body: Record<string, unknown> }>;
type Matrix = Record<string, { module: RouteModule; attempts: Record<string, Attempt> } | { public: string }>;
const json = (body: unknown) => JSON.stringify(body);
const jsonHeaders = (intruder: Credentials) => ({ ...intruder, "content-type": "application/json" });

let owner: TestUser;
let intruder: TestUser;
const ownerOnlyId = uniqueSessionId("owner-only");
const sharedId = uniqueSessionId("shared");
let ownerSnapshotId: string;
let ownerTokenId: string;
let ownerMessageId: string;
let ownerStory: { storyId: string; cardId: string };
let ownerBefore: unknown;

const matrix: Matrix = {
  "/api/v1/save": {
    module: save,
    attempts: {
      // Saving under the owner's session id writes the intruder's own party, never the owner's.
      POST: async (as) =>
        toJson(await save.POST(request("/api/v1/save", { method: "POST", body: json({ session_id: sharedId, state: sampleState({ party_name: "Intruders" }) }), headers: jsonHeaders(as) }), undefined)),
    },
  },
  "/api/v1/load/[sessionId]": {
    module: load,
    attempts: { GET: async (as) => toJson(await load.GET(request(`/api/v1/load/${ownerOnlyId}`, { headers: as }), sessionContext(ownerOnlyId))) },
  },
  "/api/v1/saves": {
    module: parties,
    attempts: { GET: async (as) => toJson(await parties.GET(request("/api/v1/saves", { headers: as }), undefined)) },
  },
  "/api/v1/saves/[sessionId]": {
    module: partyById,
    attempts: { DELETE: async (as) => toJson(await partyById.DELETE(request(`/api/v1/saves/${ownerOnlyId}`, { method: "DELETE", headers: as }), sessionContext(ownerOnlyId))) },
  },
  "/api/v1/saves/[sessionId]/history": {
    module: history,
    attempts: { GET: async (as) => toJson(await history.GET(request(`/api/v1/saves/${ownerOnlyId}/history`, { headers: as }), sessionContext(ownerOnlyId))) },
  },
  "/api/v1/saves/[sessionId]/restore": {
    module: restore,
    attempts: {
      // Into the intruder's own party of the same id, with the owner's snapshot: not found.
      POST: async (as) =>
        toJson(
          await restore.POST(
            request(`/api/v1/saves/${sharedId}/restore`, { method: "POST", body: json({ snapshot_id: ownerSnapshotId }), headers: jsonHeaders(as) }),
            sessionContext(sharedId),
          ),
        ),
    },
  },
  "/api/v1/account": {
    module: account,
    attempts: { GET: async (as) => toJson(await account.GET(request("/api/v1/account", { headers: as }), undefined)) },
  },
  "/api/v1/account/signup": {
    module: signup,
    attempts: {
      // Taking over the owner's email is refused.
      POST: async (as) =>
        toJson(await signup.POST(request("/api/v1/account/signup", { method: "POST", body: json({ email: owner.email, password: "a fresh long passphrase" }), headers: jsonHeaders(as) }), undefined)),
    },
  },
  "/api/v1/account/tokens": {
    module: tokens,
    attempts: {
      GET: async (as) => toJson(await tokens.GET(request("/api/v1/account/tokens", { headers: as }), undefined)),
      POST: async (as) => toJson(await tokens.POST(request("/api/v1/account/tokens", { method: "POST", body: json({ name: "mine" }), headers: jsonHeaders(as) }), undefined)),
    },
  },
  "/api/v1/account/tokens/[tokenId]": {
    module: tokenById,
    attempts: {
      DELETE: async (as) =>
        toJson(await tokenById.DELETE(request(`/api/v1/account/tokens/${ownerTokenId}`, { method: "DELETE", headers: as }), { params: Promise.resolve({ tokenId: ownerTokenId }) })),
    },
  },
  "/api/v1/admin/users/role": {
    module: adminRole,
    attempts: {
      PUT: async (as) =>
        toJson(await adminRole.PUT(request("/api/v1/admin/users/role", { method: "PUT", body: json({ email: owner.email, role: "player" }), headers: jsonHeaders(as) }), undefined)),
    },
  },
  "/api/v1/account/password": {
    module: password,
    attempts: {
      // Only ever the caller's own password (this test user has none to change).
      PUT: async (as) =>
        toJson(
          await password.PUT(
            request("/api/v1/account/password", { method: "PUT", body: json({ current_password: "whatever it was", new_password: "a brand new passphrase" }), headers: jsonHeaders(as) }),
          ),
        ),
    },
  },
  "/api/v1/account/sessions": {
    module: sessions,
    attempts: {
      // Ends the intruder's other sessions, never the owner's. Its own cookie is re-issued: keep it.
      DELETE: async (as) => {
        const response = await sessions.DELETE(request("/api/v1/account/sessions", { method: "DELETE", headers: as }));
        const renewed = response.headers.getSetCookie()[0]?.split(";")[0];
        if (renewed) intruder.headers.cookie = renewed;
        return toJson(response);
      },
    },
  },
  "/api/chat": {
    module: chat,
    attempts: { POST: async (as) => sendJson({ body: { session_id: ownerOnlyId, message: "I read your chat." }, headers: as }) },
  },
  "/api/chat/regenerate": {
    module: chatRegenerate,
    attempts: { POST: async (as) => sendJson({ kind: "regenerate", body: { session_id: ownerOnlyId }, headers: as }) },
  },
  "/api/chat/edit": {
    module: chatEdit,
    attempts: {
      // The owner's message, through the intruder's own party of the same id.
      POST: async (as) => sendJson({ kind: "edit", body: { session_id: sharedId, message_id: ownerMessageId, message: "Rewritten by someone else." }, headers: as }),
    },
  },
  "/api/chat/rewind": {
    module: chatRewind,
    attempts: {
      POST: async (as) =>
        toJson(
          await chatRewind.POST(
            request("/api/chat/rewind", { method: "POST", body: json({ session_id: sharedId, message_id: ownerMessageId }), headers: jsonHeaders(as) }),
          ),
        ),
    },
  },
  "/api/history": {
    module: chatHistory,
    attempts: { GET: async (as) => toJson(await chatHistory.GET(request(`/api/history?session_id=${ownerOnlyId}`, { headers: as }))) },
  },
  ...Object.fromEntries(
    (
      [
        ["/api/v1/stories", ["GET", "POST"]],
        ["/api/v1/stories/[storyId]", ["GET", "DELETE"]],
        ["/api/v1/stories/[storyId]/phase", ["POST"]],
        ["/api/v1/stories/[storyId]/synthesis", ["POST"]],
        ["/api/v1/stories/[storyId]/cards", ["GET"]],
        ["/api/v1/stories/[storyId]/cards/regenerate", ["POST"]],
        ["/api/v1/stories/[storyId]/cards/[cardId]", ["PUT", "DELETE"]],
        ["/api/v1/stories/[storyId]/cards/[cardId]/restore", ["POST"]],
      ] as const
    ).map(([pattern, methods]) => [
      pattern,
      {
        module: ROUTE_MODULES[pattern],
        attempts: Object.fromEntries(
          methods.map((method) => [
            method,
            // The owner's story and card, asked for by the intruder: always the route table's valid call.
            async (as: Credentials) => {
              const call = ROUTES[pattern]!.calls[method]!({ ...PLACEHOLDER_WORLD, ...ownerStory });
              return toJson(await invoke({ pattern, method, headers: as, call }));
            },
          ]),
        ),
      },
    ]),
  ),
  "/api/health": { public: "readiness probe: no user data" },
  "/api/health/live": { public: "liveness probe: constant" },
  "/api/[...path]": { public: "unknown paths: a 404 for everyone" },
  "/api/auth/[...nextauth]": { public: "Auth.js endpoints: sign-in, sign-out, session of the caller's own cookie" },
  "/api/auth/guest": { public: "makes a new guest for a visitor without a session" },
};

/** Expected outcome of each attempt: never a success on the owner's data. */
const expectations: Record<string, Record<string, (response: { status: number; body: Record<string, unknown> }) => void>> = {
  "/api/v1/save": { POST: ({ status }) => expect(status).toBe(200) }, // the intruder's own party; checked below
  "/api/v1/load/[sessionId]": { GET: ({ status }) => expect(status).toBe(404) },
  "/api/v1/saves": { GET: ({ body }) => expect(JSON.stringify(body)).not.toContain(ownerOnlyId) },
  "/api/v1/saves/[sessionId]": { DELETE: ({ status }) => expect(status).toBe(404) },
  "/api/v1/saves/[sessionId]/history": { GET: ({ status }) => expect(status).toBe(404) },
  "/api/v1/saves/[sessionId]/restore": { POST: ({ status }) => expect(status).toBe(404) },
  "/api/v1/account": { GET: ({ body }) => expect(body.id).toBe(intruder.id) },
  "/api/v1/account/signup": { POST: ({ status }) => expect(status).toBe(409) },
  "/api/v1/account/tokens": {
    GET: ({ body }) => expect(JSON.stringify(body)).not.toContain(ownerTokenId),
    POST: ({ status }) => expect(status).toBe(201), // a token of the intruder's own
  },
  "/api/v1/account/tokens/[tokenId]": { DELETE: ({ status }) => expect(status).toBe(404) },
  "/api/v1/admin/users/role": { PUT: ({ status }) => expect(status).toBe(403) },
  "/api/v1/account/password": { PUT: ({ status }) => expect(status).toBe(403) },
  "/api/v1/account/sessions": { DELETE: ({ status }) => expect(status).toBe(200) },
  "/api/chat": { POST: ({ status }) => expect(status).toBe(404) },
  "/api/chat/regenerate": { POST: ({ status }) => expect(status).toBe(404) },
  "/api/chat/edit": { POST: ({ status }) => expect(status).toBe(404) },
  "/api/chat/rewind": { POST: ({ status }) => expect(status).toBe(404) },
  "/api/history": { GET: ({ status }) => expect(status).toBe(404) },
  "/api/v1/stories": {
    GET: ({ body }) => expect(JSON.stringify(body)).not.toContain(ownerStory.storyId),
    POST: ({ status }) => expect(status).toBe(201), // an interview of the intruder's own
  },
  "/api/v1/stories/[storyId]": { GET: ({ status }) => expect(status).toBe(404), DELETE: ({ status }) => expect(status).toBe(404) },
  "/api/v1/stories/[storyId]/phase": { POST: ({ status }) => expect(status).toBe(404) },
  "/api/v1/stories/[storyId]/synthesis": { POST: ({ status }) => expect(status).toBe(404) },
  "/api/v1/stories/[storyId]/cards": { GET: ({ status }) => expect(status).toBe(404) },
  "/api/v1/stories/[storyId]/cards/regenerate": { POST: ({ status }) => expect(status).toBe(404) },
  "/api/v1/stories/[storyId]/cards/[cardId]": { PUT: ({ status }) => expect(status).toBe(404), DELETE: ({ status }) => expect(status).toBe(404) },
  "/api/v1/stories/[storyId]/cards/[cardId]/restore": { POST: ({ status }) => expect(status).toBe(404) },
};

function routesOnDisk(): string[] {
  const apiDir = path.resolve("app/api");
  return readdirSync(apiDir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => `/api/${path.dirname(file)}`.replace(/\/\.$/, "").split(path.sep).join("/"))
    .sort();
}

/** Everything of the owner's that an intruder might touch, as the owner sees it. */
async function ownerView() {
  const asOwner = apiAs(owner.headers);
  return {
    ownerOnly: (await asOwner.load(ownerOnlyId)).body,
    shared: (await asOwner.load(sharedId)).body,
    history: (await asOwner.history(ownerOnlyId)).body,
    tokens: (await toJson(await tokens.GET(request("/api/v1/account/tokens", { headers: owner.headers }), undefined))).body,
    account: (await toJson(await account.GET(request("/api/v1/account", { headers: owner.headers }), undefined))).body,
    chats: await (await getPrisma()).chatMessage.findMany({ where: { chat: { ownerId: owner.id } }, orderBy: [{ chatId: "asc" }, { seq: "asc" }] }),
    stories: await (await getPrisma()).story.findMany({ where: { ownerId: owner.id }, include: { cards: { orderBy: { position: "asc" } } } }),
  };
}

beforeAll(async () => {
  owner = await createTestUser({ role: "designer" });
  intruder = await createTestUser();
  const asOwner = apiAs(owner.headers);
  await asOwner.save({ session_id: ownerOnlyId, state: sampleState({ scene_index: 1 }) });
  await asOwner.save({ session_id: ownerOnlyId, state: sampleState({ scene_index: 2 }) });
  await asOwner.save({ session_id: sharedId, state: sampleState({ party_name: "Owners" }) });
  ownerSnapshotId = ((await asOwner.history(ownerOnlyId)).body.snapshots as { id: string }[])[0]!.id;
  const listed = (await toJson(await tokens.GET(request("/api/v1/account/tokens", { headers: owner.headers }), undefined))).body.tokens as { id: string }[];
  ownerTokenId = listed[0]!.id;
  const restoreProvider = useProvider(createOfflineProvider({ wordDelayMs: 0 }));
  ownerMessageId = (await sendJson({ body: { session_id: ownerOnlyId, message: "Only mine." }, headers: owner.headers })).body.message_id as string;
  await sendJson({ body: { session_id: sharedId, message: "Also mine." }, headers: owner.headers });
  ownerStory = await storyWorld({ headers: owner.headers });
  restoreProvider();
  ownerBefore = await ownerView();
});

describe("ownership: a second player cannot read, change or delete the first player's things", () => {
  test("every route handler under app/api is in the matrix, with every method it exports", async () => {
    expect(routesOnDisk()).toEqual(Object.keys(matrix).sort());
    for (const [route, entry] of Object.entries(matrix)) {
      if ("public" in entry) continue;
      // Every route answers all seven methods; the ones it really serves are listed on each export.
      const served = entry.module.GET.allowedMethods.filter((method) => method !== "HEAD" && method !== "OPTIONS").sort();
      expect(served, route).toEqual(Object.keys(entry.attempts).sort());
    }
  });

  describe.each([
    ["session cookie", () => intruder.headers],
    ["API token", () => bearer(intruder)],
  ])("the intruder signed in by %s", (_via, credentials) => {
    const cases = Object.entries(matrix).flatMap(([route, entry]) =>
      "public" in entry ? [] : Object.entries(entry.attempts).map(([method, attempt]) => [`${method} ${route}`, route, method, attempt] as const),
    );

    test.each(cases)("%s", async (_name, route, method, attempt) => {
      const response = await attempt(credentials());
      expectations[route]![method]!(response);
      expect(await ownerView()).toEqual(ownerBefore);
    });

    test("the intruder's save under the shared session id is its own party", async () => {
      const asIntruder = apiAs(credentials());
      expect((await asIntruder.load(sharedId)).body).toMatchObject({ state: { party_name: "Intruders" } });
      expect((await apiAs(owner.headers).load(sharedId)).body).toMatchObject({ state: { party_name: "Owners" } });
    });
  });

  test("the owner's token still works after the intruder tried to revoke it", async () => {
    expect((await apiAs(bearer(owner)).load(ownerOnlyId)).status).toBe(200);
  });
});
