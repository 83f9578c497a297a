import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const DEV_SECRET_FILE = path.resolve("data/auth-secret");
let cached: string | undefined;

/**
 * The key that signs session cookies. Production must set AUTH_SECRET; development makes one
 * and keeps it in ./data so sessions survive restarts; tests use a fresh one per process.
 */
export function authSecret(): string {
  cached ??= env.AUTH_SECRET ?? fallbackSecret();
  return cached;
}

function fallbackSecret(): string {
  if (env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and add it to the environment.");
  }
  if (env.NODE_ENV === "test") return randomBytes(32).toString("base64url");
  try {
    return readFileSync(DEV_SECRET_FILE, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    mkdirSync(path.dirname(DEV_SECRET_FILE), { recursive: true });
    writeFileSync(DEV_SECRET_FILE, secret, { mode: 0o600 });
    return secret;
  }
}
