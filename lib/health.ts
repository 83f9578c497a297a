import "server-only";
import { getDatabase } from "@/lib/db/client";

export type HealthReport = {
  status: "ok" | "error";
  timestamp: string;
  checks: { database: { status: "ok" | "error"; kind?: "postgres" | "pglite"; latency_ms?: number } };
};

/** Readiness: can we reach the database? */
export async function checkHealth(): Promise<HealthReport> {
  const started = performance.now();
  let database: HealthReport["checks"]["database"];
  try {
    const { prisma, kind } = await getDatabase();
    await prisma.$queryRaw`SELECT 1`;
    database = { status: "ok", kind, latency_ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    console.error("[health] database check failed:", error);
    database = { status: "error" };
  }
  return { status: database.status, timestamp: new Date().toISOString(), checks: { database } };
}
