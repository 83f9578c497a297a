// Security as the browser sees it: the response headers (a per-request CSP nonce on pages), no
// CSP violation anywhere in a game or on the designer page, and no secret in the client bundles.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIResponse, type ConsoleMessage, type Page, type Response } from "@playwright/test";
import { signInAsAdmin } from "./support/accounts";
import { ensureSession } from "./support/api";
import { makeMove, startNewGame, uniquePartyName } from "./support/game";
import { SAFE_STEPS } from "./support/paths";

/** Headers on every response (next.config.ts). */
const STATIC_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
};

function expectStaticHeaders(response: Response | APIResponse, what: string) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(STATIC_HEADERS)) {
    expect(headers[name], `${name} on ${what}`).toMatch(typeof value === "string" ? new RegExp(`^${value}$`) : value);
  }
}

/** The page's CSP nonce, after checking the policy around it. */
function pageNonce(response: Response): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").map((directive) => directive.trim()).find((directive) => directive.startsWith("script-src "));
  const nonce = scriptSrc?.match(/^script-src 'self' 'nonce-([A-Za-z0-9+/=]{16,})' 'strict-dynamic'$/)?.[1];
  expect(nonce, `script-src with a nonce and strict-dynamic in: ${policy}`).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("default-src 'self'");
  expect(policy).not.toContain("unsafe-eval");
  return nonce!;
}

/** Every <script> of the server's HTML carries the nonce (the browser hides the attribute, not the property). */
async function expectScriptsCarry(page: Page, response: Response, nonce: string) {
  const html = await response.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, "the page has scripts").toBeGreaterThan(0);
  for (const tag of tags) expect(tag, "every server-rendered script has the nonce").toContain(`nonce="${nonce}"`);
  const inDom = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(inDom.filter((value) => value === nonce).length).toBeGreaterThanOrEqual(tags.length);
}

test("pages get a fresh CSP nonce on every load; API responses a no-content policy", async ({ page, request }) => {
  await ensureSession(page); // the first visit is redirected through the guest sign-in

  const first = await page.goto("/");
  expect(first?.status()).toBe(200);
  expectStaticHeaders(first!, "a page");
  const firstNonce = pageNonce(first!);
  await expectScriptsCarry(page, first!, firstNonce);

  const second = await page.reload();
  const secondNonce = pageNonce(second!);
  await expectScriptsCarry(page, second!, secondNonce);
  expect(secondNonce, "a new nonce per request").not.toBe(firstNonce);

  for (const apiPath of ["/api/health", "/api/v1/load/no-such-session", "/api/v1/account"]) {
    const response = await page.request.get(apiPath);
    expect(response.headers()["content-security-policy"], apiPath).toBe("default-src 'none'; frame-ancestors 'none'");
    expectStaticHeaders(response, apiPath);
  }
  const anonymous = await request.get("/api/v1/load/no-such-session"); // no cookie: a 401, same headers
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expectStaticHeaders(anonymous, "a 401");
});

test("no CSP violations in a game, on the designer page and the account pages", async ({ page, context }, testInfo) => {
  // Reported from inside every page (init scripts are not subject to the page's CSP), and from
  // Chromium's console, which logs each refusal.
  const violations: string[] = [];
  await context.exposeBinding("__reportCspViolation", ({ page: source }, report: string) => {
    violations.push(`${source.url()}: ${report}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (report: string) => void }).__reportCspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const consoleRefusals: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleRefusals.push(message.text());
  });

  // A new game and three choices.
  const sessionId = await startNewGame(page, { partyName: uniquePartyName(testInfo, "Strict") });
  for (const step of SAFE_STEPS.slice(0, 3)) await makeMove(page, step, "click");
  await page.getByTestId("open-history").click();
  await expect(page.getByTestId("history-dialog")).toBeVisible();
  await page.keyboard.press("Escape");

  // The designer, as an admin, and the pages an account sees.
  await signInAsAdmin(page, testInfo);
  await page.goto("/designer");
  await expect(page.getByTestId(/^scene-card-\d+$/)).toHaveCount(11);
  await page.getByTestId("scene-card-11").scrollIntoViewIfNeeded();
  await page.goto("/settings");
  await expect(page.getByTestId("api-tokens")).toBeVisible();
  await expect(page.getByTestId("api-tokens").getByText("No tokens yet.").or(page.getByTestId("token-list"))).toBeVisible();
  await page.goto(`/play/${sessionId}`);
  await expect(page.getByTestId("scene-number")).toHaveText("Scene 4 of 11");
  await page.goto("/signin");
  await expect(page.getByTestId("signin-form")).toBeVisible();

  expect(violations, "securitypolicyviolation events").toEqual([]);
  expect(consoleRefusals, "CSP refusals in the console").toEqual([]);

  // The listener works: evaluating a string, as the page's own code (DevTools' evaluation is exempt
  // from the page's CSP, hence the task), is refused and reported.
  await page.evaluate(() => {
    setTimeout(() => {
      try {
        new Function("window.__evalRan = true")();
      } catch {
        // refused: reported as a violation
      }
    }, 0);
  });
  await expect.poll(() => violations.length, { message: "the planted eval is reported" }).toBe(1);
  expect(violations[0]).toContain("script-src blocked eval");
  expect(await page.evaluate(() => (window as unknown as { __evalRan?: boolean }).__evalRan)).toBeUndefined();
});

/** Env variables whose values must never reach the browser. */
const SECRET_VARIABLES = [
  "AUTH_SECRET",
  "AUTH_GITHUB_SECRET",
  "AUTH_GOOGLE_SECRET",
  "GEMINI_API_KEY",
  "UPSTASH_REDIS_REST_TOKEN",
  "DATABASE_URL",
  "REDIS_URL",
] as const;

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

test("no secret from the environment is in the client bundles", async ({}, testInfo) => {
  const staticDir = path.join(path.dirname(testInfo.config.configFile!), ".next", "static");
  const files = await filesUnder(staticDir);
  expect(files.some((file) => file.endsWith(".js")), `client scripts in ${staticDir}`).toBe(true);

  // Checked in their raw form and as they would appear URL- or JSON-encoded.
  const secrets = SECRET_VARIABLES.flatMap((name) => {
    const value = process.env[name];
    return value && value.length >= 8 ? [{ name, forms: [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])] }] : [];
  });
  const checked = secrets.map(({ name }) => name);
  testInfo.annotations.push({ type: "secrets checked", description: checked.join(", ") });
  if (process.env.E2E_AUTH_SECRET_GENERATED) {
    // The config made AUTH_SECRET up: the build cannot have seen it. Export one to the build and the run.
    testInfo.annotations.push({ type: "warning", description: "AUTH_SECRET was generated by playwright.config.ts, so the build never saw it" });
  }
  expect(checked, "at least AUTH_SECRET is checked").toContain("AUTH_SECRET");

  const found: string[] = [];
  for (const file of files) {
    const content = await readFile(file, "latin1");
    for (const { name, forms } of secrets) {
      if (forms.some((form) => content.includes(form))) found.push(`${name} in ${path.relative(staticDir, file)}`);
    }
  }
  expect(found, `secrets in ${files.length} files under .next/static`).toEqual([]);
});
