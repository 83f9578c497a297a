import { z } from "zod";

// Parsed once, at first import. Every variable is documented in .env.example.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Postgres connection string. Unset: the embedded PGlite database in PGLITE_DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Directory of the embedded database; `memory://` keeps it in memory (tests). */
  PGLITE_DATA_DIR: z.string().min(1).default("./data/pglite"),
});

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
