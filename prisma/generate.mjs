// Runs `prisma generate` without letting the CLI fetch its native schema engine first:
// generating the client never uses that engine, and offline machines cannot download it.
// Migrations use the WASM engine instead (prisma/migrate.ts).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const { status } = spawnSync(process.execPath, [prismaCli, "generate"], { stdio: "inherit", env });
process.exit(status ?? 1);
