// The two servers the suite runs against, shared by playwright.config.ts and the specs.
// Kept free of @playwright/test so the config can import it.

/** The main server: every spec except the rate-limit one. Generous limits for the suite's volume. */
export const MAIN_PORT = Number(process.env.E2E_PORT ?? 3100);
export const MAIN_BASE_URL = `http://127.0.0.1:${MAIN_PORT}`;

/**
 * A second server with tiny rate limits, counted in memory (REDIS_URL=""), used only by
 * rate-limit.spec.ts and hostile-http.spec.ts. Its limits: 4 saves a minute per user and per IP,
 * 3 sign-in/sign-up attempts a minute per IP, 3 new guests an hour per IP.
 */
export const RATE_LIMIT_PORT = Number(process.env.E2E_RATE_LIMIT_PORT ?? MAIN_PORT + 1);
export const RATE_LIMIT_BASE_URL = `http://127.0.0.1:${RATE_LIMIT_PORT}`;
export const TINY_LIMITS = { savePerMinute: 4, authPerMinute: 3, guestsPerHour: 3 } as const;

/** The Playwright projects; each has its own admin account (ADMIN_EMAILS on the main server). */
export const PROJECT_NAMES = ["desktop", "mobile"] as const;

export const adminEmailFor = (projectName: string) => `admin-${projectName}@e2e.test`;
