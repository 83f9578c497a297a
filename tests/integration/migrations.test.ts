// The project's migration commands (WASM schema engine, no engine download) against this
// project's database kind: a fresh Postgres database or a fresh PGlite.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMigration, deployMigrations, MigrationError, migrationStatus, schemaDiff, type MigrationPaths, type MigrationTarget } from "@/lib/db/migrator";

const onPostgres = process.env.TEST_DATABASE === "postgres";
const run = promisify(execFile);

type Fresh = { target: MigrationTarget; env: Record<string, string>; drop: () => Promise<void> };

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    return await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** An empty database of this project's kind. */
async function freshDatabase(): Promise<Fresh> {
  if (onPostgres) {
    const name = `taleshard_migrate_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    return {
      target: { kind: "postgres", url: url.toString() },
      env: { DATABASE_URL: url.toString() },
      drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
    };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "taleshard-pglite-"));
  const client = await PGlite.create(dataDir);
  return {
    target: { kind: "pglite", client },
    env: { DATABASE_URL: "", PGLITE_DATA_DIR: dataDir },
    drop: async () => {
      if (!client.closed) await client.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function shadowDatabases(): Promise<string[]> {
  if (!onPostgres) return [];
  return (await adminQuery("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'")).rows.map((row: { datname: string }) => row.datname);
}

/** A scratch copy of prisma/ so tests can add migrations and change the schema. */
async function scratchPrismaFolder(): Promise<MigrationPaths & { dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "taleshard-prisma-"));
  await cp(path.resolve("prisma/migrations"), path.join(dir, "migrations"), { recursive: true });
  await cp(path.resolve("prisma/schema.prisma"), path.join(dir, "schema.prisma"));
  return { dir, schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
}

const committedMigrations = async () => (await readdir(path.resolve("prisma/migrations"), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

describe(`migrations on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  let database: Fresh;
  let scratch: Awaited<ReturnType<typeof scratchPrismaFolder>>;
  let shadowsBefore: string[];

  beforeAll(async () => {
    shadowsBefore = await shadowDatabases();
    database = await freshDatabase();
    scratch = await scratchPrismaFolder();
  });

  afterAll(async () => {
    await database?.drop();
    await rm(scratch.dir, { recursive: true, force: true });
  });

  test("status on an empty database lists every migration as pending", async () => {
    const status = await migrationStatus({ target: database.target });
    expect(status.upToDate).toBe(false);
    expect(status.pending).toEqual(await committedMigrations());
  });

  test("deploy applies the committed migrations once; status is then up to date and the diff empty", { timeout: 60_000 }, async () => {
    expect(await deployMigrations({ target: database.target })).toEqual(await committedMigrations());
    expect(await deployMigrations({ target: database.target })).toEqual([]);
    expect(await migrationStatus({ target: database.target })).toMatchObject({ upToDate: true, pending: [], failed: [], edited: [] });
    expect((await schemaDiff({ target: database.target })).trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  });

  test("create writes a standard migration for a schema change and applies it", { timeout: 120_000 }, async () => {
    const schema = await readFile(scratch.schemaPath, "utf8");
    await writeFile(scratch.schemaPath, `${schema}\nmodel Lantern {\n  id    Int    @id @default(autoincrement())\n  color String\n}\n`);

    const result = await createMigration({ target: database.target, name: "add_lantern", paths: scratch });
    expect(result.drift).toBeNull();
    expect(result.created).toMatch(/^\d{14}_add_lantern$/);
    expect(result.applied).toEqual([result.created]);
    const sql = await readFile(path.join(scratch.migrationsDir, result.created!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Lantern"');
    expect(await readFile(path.join(scratch.migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');

    expect(await createMigration({ target: database.target, name: "again", paths: scratch })).toMatchObject({ created: null, drift: null });
    expect(await migrationStatus({ target: database.target, paths: scratch })).toMatchObject({ upToDate: true });
    // The scratch migration is unknown to the committed folder: status says so.
    expect(await migrationStatus({ target: database.target })).toMatchObject({ upToDate: false, unknown: [result.created] });
  });

  test("a failing migration is reported, not recorded as applied", { timeout: 60_000 }, async () => {
    const broken = await freshDatabase();
    const paths = await scratchPrismaFolder();
    try {
      await cp(path.join(paths.migrationsDir, (await committedMigrations())[0]!), path.join(paths.migrationsDir, "29990101000000_broken"), { recursive: true });
      await writeFile(path.join(paths.migrationsDir, "29990101000000_broken", "migration.sql"), 'ALTER TABLE "no_such_table" ADD COLUMN "x" INT;\n');

      await expect(deployMigrations({ target: broken.target, paths })).rejects.toThrow(MigrationError);
      const status = await migrationStatus({ target: broken.target, paths });
      expect(status.upToDate).toBe(false);
      expect(status.failed).toEqual(["29990101000000_broken"]);
    } finally {
      await broken.drop();
      await rm(paths.dir, { recursive: true, force: true });
    }
  });

  test("the engine's shadow databases are dropped afterwards", async () => {
    expect(await shadowDatabases()).toEqual(shadowsBefore);
  });

  test("npm run db:deploy and db:status work as commands", { timeout: 120_000 }, async () => {
    const target = await freshDatabase();
    if (target.target.kind === "pglite") await target.target.client.close(); // the command opens the directory itself
    const env = { ...process.env, ...target.env };
    try {
      const pending = await run("npm", ["run", "--silent", "db:status"], { env }).catch((error: { code: number; stdout: string }) => error);
      expect(pending).toMatchObject({ code: 1, stdout: expect.stringContaining("NOT up to date") });
      expect((await run("npm", ["run", "--silent", "db:deploy"], { env })).stdout).toContain((await committedMigrations())[0]);
      expect((await run("npm", ["run", "--silent", "db:status"], { env })).stdout).toContain("Database schema is up to date.");
    } finally {
      await target.drop();
    }
  });
});
