// `npm run db:migrate -- --name <name> [--create-only]`, `npm run db:deploy`, `npm run db:status`,
// `npm run db:diff`: Prisma migrations through the WASM schema engine (no engine download).
// Target: DATABASE_URL when set, otherwise the embedded PGlite directory (PGLITE_DATA_DIR).
import { parseArgs } from "node:util";
import { EmbeddedDatabaseBusyError, openEmbeddedDatabase } from "@/lib/db/embedded";
import { createMigration, deployMigrations, MigrationError, migrationStatus, schemaDiff, type MigrationTarget } from "@/lib/db/migrator";

const USAGE = "usage: migrate.ts <deploy|create|status|diff> [--name <name>] [--create-only]";

async function openTarget(): Promise<{ target: MigrationTarget; close: () => Promise<void>; label: string }> {
  const url = process.env.DATABASE_URL;
  if (url) return { target: { kind: "postgres", url }, close: async () => {}, label: new URL(url).pathname.slice(1) || "postgres" };
  const { client, dataDir } = await openEmbeddedDatabase();
  return { target: { kind: "pglite", client }, close: () => client.close(), label: `embedded PGlite at ${dataDir}` };
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" }, "create-only": { type: "boolean", default: false } },
  });
  const command = positionals[0];
  const { target, close, label } = await openTarget();
  try {
    switch (command) {
      case "deploy": {
        const applied = await deployMigrations({ target });
        console.log(applied.length ? `Applied to ${label}:\n  ${applied.join("\n  ")}` : `${label}: no pending migrations.`);
        return 0;
      }
      case "create": {
        if (!values.name || !/^[a-z0-9_]+$/.test(values.name)) {
          console.error("--name is required: lowercase letters, digits and underscores");
          return 2;
        }
        const result = await createMigration({ target, name: values.name, createOnly: values["create-only"] });
        if (result.applied.length) console.log(`Applied pending: ${result.applied.join(", ")}`);
        if (result.drift) {
          console.error(`The database has drifted from the migration history; not creating a migration.\n${result.drift}`);
          return 1;
        }
        console.log(result.created ? `Created prisma/migrations/${result.created}/migration.sql` : "The schema matches the migrations: nothing to create.");
        return 0;
      }
      case "status": {
        const status = await migrationStatus({ target });
        console.log(`${status.migrations.length} migration(s) in prisma/migrations; database: ${label}`);
        for (const [title, names] of [["Pending", status.pending], ["Failed", status.failed], ["Edited after apply", status.edited], ["In the database but not in the folder", status.unknown]] as const) {
          if (names.length) console.log(`${title}:\n  ${names.join("\n  ")}`);
        }
        console.log(status.upToDate ? "Database schema is up to date." : "Database schema is NOT up to date.");
        return status.upToDate ? 0 : 1;
      }
      case "diff": {
        const sql = await schemaDiff({ target });
        const changes = sql.trim() && !/^-- This is an empty migration\.?$/.test(sql.trim());
        console.log(changes ? sql : "prisma/schema.prisma matches the migrations.");
        return changes ? 1 : 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } catch (error) {
    console.error(error instanceof MigrationError ? `Migration failed: ${error.message}` : error);
    return 1;
  } finally {
    await close();
  }
}

// The engine leaves long timers behind; exit explicitly once the command is done.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EmbeddedDatabaseBusyError ? error.message : error);
    process.exit(1);
  },
);
