import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { adminEmailFor, MAIN_BASE_URL, MAIN_PORT, PROJECT_NAMES, RATE_LIMIT_PORT, TINY_LIMITS } from "./e2e/support/servers";

// The servers sign session cookies with AUTH_SECRET (required in production). Set here, before
// anything starts, so the servers and the test workers (which inherit this process's environment
// and keep the value) share one. Export the same AUTH_SECRET to `npm run build` and to this run:
// security.spec.ts scans the client bundles for it, which proves something only if the build saw it.
if (!process.env.AUTH_SECRET) {
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  process.env.E2E_AUTH_SECRET_GENERATED = "1";
}

// E2E runs against the production server (`npm run build` first). It uses DATABASE_URL when
// set (CI; both servers share it), otherwise a fresh embedded database per server in a temp directory.
const runTag = Date.now().toString(36);
const pgliteEnv = (name: string): Record<string, string> => (process.env.DATABASE_URL ? {} : { PGLITE_DATA_DIR: path.join(tmpdir(), `taleshard-e2e-${name}-${runTag}`) });

// Debian's Chromium; no browser download. The flags keep it off this machine's closed network.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
};

const server = (port: number, env: Record<string, string>) => ({
  command: `npx next start -p ${port} -H 127.0.0.1`,
  url: `http://127.0.0.1:${port}/api/health`,
  timeout: 120_000,
  reuseExistingServer: !process.env.CI,
  env: { NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: process.env.AUTH_SECRET!, ...env },
});

export default defineConfig({
  testDir: "e2e",
  // Whole adventures are played per test; on a busy 2-core CI box one takes well over a minute.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  use: { baseURL: MAIN_BASE_URL, trace: "retain-on-failure", screenshot: "only-on-failure", launchOptions },
  projects: [
    { name: PROJECT_NAMES[0], use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions } },
    { name: PROJECT_NAMES[1], use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, launchOptions } },
  ],
  webServer: [
    // The main server: limits well above what the suite sends from its one IP (127.0.0.1), and
    // one admin email per project (designer specs sign up, or in, as it).
    server(MAIN_PORT, {
      RATE_LIMIT_SAVE_PER_MINUTE: "2000",
      RATE_LIMIT_AUTH_PER_MINUTE: "500",
      // Every browser context of the suite is a new guest from 127.0.0.1, and Redis keeps counting
      // across runs (an hour for guests, a day for the guests' chat cap).
      RATE_LIMIT_GUEST_PER_HOUR: "100000",
      RATE_LIMIT_CHAT_PER_MINUTE: "2000",
      RATE_LIMIT_CHAT_GUEST_PER_DAY: "100000",
      RATE_LIMIT_CHAT_PLAYER_PER_DAY: "100000",
      ADMIN_EMAILS: PROJECT_NAMES.map(adminEmailFor).join(","),
      ...pgliteEnv("main"),
    }),
    // Only for rate-limit.spec.ts: tiny limits, counted in this process's memory so nothing the
    // main server (or an earlier run sharing REDIS_URL) counted can leak in.
    server(RATE_LIMIT_PORT, {
      RATE_LIMIT_SAVE_PER_MINUTE: String(TINY_LIMITS.savePerMinute),
      RATE_LIMIT_AUTH_PER_MINUTE: String(TINY_LIMITS.authPerMinute),
      RATE_LIMIT_GUEST_PER_HOUR: String(TINY_LIMITS.guestsPerHour),
      REDIS_URL: "",
      ...pgliteEnv("rate-limit"),
    }),
  ],
});
