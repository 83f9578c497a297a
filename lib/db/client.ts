import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openEmbeddedDatabase } from "./embedded";
import { deployMigrations } from "./migrator";

export type Database = { prisma: PrismaClient; kind: "postgres" | "pglite" };

// Errors are logged, never shown; "minimal" also skips the call-site stack capture Prisma
// otherwise makes on every query (measurable on the save/load path, see bench/README.md).
const ERROR_FORMAT = "minimal";

async function connect(): Promise<Database> {
  if (env.DATABASE_URL) {
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX });
    return { prisma: new PrismaClient({ adapter, errorFormat: ERROR_FORMAT }), kind: "postgres" };
  }
  // No server configured: run on the embedded database, migrated on first use, so a
  // fresh checkout plays with nothing installed.
  const { client, dataDir } = await openEmbeddedDatabase();
  const applied = await deployMigrations({ target: { kind: "pglite", client } });
  if (applied.length) console.info(`[db] embedded PGlite at ${dataDir}: applied ${applied.join(", ")}`);
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(client), errorFormat: ERROR_FORMAT }), kind: "pglite" };
}

// One client per process, kept on globalThis so dev-server reloads reuse it.
const holder = globalThis as typeof globalThis & { taleshardDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.taleshardDatabase ??= connect().catch((error: unknown) => {
    holder.taleshardDatabase = undefined; // let the next request retry
    throw error;
  });
  return holder.taleshardDatabase;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}
