// Hostile requests over real HTTP against `next start`, for what only the real server can show:
// methods Next cannot route (TRACE…), undecodable percent-encoding in any path, hostile callback
// URLs, every method on every API route, and the guest-creation limit. Never a 5xx; API errors in
// the JSON shape; a broken page URL shows the styled 404.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, request as playwright, test, type APIResponse } from "@playwright/test";
import { ensureSession } from "./support/api";
import { MAIN_BASE_URL, RATE_LIMIT_BASE_URL, TINY_LIMITS } from "./support/servers";

/** Every API route on disk, as a concrete path (each dynamic segment filled with a plausible value). */
function apiPaths(): string[] {
  return readdirSync(path.resolve("app/api"), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => `/api/${path.dirname(file).split(path.sep).join("/")}`.replace(/\/\.$/, ""))
    .map((route) => route.replace(/\[\.\.\.\w+\]/g, "session").replace(/\[tokenId\]/g, "00000000-0000-4000-8000-000000000000").replace(/\[\w+\]/g, "shard-e2e-hostile"));
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "TRACK", "PROPFIND", "BREW"];
const BAD_ENCODINGS = ["%ZZ", "%ED%A0%80", "%", "%C0%AF", "%E2%82"];

async function expectApiAnswer(response: APIResponse, what: string) {
  expect(response.status(), what).toBeLessThan(500);
  if (response.status() < 400 || what.startsWith("HEAD ")) return;
  // Auth.js answers its own endpoints its own way (e.g. a 400 with `null`), except for the methods it lacks.
  if (what.includes(" /api/auth/session ") && response.status() !== 405) return;
  expect(response.headers()["content-type"], what).toMatch(/^application\/json/);
  expect(await response.json(), what).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
}

test("every method on every API route, signed in and not: no 5xx, errors in the JSON shape, 405s with Allow", async ({ page, request }) => {
  test.setTimeout(120_000);
  const origin = await ensureSession(page);
  for (const apiPath of apiPaths()) {
    for (const method of METHODS) {
      for (const [who, client] of [["anonymous", request], ["signed in", page.request]] as const) {
        const what = `${method} ${apiPath} (${who})`;
        const response = await client.fetch(`${MAIN_BASE_URL}${apiPath}`, { method, headers: { origin, "content-type": "application/json" }, data: method === "GET" || method === "HEAD" ? undefined : "{}", maxRedirects: 0 });
        await expectApiAnswer(response, what);
        if (response.status() === 405) expect(response.headers().allow, what).toBeTruthy();
        if (apiPath.startsWith("/api/v1/") && who === "signed in") expect(response.headers()["cache-control"], what).toBe("no-store");
      }
    }
  }
});

test("undecodable percent-encoding: a JSON 400 on the API, the styled 404 on pages", async ({ page }) => {
  await ensureSession(page);
  for (const bad of BAD_ENCODINGS) {
    for (const apiPath of apiPaths().filter((candidate) => candidate.includes("shard-e2e-hostile") || candidate.includes("/session"))) {
      const target = apiPath.replace("shard-e2e-hostile", `x${bad}`).replace("/session", `/${bad}`);
      const response = await page.request.get(`${MAIN_BASE_URL}${target}`, { maxRedirects: 0 });
      expect(response.status(), target).toBe(400);
      expect(await response.json(), target).toMatchObject({ error: { code: "bad_request:url" } });
    }
    const pageResponse = await page.goto(`/play/x${bad}`);
    expect(pageResponse?.status(), `/play/x${bad}`).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lost in the mist");
  }
});

test("hostile callback URLs on the guest sign-in never break it and never leave the site", async ({ request }) => {
  for (const callbackUrl of ["%ZZ", "/%ZZ", "//evil.example", "https://evil.example", "/\t/evil.example", "javascript:alert(1)", "/play/%ED%A0%80", "\u0000"]) {
    const response = await request.get(`${MAIN_BASE_URL}/api/auth/guest?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0, headers: { "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });
    expect(response.status(), callbackUrl).toBeLessThan(500);
    const location = response.headers().location ?? "";
    expect(location.startsWith("/") || location.startsWith(MAIN_BASE_URL), `${callbackUrl} → ${location}`).toBe(true);
  }
});

test("one network makes only so many guests an hour; then a 429 in the JSON shape", async () => {
  const ip = `10.88.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  // A fresh client each time: no cookie, so every visit would make a new guest.
  for (let visit = 1; visit <= TINY_LIMITS.guestsPerHour + 1; visit++) {
    const client = await playwright.newContext({ baseURL: RATE_LIMIT_BASE_URL, extraHTTPHeaders: { "x-forwarded-for": ip } });
    const response = await client.get("/api/auth/guest?callbackUrl=/", { maxRedirects: 0 });
    if (visit <= TINY_LIMITS.guestsPerHour) {
      expect(response.status(), `visit ${visit}`).toBeGreaterThanOrEqual(300);
      expect(response.status(), `visit ${visit}`).toBeLessThan(400);
      expect(response.headers()["set-cookie"], `visit ${visit} signs a guest in`).toMatch(/authjs\.session-token=/);
    } else {
      expect(response.status()).toBe(429);
      expect(await response.json()).toMatchObject({ error: { code: "rate_limit:guest" } });
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    }
    await client.dispose();
  }
});
