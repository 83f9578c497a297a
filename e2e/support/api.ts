// Direct calls to the save API: reading what the server stored, and seeding games for tests that
// only need a page in a given state (the accessibility scans).
import { expect, type APIRequestContext, type TestInfo } from "@playwright/test";
import type { SavedGame } from "@/hooks/api-client";
import type { GameState } from "@/lib/game/types";

/** A session id no other test (or run) uses: letters, digits and "-" only. */
export function uniqueSessionId(testInfo: TestInfo, prefix = "e2e"): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${testInfo.project.name}-${testInfo.workerIndex}-${Date.now().toString(36)}-${random}`;
}

/** GET /api/v1/load/{id}: the stored state and version. */
export async function loadSave(request: APIRequestContext, sessionId: string): Promise<SavedGame> {
  const response = await request.get(`/api/v1/load/${sessionId}`);
  expect(response.status(), `load ${sessionId}`).toBe(200);
  return (await response.json()) as SavedGame;
}

/** Saves `states` one after another under a fresh session id (v1, v2, …) and returns the id. */
export async function seedSave(request: APIRequestContext, testInfo: TestInfo, ...states: GameState[]): Promise<string> {
  const sessionId = uniqueSessionId(testInfo);
  for (const [index, state] of states.entries()) {
    const response = await request.post("/api/v1/save", {
      data: { session_id: sessionId, state, expected_version: index },
    });
    expect(response.status(), `seed save v${index + 1}: ${await response.text()}`).toBe(200);
  }
  return sessionId;
}
