// Direct calls to the save API as the browser's user: reading what the server stored, and seeding
// games for tests that only need a page in a given state (the accessibility scans).
//
// Every call goes through `page.request`, which shares the page's cookies: the API needs the
// session cookie a first page visit gets (the proxy signs every visitor in as a guest), and sees
// the same user as the page. Cookie-authenticated writes must also name the site in `Origin`
// (the CSRF check); browsers send it, Playwright's request context does not.
import { expect, type APIRequestContext, type APIResponse, type Page, type TestInfo } from "@playwright/test";
import type { SavedGame } from "@/hooks/api-client";
import type { GameState } from "@/lib/game/types";

export const SESSION_COOKIE = "authjs.session-token";

/** A session id no other test (or run) uses: letters, digits and "-" only. */
export function uniqueSessionId(testInfo: TestInfo, prefix = "e2e"): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${testInfo.project.name}-${testInfo.workerIndex}-${Date.now().toString(36)}-${random}`;
}

async function hasSessionCookie(page: Page): Promise<boolean> {
  const cookies = await page.context().cookies();
  return cookies.some((cookie) => cookie.name.startsWith(SESSION_COOKIE));
}

/**
 * Makes sure the page's context has a session (visiting "/" first if it has none, which signs in
 * a guest) and returns the site's origin, for API calls and their `Origin` header.
 */
export async function ensureSession(page: Page): Promise<string> {
  if (!page.url().startsWith("http") || !(await hasSessionCookie(page))) {
    await page.goto("/");
    expect(await hasSessionCookie(page), "a page visit signs the browser in (as a guest)").toBe(true);
  }
  return new URL(page.url()).origin;
}

/** A cookie-authenticated write as the page's user, with the same-site Origin a browser would send. */
export async function sendAsPage(
  page: Page,
  method: "POST" | "PUT" | "DELETE",
  path: string,
  data?: unknown,
): Promise<APIResponse> {
  const origin = await ensureSession(page);
  return page.request.fetch(`${origin}${path}`, { method, data, headers: { origin } });
}

/** GET /api/v1/load/{id} as the page's user (whatever the status). */
export async function loadResponse(page: Page, sessionId: string): Promise<APIResponse> {
  const origin = await ensureSession(page);
  return page.request.get(`${origin}/api/v1/load/${sessionId}`);
}

/** GET /api/v1/load/{id} as the page's user: the stored state and version. */
export async function loadSave(page: Page, sessionId: string): Promise<SavedGame> {
  const response = await loadResponse(page, sessionId);
  expect(response.status(), `load ${sessionId}: ${await response.text()}`).toBe(200);
  return (await response.json()) as SavedGame;
}

/** GET /api/v1/load/{id} with an API token and no cookies (`request` is the test's cookie-less fixture). */
export async function loadWithToken(request: APIRequestContext, sessionId: string, token: string): Promise<APIResponse> {
  return request.get(`/api/v1/load/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
}

/** Saves `states` one after another under a fresh session id (v1, v2, …) as the page's user; returns the id. */
export async function seedSave(page: Page, testInfo: TestInfo, ...states: GameState[]): Promise<string> {
  const sessionId = uniqueSessionId(testInfo);
  for (const [index, state] of states.entries()) {
    const response = await sendAsPage(page, "POST", "/api/v1/save", { session_id: sessionId, state, expected_version: index });
    expect(response.status(), `seed save v${index + 1}: ${await response.text()}`).toBe(200);
  }
  return sessionId;
}
