import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `server-only` throws outside React Server Components; tests import server modules directly.
const resolve = { alias: { "@": fromRoot("."), "server-only": fromRoot("./tests/support/empty-module.ts") } };

const unit: TestProjectInlineConfiguration = {
  resolve,
  test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "hooks/**/*.test.ts"], environment: "node" },
};

// Integration suites call the route handlers against a real database: the embedded PGlite
// always, and the Postgres server in DATABASE_URL when one is configured (a fresh database per run).
const integration = (database: "pglite" | "postgres"): TestProjectInlineConfiguration => ({
  resolve,
  test: {
    name: `integration:${database}`,
    include: ["tests/integration/**/*.test.ts"],
    exclude: database === "pglite" ? ["tests/integration/**/*.postgres.test.ts"] : [],
    environment: "node",
    globalSetup: database === "postgres" ? [fromRoot("./tests/support/postgres-database.ts")] : [],
    setupFiles: [fromRoot("./tests/support/database-env.ts")],
    env: { TEST_DATABASE: database },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // bundled through Vite the import resolves as in Next.
    server: { deps: { inline: ["next-auth"] } },
  },
});

export default defineConfig({
  test: {
    projects: [unit, integration("pglite"), ...(process.env.DATABASE_URL ? [integration("postgres")] : [])],
  },
});
