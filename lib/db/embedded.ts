import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { env } from "@/lib/env";

/**
 * Opens the embedded PostgreSQL (PGlite, in-process). PGlite is a single connection:
 * never serve it to a pool or a second process.
 */
export async function openEmbeddedDatabase({ dataDir = env.PGLITE_DATA_DIR }: { dataDir?: string } = {}): Promise<{ client: PGlite; dataDir: string }> {
  if (dataDir.startsWith("memory://")) return { client: await PGlite.create(dataDir), dataDir };
  const absolute = path.resolve(dataDir);
  await mkdir(absolute, { recursive: true });
  return { client: await PGlite.create(absolute), dataDir: absolute };
}
