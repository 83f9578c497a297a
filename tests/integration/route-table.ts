// Every API route and method, with a request that would succeed for the right caller. The
// hostile-input and database-fault suites start from these and break them one way at a time;
// a route on disk that is missing here fails those suites (see `routesOnDisk`).
import { readdirSync } from "node:fs";
import path from "node:path";
import * as catchAll from "@/app/api/[...path]/route";
import * as chatEdit from "@/app/api/chat/edit/route";
import * as chatRegenerate from "@/app/api/chat/regenerate/route";
import * as chatRewind from "@/app/api/chat/rewind/route";
import * as chat from "@/app/api/chat/route";
import * as chatHistory from "@/app/api/history/route";
import * as nextauth from "@/app/api/auth/[...nextauth]/route";
import * as guest from "@/app/api/auth/guest/route";
import * as healthLive from "@/app/api/health/live/route";
import * as health from "@/app/api/health/route";
import * as password from "@/app/api/v1/account/password/route";
import * as account from "@/app/api/v1/account/route";
import * as sessions from "@/app/api/v1/account/sessions/route";
import * as signup from "@/app/api/v1/account/signup/route";
import * as tokenById from "@/app/api/v1/account/tokens/[tokenId]/route";
import * as tokens from "@/app/api/v1/account/tokens/route";
import * as adminRole from "@/app/api/v1/admin/users/role/route";
import * as load from "@/app/api/v1/load/[sessionId]/route";
import * as save from "@/app/api/v1/save/route";
import * as history from "@/app/api/v1/saves/[sessionId]/history/route";
import * as restore from "@/app/api/v1/saves/[sessionId]/restore/route";
import * as partyById from "@/app/api/v1/saves/[sessionId]/route";
import * as parties from "@/app/api/v1/saves/route";
import * as cardById from "@/app/api/v1/stories/[storyId]/cards/[cardId]/route";
import * as cardRestore from "@/app/api/v1/stories/[storyId]/cards/[cardId]/restore/route";
import * as cardsRegenerate from "@/app/api/v1/stories/[storyId]/cards/regenerate/route";
import * as cards from "@/app/api/v1/stories/[storyId]/cards/route";
import * as storyPhase from "@/app/api/v1/stories/[storyId]/phase/route";
import * as storyById from "@/app/api/v1/stories/[storyId]/route";
import * as storySynthesis from "@/app/api/v1/stories/[storyId]/synthesis/route";
import * as stories from "@/app/api/v1/stories/route";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import type { HttpMethod } from "@/lib/api/contract";
import type { RouteHandler } from "@/lib/api/route";
import { BASE, sampleState } from "./api";

/** What a valid call needs: the ids of things the caller owns. */
export type World = { sessionId: string; snapshotId: string; tokenId: string; email: string; messageId: string; storyId: string; cardId: string };

export type ValidCall = {
  /** Dynamic segments, as Next passes them (already decoded). */
  params?: Record<string, string | string[]>;
  query?: Record<string, string>;
  body?: unknown;
};

type RouteEntry = {
  module: Partial<Record<HttpMethod, RouteHandler>>;
  /** Who may call: decides which credentials the suites send. */
  auth: "none" | "user" | "account" | "admin";
  /** Concrete path pattern, `[name]` for each dynamic segment. */
  calls: Partial<Record<HttpMethod, (world: World) => ValidCall>>;
  /** Routes that never touch the database answer the same whether it is up or down. */
  databaseFree?: string;
};

export const ROUTES: Record<string, RouteEntry> = {
  "/api/v1/save": { module: save, auth: "user", calls: { POST: (w) => ({ body: { session_id: w.sessionId, state: sampleState() } }) } },
  "/api/v1/load/[sessionId]": { module: load, auth: "user", calls: { GET: (w) => ({ params: { sessionId: w.sessionId } }) } },
  "/api/v1/saves": { module: parties, auth: "user", calls: { GET: () => ({}) } },
  "/api/v1/saves/[sessionId]": { module: partyById, auth: "user", calls: { DELETE: (w) => ({ params: { sessionId: w.sessionId } }) } },
  "/api/v1/saves/[sessionId]/history": { module: history, auth: "user", calls: { GET: (w) => ({ params: { sessionId: w.sessionId } }) } },
  "/api/v1/saves/[sessionId]/restore": {
    module: restore,
    auth: "user",
    calls: { POST: (w) => ({ params: { sessionId: w.sessionId }, body: { snapshot_id: w.snapshotId } }) },
  },
  "/api/v1/account": { module: account, auth: "user", calls: { GET: () => ({}) } },
  "/api/v1/account/signup": { module: signup, auth: "none", calls: { POST: (w) => ({ body: { email: `new-${w.email}`, password: "a long fresh passphrase" } }) } },
  "/api/v1/account/tokens": { module: tokens, auth: "account", calls: { GET: () => ({}), POST: () => ({ body: { name: "fuzz" } }) } },
  "/api/v1/account/tokens/[tokenId]": { module: tokenById, auth: "account", calls: { DELETE: (w) => ({ params: { tokenId: w.tokenId } }) } },
  "/api/v1/account/password": {
    module: password,
    auth: "account",
    calls: { PUT: () => ({ body: { current_password: "the current passphrase", new_password: "a brand new passphrase" } }) },
  },
  "/api/v1/account/sessions": { module: sessions, auth: "account", calls: { DELETE: () => ({}) } },
  "/api/v1/admin/users/role": { module: adminRole, auth: "admin", calls: { PUT: (w) => ({ body: { email: w.email, role: "designer" } }) } },
  "/api/chat": { module: chat, auth: "user", calls: { POST: (w) => ({ body: { session_id: w.sessionId, message: "I look around.", mode: "game" } }) } },
  "/api/chat/regenerate": { module: chatRegenerate, auth: "user", calls: { POST: (w) => ({ body: { session_id: w.sessionId, mode: "game" } }) } },
  "/api/chat/edit": { module: chatEdit, auth: "user", calls: { POST: (w) => ({ body: { session_id: w.sessionId, message_id: w.messageId, message: "I look closer." } }) } },
  "/api/chat/rewind": { module: chatRewind, auth: "user", calls: { POST: (w) => ({ body: { session_id: w.sessionId, message_id: w.messageId } }) } },
  "/api/history": { module: chatHistory, auth: "user", calls: { GET: (w) => ({ query: { session_id: w.sessionId, limit: "10" } }) } },
  "/api/v1/stories": { module: stories, auth: "user", calls: { GET: () => ({}), POST: () => ({ body: { age_range: "31_45", themes: ["family"] } }) } },
  "/api/v1/stories/[storyId]": { module: storyById, auth: "user", calls: { GET: (w) => ({ params: { storyId: w.storyId } }), DELETE: (w) => ({ params: { storyId: w.storyId } }) } },
  "/api/v1/stories/[storyId]/phase": { module: storyPhase, auth: "user", calls: { POST: (w) => ({ params: { storyId: w.storyId }, body: { action: "next" } }) } },
  "/api/v1/stories/[storyId]/synthesis": { module: storySynthesis, auth: "user", calls: { POST: (w) => ({ params: { storyId: w.storyId } }) } },
  "/api/v1/stories/[storyId]/cards": { module: cards, auth: "user", calls: { GET: (w) => ({ params: { storyId: w.storyId } }) } },
  "/api/v1/stories/[storyId]/cards/regenerate": { module: cardsRegenerate, auth: "user", calls: { POST: (w) => ({ params: { storyId: w.storyId } }) } },
  "/api/v1/stories/[storyId]/cards/[cardId]": {
    module: cardById,
    auth: "user",
    calls: {
      PUT: (w) => ({ params: { storyId: w.storyId, cardId: w.cardId }, body: { title: "A Quiet Sunday", locked: true } }),
      DELETE: (w) => ({ params: { storyId: w.storyId, cardId: w.cardId } }),
    },
  },
  "/api/v1/stories/[storyId]/cards/[cardId]/restore": { module: cardRestore, auth: "user", calls: { POST: (w) => ({ params: { storyId: w.storyId, cardId: w.cardId } }) } },
  "/api/health": { module: health, auth: "none", calls: { GET: () => ({}) } },
  "/api/health/live": { module: healthLive, auth: "none", calls: { GET: () => ({}) }, databaseFree: "constant liveness answer" },
  "/api/[...path]": { module: catchAll, auth: "none", calls: { GET: () => ({ params: { path: ["no", "such", "route"] } }) }, databaseFree: "a 404 for every path" },
  "/api/auth/[...nextauth]": {
    module: nextauth,
    auth: "none",
    calls: { GET: () => ({ params: { nextauth: ["csrf"] } }), POST: () => ({ params: { nextauth: ["signout"] }, body: "csrfToken=x" }) },
    databaseFree: "Auth.js reads the JWT cookie; its database work happens on sign-in, where Auth.js answers with its own redirects",
  },
  "/api/auth/guest": { module: guest, auth: "none", calls: { GET: () => ({ query: { callbackUrl: "/" } }) } },
};

/** Every route file under app/api, as its route pattern. */
export function routesOnDisk(): string[] {
  const apiDir = path.resolve("app/api");
  return readdirSync(apiDir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => `/api/${path.dirname(file)}`.replace(/\/\.$/, "").split(path.sep).join("/"))
    .sort();
}

/** The concrete URL path of a route pattern with its params filled in (encoded as a client would). */
export function concretePath(pattern: string, params: Record<string, string | string[]> = {}): string {
  // A lone surrogate cannot be percent-encoded at all; the handler gets the raw value through `params` anyway.
  const encode = (value: string) => (value.isWellFormed() ? encodeURIComponent(value) : "unencodable");
  return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_match, name: string) => {
    const value = params[name] ?? "x";
    return Array.isArray(value) ? value.map(encode).join("/") : encode(value);
  });
}

/** Calls one route handler as Next would: a Request in (body raw or JSON), a Response out. */
export async function invoke({
  pattern,
  method,
  headers = {},
  call = {},
  rawBody,
}: {
  pattern: string;
  method: HttpMethod;
  headers?: Record<string, string>;
  call?: ValidCall;
  /** Sent as is instead of `call.body`. */
  rawBody?: BodyInit | null;
}): Promise<Response> {
  const handler = ROUTES[pattern]!.module[method]!;
  const url = new URL(`${BASE}${concretePath(pattern, call.params)}`);
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
  const body = rawBody !== undefined ? rawBody : call.body === undefined ? null : typeof call.body === "string" ? call.body : JSON.stringify(call.body);
  const contentType = typeof call.body === "string" && rawBody === undefined ? "application/x-www-form-urlencoded" : "application/json";
  const request = new Request(url, {
    method,
    body: method === "GET" || method === "HEAD" ? null : body,
    headers: { ...(body === null ? {} : { "content-type": contentType }), ...headers },
    duplex: "half",
  } as RequestInit);
  try {
    return await handler(request, { params: Promise.resolve(call.params ?? {}) });
  } catch (error) {
    // redirect() is control flow that Next's route module turns into a 307; do the same here.
    if (isRedirectError(error)) return new Response(null, { status: 307, headers: { location: error.digest.split(";")[2] ?? "/" } });
    throw error;
  }
}

/** A told and synthesized interview of `headers`' user: the story and card ids of a World. */
export async function storyWorld({ headers }: { headers: Record<string, string> }): Promise<{ storyId: string; cardId: string }> {
  const created = await invoke({ pattern: "/api/v1/stories", method: "POST", headers, call: { body: { age_range: "31_45", themes: ["family"] } } });
  const storyId = ((await created.json()) as { id: string }).id;
  const made = await invoke({ pattern: "/api/v1/stories/[storyId]/synthesis", method: "POST", headers, call: { params: { storyId } } });
  const { cards } = (await made.json()) as { cards: { id: string }[] };
  return { storyId, cardId: cards[0]!.id };
}
