import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { openEmbeddedDatabase } from "./embedded";
import { deployMigrations } from "./migrator";

/**
 * One SQL statement of the save/load hot path. `name` identifies it as a prepared statement on
 * each Postgres connection: parsed and planned once per connection instead of on every call.
 */
export type SqlStatement = { name: string; text: string; values: unknown[] };

/** Runs a hot-path statement straight on the driver: Prisma's per-query cost was a third of a load (bench/README.md). */
export type RunSql = <Row>(statement: SqlStatement) => Promise<Row[]>;

export type Database = {
  prisma: PrismaClient;
  sql: RunSql;
  /** Runs `work` in one transaction on one connection (hot paths that need several statements). */
  transaction<T>(work: (sql: RunSql) => Promise<T>): Promise<T>;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
};

// Errors are logged, never shown; "minimal" also skips the call-site stack capture Prisma
// otherwise makes on every query (measurable on the save/load path, see bench/README.md).
const ERROR_FORMAT = "minimal";

/**
 * `?pgbouncer=true` (Prisma's convention) marks a transaction-mode pooler, which cannot keep a
 * prepared statement between transactions: statements are then sent unnamed.
 */
export function connectPostgres({
  url,
  poolMax = env.DATABASE_POOL_MAX,
  connectTimeoutMs = env.DATABASE_CONNECT_TIMEOUT_MS,
  statementTimeoutMs = env.DATABASE_STATEMENT_TIMEOUT_MS,
}: {
  url: string;
  poolMax?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}): Database {
  // The driver ignores query parameters it does not know, so the URL is passed on as it is.
  const namedStatements = new URL(url).searchParams.get("pgbouncer") !== "true";
  // One pool per process, shared by Prisma and the hot path. Every wait is bounded: a database
  // that is down, or that accepts connections and never answers, fails a request with a 503
  // within these times instead of hanging it (statement_timeout also stops the query server-side).
  const pool = new Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: statementTimeoutMs + 1000,
    statement_timeout: statementTimeoutMs,
    keepAlive: true,
  });
  // An idle connection dropped by the server is replaced on next use; unhandled, it would end the process.
  pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), errorFormat: ERROR_FORMAT });
  const statement = ({ name, text, values }: SqlStatement) => (namedStatements ? { name, text, values } : { text, values });
  return {
    prisma,
    kind: "postgres",
    sql: async <Row,>(query: SqlStatement) => (await pool.query<Row & object>(statement(query))).rows,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(async <Row,>(query: SqlStatement) => (await client.query<Row & object>(statement(query))).rows);
        await client.query("COMMIT");
        client.release();
        return result;
      } catch (error) {
        // A connection that failed mid-transaction is not given back to the pool for reuse.
        await client.query("ROLLBACK").catch(() => {});
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function connect(): Promise<Database> {
  if (env.DATABASE_URL) return connectPostgres({ url: env.DATABASE_URL });
  // No server configured: run on the embedded database, migrated on first use, so a
  // fresh checkout plays with nothing installed.
  const { client, dataDir } = await openEmbeddedDatabase();
  const applied = await deployMigrations({ target: { kind: "pglite", client } });
  if (applied.length) logger.info({ dataDir, applied }, "embedded PGlite migrated");
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client), errorFormat: ERROR_FORMAT });
  return {
    prisma,
    kind: "pglite",
    // PGlite queues each query behind any open transaction: one connection, never interleaved.
    sql: async <Row,>({ text, values }: SqlStatement) => (await client.query<Row>(text, values)).rows,
    transaction: (work) => client.transaction((tx) => work(async <Row,>({ text, values }: SqlStatement) => (await tx.query<Row>(text, values)).rows)),
    close: async () => {
      await prisma.$disconnect();
      await client.close();
    },
  };
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
