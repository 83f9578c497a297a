import { defineConfig } from "prisma/config";

// Used by the ordinary Prisma CLI (online machines). Offline, `npm run db:*` drives the
// WASM schema engine from prisma/migrate.ts against the same schema and migrations.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
