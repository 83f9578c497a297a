import "server-only";
import { after } from "next/server";
import { logger } from "@/lib/log";

/**
 * Work that may finish after the response: scheduled with Next's `after()`, which keeps a
 * serverless function alive until it settles. Outside a request (scripts, tests) it simply runs.
 * Failures are logged, never thrown at a caller that has moved on.
 */
export function runInBackground({ name, task }: { name: string; task: () => Promise<unknown> }): void {
  const run = () => task().catch((error: unknown) => logger.error({ err: error, task: name }, "background task failed"));
  try {
    after(run);
  } catch {
    void run(); // not inside a request scope
  }
}
