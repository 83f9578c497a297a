// Calls the route handlers as Next.js would: a web Request in, a Response out, signed in as a
// test user through a real Auth.js session cookie or API token.
import { encode } from "next-auth/jwt";
import * as load from "@/app/api/v1/load/[sessionId]/route";
import * as save from "@/app/api/v1/save/route";
import * as history from "@/app/api/v1/saves/[sessionId]/history/route";
import * as restore from "@/app/api/v1/saves/[sessionId]/restore/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Role } from "@/lib/auth/roles";
import { authSecret } from "@/lib/auth/secret";
import { getPrisma } from "@/lib/db/client";
import type { GameState } from "@/lib/game/types";

export const BASE = "http://taleshard.test";
const SESSION_COOKIE = "authjs.session-token";

export type JsonResponse<T = Record<string, unknown>> = { status: number; body: T; headers: Headers };

export async function toJson<T = Record<string, unknown>>(response: Response): Promise<JsonResponse<T>> {
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

export type TestUser = { id: string; email: string | null; cookie: string; token: string; ip: string; headers: Record<string, string> };

let counter = 0;
/** Unique per test run and call, so suites sharing one database never collide. */
export function uniqueSessionId(label = "t"): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export async function sessionCookie({ userId, role, isGuest, generation = 0 }: { userId: string; role: Role; isGuest: boolean; generation?: number }): Promise<string> {
  const value = await encode({ token: { sub: userId, role, isGuest, gen: generation }, secret: authSecret(), salt: SESSION_COOKIE });
  return `${SESSION_COOKIE}=${value}`;
}

/** A user with a session cookie (sent with a same-site Origin) and an API token. */
export async function createTestUser({ role = "player", isGuest = false }: { role?: Role; isGuest?: boolean } = {}): Promise<TestUser> {
  const prisma = await getPrisma();
  const email = isGuest ? null : `${uniqueSessionId("user")}@example.test`.toLowerCase();
  const user = await prisma.user.create({ data: { email, role, isGuest, name: isGuest ? "Guest" : "Tester" } });
  const cookie = await sessionCookie({ userId: user.id, role, isGuest });
  const { token } = await createApiToken({ userId: user.id, name: "tests" });
  // Its own client IP too: per-IP rate limits are shared by every suite when Redis counts them.
  const ip = `10.${(process.pid >> 8) & 255}.${process.pid & 255}.${++counter % 250}`;
  return { id: user.id, email, cookie, token, ip, headers: { cookie, origin: BASE, "x-forwarded-for": ip } };
}

export const sessionContext = (sessionId: string) => ({ params: Promise.resolve({ sessionId }) });

export function request(path: string, { method = "GET", body = null, headers = {} }: { method?: string; body?: BodyInit | null; headers?: Record<string, string> } = {}): Request {
  // duplex: streamed bodies (no Content-Length) need it in undici.
  return new Request(`${BASE}${path}`, { method, body, headers, duplex: "half" } as RequestInit);
}

const JSON_HEADERS = { "content-type": "application/json" };

/** The save/load API as one user sees it. */
export function apiAs(auth: Record<string, string>) {
  const post = (path: string, body: BodyInit | null, headers: Record<string, string> = JSON_HEADERS) => request(path, { method: "POST", body, headers: { ...auth, ...headers } });
  return {
    saveRaw: async (body: BodyInit | null, headers?: Record<string, string>) => toJson(await save.POST(post("/api/v1/save", body, headers), undefined)),
    // Declares its length, as browsers and HTTP clients do (saveRaw can leave it out).
    save: async (body: unknown) => {
      const json = JSON.stringify(body);
      return toJson(await save.POST(post("/api/v1/save", json, { ...JSON_HEADERS, "content-length": String(Buffer.byteLength(json)) }), undefined));
    },
    load: async (sessionId: string) => toJson(await load.GET(request(`/api/v1/load/${sessionId}`, { headers: auth }), sessionContext(sessionId))),
    history: async (sessionId: string) => toJson(await history.GET(request(`/api/v1/saves/${sessionId}/history`, { headers: auth }), sessionContext(sessionId))),
    restore: async (sessionId: string, body: unknown) =>
      toJson(await restore.POST(post(`/api/v1/saves/${sessionId}/restore`, JSON.stringify(body)), sessionContext(sessionId))),
  };
}

export const bearer = (user: TestUser) => ({ authorization: `Bearer ${user.token}`, "x-forwarded-for": user.ip });

/** The default signed-in player most suites act as. */
export const defaultUser = await createTestUser();
export const api = apiAs(defaultUser.headers);

export function sampleState(overrides: Partial<GameState> = {}): GameState {
  return {
    scene_index: 3,
    party_name: "The Ashen Four",
    heroes: [
      { name: "Bram", class: "Fighter", hp: 30 },
      { name: "Ilsa", class: "Wizard", hp: 12 },
      { name: "Nim", class: "Rogue", hp: 22 },
      { name: "Tova", class: "Cleric", hp: 24 },
    ],
    symbol_choice: null,
    choices: { scene1: "take-map", scene2: "pick-lock" },
    ...overrides,
  };
}
