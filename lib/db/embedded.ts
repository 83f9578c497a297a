import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { env } from "@/lib/env";

export class EmbeddedDatabaseBusyError extends Error {
  override name = "EmbeddedDatabaseBusyError";
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is a single connection in one process: a second process opening the same
 * directory would corrupt it. A pid lock file beside the directory refuses that clearly.
 */
function lockDirectory(dataDir: string): void {
  const lockPath = `${dataDir}.lock`;
  try {
    writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number(readFileSync(lockPath, "utf8"));
    if (holder !== process.pid && Number.isInteger(holder) && isRunning(holder)) {
      throw new EmbeddedDatabaseBusyError(
        `The embedded database in ${dataDir} is in use by process ${holder} (a running \`npm run dev\`?). Stop it first, or set DATABASE_URL.`,
      );
    }
    writeFileSync(lockPath, String(process.pid)); // stale lock of a process that is gone
  }
  process.once("exit", () => rmSync(lockPath, { force: true }));
}

/** Opens the embedded PostgreSQL (PGlite, in-process). Never serve it to a pool or another process. */
export async function openEmbeddedDatabase({ dataDir = env.PGLITE_DATA_DIR }: { dataDir?: string } = {}): Promise<{ client: PGlite; dataDir: string }> {
  if (dataDir.startsWith("memory://")) return { client: await PGlite.create(dataDir), dataDir };
  const absolute = path.resolve(/*turbopackIgnore: true*/ dataDir);
  mkdirSync(path.dirname(absolute), { recursive: true });
  lockDirectory(absolute);
  return { client: await PGlite.create(absolute), dataDir: absolute };
}
