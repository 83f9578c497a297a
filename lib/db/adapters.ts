import "server-only";
// Driver-adapter factories for the schema engine (lib/db/migrator.ts), each fixing a gap
// in the stock adapter that only migrations hit.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";
import { PrismaPGlite } from "pglite-prisma-adapter";

const PG_TEXT_OID = 25;
const PG_CHAR_OID = 18;

// The schema engine's describer reads `"char"` catalog columns (e.g. pg_constraint.contype)
// that adapter-pg cannot decode (prisma/orm#27403). The pg client below reports them as text
// so decoding succeeds, remembering which columns they were (keyed by the row array, which
// adapter-pg passes through untouched); the adapter wrapper then restores their column type.
const charColumnsByRows = new WeakMap<unknown[], number[]>();

type QueryResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[] };

function reportCharColumnsAsText<T>(result: T): T {
  const { fields, rows } = (result ?? {}) as QueryResultLike;
  const charColumns = (fields ?? []).flatMap((field, index) => (field.dataTypeID === PG_CHAR_OID ? [index] : []));
  if (charColumns.length && rows) {
    for (const index of charColumns) fields![index]!.dataTypeID = PG_TEXT_OID;
    charColumnsByRows.set(rows, charColumns);
  }
  return result;
}

class CatalogAwareClient extends pg.Client {
  // pg's query() has many overloads (promise, callback, submittable); patch the result in each.
  override query(...args: unknown[]): never {
    const callbackIndex = args.findIndex((arg) => typeof arg === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (error: Error | null, result: unknown) => void;
      args[callbackIndex] = (error: Error | null, result: unknown) => callback(error, error ? result : reportCharColumnsAsText(result));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (callbackIndex < 0 && returned instanceof Promise) return returned.then(reportCharColumnsAsText) as never;
    return returned as never;
  }
}

function restoreCharColumns<Q extends Pick<SqlDriverAdapter, "queryRaw">>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of charColumnsByRows.get(resultSet.rows) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

type ConnectionFields = { host?: string; port?: number; user?: string; password?: string; database?: string; ssl?: pg.PoolConfig["ssl"] };

function connectionFields(url: string): ConnectionFields {
  const parsed = parseConnectionString(url);
  return {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user,
    password: parsed.password,
    database: parsed.database ?? undefined,
    ssl: parsed.ssl as pg.PoolConfig["ssl"],
  };
}

async function connectPool(config: pg.PoolConfig): Promise<SqlDriverAdapter> {
  const adapter = restoreCharColumns(await new PrismaPg(new pg.Pool({ ...config, Client: CatalogAwareClient, max: 2 }), { disposeExternalPool: true }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => restoreCharColumns(await startTransaction(isolationLevel));
  // The engine disposes shadow adapters itself (without awaiting); cleanup() disposes again to be sure.
  const dispose = adapter.dispose.bind(adapter);
  let disposed: Promise<void> | undefined;
  adapter.dispose = () => (disposed ??= dispose());
  return adapter;
}

/** A factory for the schema engine, plus the cleanup of the shadow databases it made. */
export type EngineAdapter = { factory: SqlMigrationAwareDriverAdapterFactory; cleanup: () => Promise<void> };

async function withAdminClient(fields: ConnectionFields, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client(fields);
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Postgres for the schema engine. The shadow database is built from parsed fields (the stock
 * factory reuses the connection string, which silently points the "shadow" at the main
 * database) and dropped WITH (FORCE) by cleanup(): the engine never disposes it.
 */
export function postgresEngineAdapter(url: string): EngineAdapter {
  const fields = connectionFields(url);
  const shadows: { name: string; adapter: SqlDriverAdapter }[] = [];
  return {
    factory: {
      provider: "postgres",
      adapterName: "@prisma/adapter-pg",
      connect: () => connectPool(fields),
      async connectToShadowDb() {
        const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
        await withAdminClient(fields, (client) => client.query(`CREATE DATABASE "${name}"`));
        const adapter = await connectPool({ ...fields, database: name });
        shadows.push({ name, adapter });
        return adapter;
      },
    },
    async cleanup() {
      for (const { name, adapter } of shadows.splice(0)) {
        await adapter.dispose();
        await withAdminClient(fields, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
    },
  };
}

/** Awaits migration scripts: the stock PGlite adapter fires them and forgets failures. */
function awaitingScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await client.exec(script);
  };
  return adapter;
}

/** Embedded PGlite for the schema engine; the shadow database is a throwaway in-memory PGlite. */
export function pgliteEngineAdapter(client: PGlite): EngineAdapter {
  const shadows: PGlite[] = [];
  return {
    factory: {
      provider: "postgres",
      adapterName: "pglite-prisma-adapter",
      connect: async () => awaitingScripts(await new PrismaPGlite(client).connect(), client),
      async connectToShadowDb() {
        const shadowClient = await PGlite.create();
        shadows.push(shadowClient);
        return awaitingScripts(await new PrismaPGlite(shadowClient).connect(), shadowClient);
      },
    },
    async cleanup() {
      await Promise.all(shadows.splice(0).map((shadow) => shadow.close()));
    },
  };
}
