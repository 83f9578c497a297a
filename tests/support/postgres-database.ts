// Global setup of the integration:postgres project: one fresh database per test run,
// migrated with the project's own migrator, dropped afterwards.
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = new URL(process.env.DATABASE_URL!);
  const name = `taleshard_test_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const testUrl = new URL(serverUrl);
  testUrl.pathname = `/${name}`;
  const { deployMigrations } = await import("../../lib/db/migrator");
  await deployMigrations({ target: { kind: "postgres", url: testUrl.toString() } });
  project.provide("postgresUrl", testUrl.toString());

  return async () => {
    const dropper = new pg.Client({ connectionString: serverUrl.toString() });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropper.end();
  };
}
