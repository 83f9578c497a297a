import "server-only";
// Drives Prisma's WASM schema engine through a driver adapter, so migrations can be
// created, applied and inspected without the native engine the Prisma CLI downloads.
// Produces the standard prisma/migrations folder and `_prisma_migrations` table, so the
// ordinary `prisma migrate` CLI keeps working on the same history where it is available.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { pgliteEngineAdapter, postgresEngineAdapter, type EngineAdapter } from "./adapters";

export type MigrationTarget = { kind: "postgres"; url: string } | { kind: "pglite"; client: PGlite };

export type MigrationPaths = { schemaPath: string; migrationsDir: string };

// Project files read at run time by path: the /*turbopackIgnore*/ marks below keep Next's output
// tracing from pulling the whole project into the server bundle on their account.
export const DEFAULT_PATHS: MigrationPaths = {
  schemaPath: path.resolve("prisma/schema.prisma"),
  migrationsDir: path.resolve("prisma/migrations"),
};

const LOCKFILE = "migration_lock.toml";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let engineModule: Promise<EngineModule> | undefined;
let lastPanicMessage: string | undefined;

/** Instantiates the engine's WASM once per process (Node cannot `import` a .wasm file directly). */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // The engine reports Rust panics through this global before it throws.
    const panics = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    panics.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => { lastPanicMessage = message; } };
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // Resolved from the working directory at run time: bundlers rewrite import.meta.url.
    const packageEntry = createRequire(path.join(process.cwd(), "package.json")).resolve("@prisma/schema-engine-wasm");
    const wasmPath = path.join(path.dirname(packageEntry), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue as unknown as EngineModule;
  })();
  return engineModule;
}

function engineAdapterFor(target: MigrationTarget): EngineAdapter {
  return target.kind === "postgres" ? postgresEngineAdapter(target.url) : pgliteEngineAdapter(target.client);
}

async function withEngine<T>({ target, schemaPath }: { target: MigrationTarget; schemaPath: string }, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(schemaPath, "utf8");
  const adapter = engineAdapterFor(target);
  try {
    const engine = await SchemaEngine.new(
      { datamodels: [[schemaPath, schema]] },
      () => {}, // engine tracing; errors come back as rejections
      bindMigrationAwareSqlAdapterFactory(adapter.factory),
    );
    try {
      return await run(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    throw new MigrationError(engineErrorMessage(error));
  } finally {
    await adapter.cleanup();
  }
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

function engineErrorMessage(error: unknown): string {
  if (lastPanicMessage) {
    const message = `schema engine panicked: ${lastPanicMessage}`;
    lastPanicMessage = undefined;
    return message;
  }
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const lockContent = await readFile(path.join(migrationsDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const directories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => ({
        path: entry.name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(migrationsDir, entry.name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
  );
  directories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    migrationDirectories: directories,
    shadowDbInitScript: "",
  };
}

/** Applies every pending migration (what `prisma migrate deploy` does). */
export async function deployMigrations({ target, paths = DEFAULT_PATHS }: { target: MigrationTarget; paths?: MigrationPaths }): Promise<string[]> {
  return withEngine({ target, schemaPath: paths.schemaPath }, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrationsList(paths.migrationsDir),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  });
}

export type CreateMigrationResult = { applied: string[]; created: string | null; drift: string | null };

/**
 * What `prisma migrate dev --name` does, minus the reset: apply pending migrations, check the
 * database has not drifted from the history, then write a migration for the schema's changes
 * and (unless createOnly) apply it.
 */
export async function createMigration({
  target,
  name,
  createOnly = false,
  paths = DEFAULT_PATHS,
}: {
  target: MigrationTarget;
  name: string;
  createOnly?: boolean;
  paths?: MigrationPaths;
}): Promise<CreateMigrationResult> {
  return withEngine({ target, schemaPath: paths.schemaPath }, async (engine) => {
    const applied = createOnly ? [] : (await engine.applyMigrations({ migrationsList: await readMigrationsList(paths.migrationsDir), filters: NO_FILTERS })).appliedMigrationNames;
    const diagnostic = await engine.devDiagnostic({ migrationsList: await readMigrationsList(paths.migrationsDir), filters: NO_FILTERS });
    if (diagnostic.action.tag === "reset") return { applied, created: null, drift: diagnostic.action.reason };

    const schema = await readFile(/*turbopackIgnore: true*/ paths.schemaPath, "utf8");
    const result = await engine.createMigration({
      migrationName: name,
      migrationsList: await readMigrationsList(paths.migrationsDir),
      schema: { files: [{ path: paths.schemaPath, content: schema }] },
      draft: false,
      filters: NO_FILTERS,
    });
    if (result.migrationScript === null) return { applied, created: null, drift: null };

    const directory = path.join(/*turbopackIgnore: true*/ paths.migrationsDir, result.generatedMigrationName);
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, `migration.${result.extension}`), result.migrationScript);
    await writeFile(
      path.join(paths.migrationsDir, LOCKFILE),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${result.connectorType}"\n`,
    );
    if (!createOnly) {
      applied.push(...(await engine.applyMigrations({ migrationsList: await readMigrationsList(paths.migrationsDir), filters: NO_FILTERS })).appliedMigrationNames);
    }
    return { applied, created: result.generatedMigrationName, drift: null };
  });
}

export type MigrationStatus = {
  migrations: string[];
  pending: string[];
  failed: string[];
  edited: string[];
  /** migrations the database has that this folder does not */
  unknown: string[];
  upToDate: boolean;
};

/** What `prisma migrate status` reports. */
export async function migrationStatus({ target, paths = DEFAULT_PATHS }: { target: MigrationTarget; paths?: MigrationPaths }): Promise<MigrationStatus> {
  return withEngine({ target, schemaPath: paths.schemaPath }, async (engine) => {
    const migrationsList = await readMigrationsList(paths.migrationsDir);
    const diagnosis = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS });
    const history = diagnosis.history;
    const pending = history && history.diagnostic !== "migrationsDirectoryIsBehind" ? history.unappliedMigrationNames : [];
    const unknown = history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
    return {
      migrations: migrationsList.migrationDirectories.map((directory) => directory.path),
      pending,
      failed: diagnosis.failedMigrationNames,
      edited: diagnosis.editedMigrationNames,
      unknown,
      upToDate: !history && diagnosis.failedMigrationNames.length === 0 && diagnosis.editedMigrationNames.length === 0,
    };
  });
}

/** SQL that would turn the migration history into the current schema (empty when in sync). */
export async function schemaDiff({ target, paths = DEFAULT_PATHS }: { target: MigrationTarget; paths?: MigrationPaths }): Promise<string> {
  return withEngine({ target, schemaPath: paths.schemaPath }, async (engine) => {
    const schema = await readFile(/*turbopackIgnore: true*/ paths.schemaPath, "utf8");
    const result = await engine.diff({
      from: { tag: "migrations", ...(await readMigrationsList(paths.migrationsDir)) },
      to: { tag: "schemaDatamodel", files: [{ path: paths.schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}
