// Calls the route handlers as Next.js would: a web Request in, a Response out.
import * as load from "@/app/api/v1/load/[sessionId]/route";
import * as save from "@/app/api/v1/save/route";
import * as history from "@/app/api/v1/saves/[sessionId]/history/route";
import * as restore from "@/app/api/v1/saves/[sessionId]/restore/route";
import type { GameState } from "@/lib/game/types";

const BASE = "http://taleshard.test";

export type JsonResponse<T = Record<string, unknown>> = { status: number; body: T; headers: Headers };

async function toJson<T = Record<string, unknown>>(response: Response): Promise<JsonResponse<T>> {
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

const sessionContext = (sessionId: string) => ({ params: Promise.resolve({ sessionId }) });

export function postRaw(path: string, body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }): Request {
  // duplex: streamed bodies (no Content-Length) need it in undici.
  return new Request(`${BASE}${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

export const api = {
  saveRaw: async (body: BodyInit | null, headers?: Record<string, string>) => toJson(await save.POST(postRaw("/api/v1/save", body, headers), undefined)),
  save: async (body: unknown) => toJson(await save.POST(postRaw("/api/v1/save", JSON.stringify(body)), undefined)),
  load: async (sessionId: string) => toJson(await load.GET(new Request(`${BASE}/api/v1/load/${sessionId}`), sessionContext(sessionId))),
  history: async (sessionId: string) => toJson(await history.GET(new Request(`${BASE}/api/v1/saves/${sessionId}/history`), sessionContext(sessionId))),
  restore: async (sessionId: string, body: unknown) =>
    toJson(await restore.POST(postRaw(`/api/v1/saves/${sessionId}/restore`, JSON.stringify(body)), sessionContext(sessionId))),
};

let counter = 0;
/** Unique per test run and call, so suites sharing one database never collide. */
export function uniqueSessionId(label = "t"): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

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
