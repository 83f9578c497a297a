import { z } from "zod";

// Requests allowed per window by one rate-limit policy; see lib/rate-limit/policies.ts.
const requestLimit = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
// A bound on waiting for an AI model, in milliseconds.
const timeoutMs = (fallback: number) => z.coerce.number().int().min(50).max(600_000).default(fallback);

// Parsed once, at first import. Every variable is documented in .env.example.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Postgres connection string. Unset: the embedded PGlite database in PGLITE_DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** How long to wait for a database connection before answering 503. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** How long one SQL statement may run (server-side statement_timeout, and the client's own wait). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(8000),
  /** Directory of the embedded database; `memory://` keeps it in memory (tests). */
  PGLITE_DATA_DIR: z.string().min(1).default("./data/pglite"),
  /** Upstash Redis REST endpoint (Vercel); with its token set, rate limits are counted there. */
  UPSTASH_REDIS_REST_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Token of UPSTASH_REDIS_REST_URL. */
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  /** Redis server for rate limits (droplet), used when Upstash is not configured. Neither: in memory. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Saves per minute, per user and per IP. */
  RATE_LIMIT_SAVE_PER_MINUTE: requestLimit(120),
  /** Chat messages per minute, per user and per IP. */
  RATE_LIMIT_CHAT_PER_MINUTE: requestLimit(20),
  /** Chat messages per day of a guest, per user and per IP. */
  RATE_LIMIT_CHAT_GUEST_PER_DAY: requestLimit(50),
  /** Chat messages per day of a signed-in player, per user and per IP. */
  RATE_LIMIT_CHAT_PLAYER_PER_DAY: requestLimit(300),
  /** Image generations per minute, per user and per IP. */
  RATE_LIMIT_IMAGE_PER_MINUTE: requestLimit(10),
  /** Scene-art generations (cache misses only) per minute, per user and per IP. */
  RATE_LIMIT_SCENE_ART_PER_MINUTE: requestLimit(5),
  /** Sign-in and sign-up attempts per minute, per IP. */
  RATE_LIMIT_AUTH_PER_MINUTE: requestLimit(10),
  /** New guest accounts per hour, per IP (generous: schools and offices share one address). */
  RATE_LIMIT_GUEST_PER_HOUR: requestLimit(60),
  /** Signs session cookies (Auth.js). Required in production; development keeps one in ./data. */
  AUTH_SECRET: z.string().min(32, "use at least 32 characters (openssl rand -base64 32)").optional(),
  /** The public URL of the app, when it sits behind a proxy that rewrites the host. */
  AUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Days a session lasts without a visit; each day with a visit renews it. */
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** How long a process trusts its memory of a user's session generation before asking the database again. */
  SESSION_CHECK_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  /** Days before a guest that owns nothing is removed by `npm run guests:prune`. */
  GUEST_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * Trust X-Forwarded-Host / X-Forwarded-Proto for the site's own origin (CSRF checks). Set it
   * only behind a proxy that overwrites them; otherwise set AUTH_URL.
   */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true" || value === "1")),
  /** Set by Vercel, whose edge overwrites the forwarded headers (TRUST_PROXY defaults to on there). */
  VERCEL: z.string().optional(),
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /** GitHub OAuth app; sign-in with GitHub is offered when both are set. */
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  /** Google OAuth client; sign-in with Google is offered when both are set. */
  AUTH_GOOGLE_ID: z.string().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
  /** Comma-separated emails that become admins when they sign up. */
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((email) => email.trim().toLowerCase()).filter(Boolean)),
  /** Gemini API key. Set: the game master and other AI features use Gemini; unset: the offline storyteller. */
  GEMINI_API_KEY: z.string().min(1).optional(),
  /** Another host for the Gemini API (a proxy, or a fake server in tests), e.g. http://127.0.0.1:8787. */
  GEMINI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The Gemini model asked first. */
  GEMINI_MODEL: z.string().min(1).default("gemini-2.5-flash"),
  /** Comma-separated models tried in order when the ones before are over quota or unavailable. */
  GEMINI_FALLBACK_MODELS: z
    .string()
    .default("gemini-2.5-flash-lite")
    .transform((value) => value.split(",").map((model) => model.trim()).filter(Boolean)),
  /** Milliseconds to wait for the first streamed token before giving up on a reply. */
  AI_FIRST_TOKEN_TIMEOUT_MS: timeoutMs(15_000),
  /** Milliseconds one whole AI reply may take. */
  AI_REPLY_TIMEOUT_MS: timeoutMs(60_000),
  /** How readily Gemini blocks harmful content: relaxed, standard or strict. */
  AI_SAFETY_LEVEL: z.enum(["relaxed", "standard", "strict"]).default("standard"),
  /** Milliseconds between the words the offline storyteller streams (0 in tests). */
  AI_OFFLINE_WORD_DELAY_MS: z.coerce.number().int().min(0).max(1000).default(30),
})
  .refine((env) => !env.UPSTASH_REDIS_REST_URL === !env.UPSTASH_REDIS_REST_TOKEN, {
    path: ["UPSTASH_REDIS_REST_TOKEN"],
    message: "set UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN together, or neither",
  })
  .refine((env) => env.AI_FIRST_TOKEN_TIMEOUT_MS <= env.AI_REPLY_TIMEOUT_MS, {
    path: ["AI_FIRST_TOKEN_TIMEOUT_MS"],
    message: "must not exceed AI_REPLY_TIMEOUT_MS",
  })
  // Tests keep quiet unless asked; they assert on log calls through spies, which work at any level.
  .transform((env) => ({
    ...env,
    LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    TRUST_PROXY: env.TRUST_PROXY ?? env.VERCEL === "1",
  }));

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  // Treat empty strings (e.g. `DATABASE_URL=` copied from .env.example) as unset.
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  return parsed.data;
}

export const env = parseEnv();
