import "server-only";
import { getDatabase } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { rateLimitHealth, type RateLimitHealth } from "@/lib/rate-limit";

export type HealthReport = {
  status: "ok" | "error";
  timestamp: string;
  checks: {
    database: { status: "ok" | "error"; kind?: "postgres" | "pglite"; latency_ms?: number };
    /** Limits fail open when their store is down; the count shows how many requests went unchecked. */
    rate_limit: RateLimitHealth;
  };
};

/** Readiness: can we reach the database? (Rate limiting never fails a request, so it only informs.) */
export async function checkHealth(): Promise<HealthReport> {
  const started = performance.now();
  let database: HealthReport["checks"]["database"];
  try {
    const { prisma, kind } = await getDatabase();
    await prisma.$queryRaw`SELECT 1`;
    database = { status: "ok", kind, latency_ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    logger.error({ err: error }, "health: database check failed");
    database = { status: "error" };
  }
  return { status: database.status, timestamp: new Date().toISOString(), checks: { database, rate_limit: rateLimitHealth() } };
}
