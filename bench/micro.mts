// What each step of the save/load path costs on its own, outside Next.js: JSON, zod, Prisma
// and the bare pg driver on the same queries. Run it against a migrated database:
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/taleshard_bench \
//     npx tsx --conditions=react-server bench/micro.mts
//
// "µs/op" is wall time per operation, "CPU µs/op" the Node process's CPU time per operation
// (user + system, so socket syscalls count): for the database steps the difference is
// time spent waiting for Postgres. c=16 runs 16 operations at a time over the app's pool.
// `--only <text>` runs the steps whose name contains it (e.g. under node --cpu-prof).
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { saveRequestSchema } from "../app/api/v1/save/schema";
import { getPrisma } from "../lib/db/client";
import { gameStateSchema } from "../lib/game/state-schema";
import { loadGame, saveGame } from "../lib/saves/service";
import { benchSessionId, benchState, SESSIONS } from "./workload.mjs";

const { values: args } = parseArgs({ options: { only: { type: "string", default: "" } } });
const sessionId = benchSessionId;
const state = benchState(1);
const body = JSON.stringify({ session_id: sessionId(0), state });
const parsedBody = JSON.parse(body);
const validState = gameStateSchema.parse(state);

// The SQL Prisma sends for loadGame (see bench/pgbench/load.sql).
const LOAD_SQL = `SELECT "public"."parties"."id", "public"."parties"."session_id", "public"."parties"."name", "public"."parties"."heroes", "public"."parties"."symbol_choice", "public"."parties"."scene_index", "public"."parties"."choices", "public"."parties"."version", "public"."parties"."updated_at" FROM "public"."parties" WHERE ("public"."parties"."owner_id" = $4 AND "public"."parties"."session_id" = $1 AND 1=1) LIMIT $2 OFFSET $3`;

type Result = { name: string; concurrency: number; ops: number; usPerOp: number; cpuUsPerOp: number };

/** Runs `op` for `seconds` with `concurrency` loops in flight; reports per-operation costs. */
async function measure(name: string, op: (i: number) => unknown, { seconds = 2, concurrency = 1 } = {}): Promise<Result> {
  let next = 0;
  const loop = async (until: number) => {
    while (performance.now() < until) await op(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, () => loop(performance.now() + 300))); // warm-up

  next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => loop(started + seconds * 1000)));
  const elapsedUs = (performance.now() - started) * 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { name, concurrency, ops: next, usPerOp: elapsedUs / next, cpuUsPerOp: (cpu.user + cpu.system) / next };
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("set DATABASE_URL to a migrated database");
  const prisma = await getPrisma();
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  // Parties belong to a user: the bench owns its own.
  const { id: ownerId } = await prisma.user.create({ data: { name: "Bench", isGuest: true } });
  await Promise.all(Array.from({ length: SESSIONS }, (_, i) => saveGame({ ownerId, sessionId: sessionId(i), state: validState })));
  const storedRow = await pool.query(LOAD_SQL, [sessionId(1), 1, 0, ownerId]);
  const row = storedRow.rows[0];

  const saveArgs = (i: number) => [sessionId(i), state.party_name, JSON.stringify(state.heroes), state.symbol_choice, state.scene_index, JSON.stringify(state.choices), JSON.stringify(state)];
  // The saveGame statement with positional parameters, for the bare-driver comparison.
  const SAVE_SQL = `WITH upserted AS (
      INSERT INTO parties AS p (owner_id, session_id, name, heroes, symbol_choice, scene_index, choices)
      SELECT $9::uuid, $1, $2, $3::jsonb, $4, $5::int, $6::jsonb
      WHERE $8::int IS NULL OR $8::int = 0 OR EXISTS (SELECT 1 FROM parties WHERE owner_id = $9::uuid AND session_id = $1)
      ON CONFLICT (owner_id, session_id) DO UPDATE SET
        name = EXCLUDED.name, heroes = EXCLUDED.heroes, symbol_choice = EXCLUDED.symbol_choice,
        scene_index = EXCLUDED.scene_index, choices = EXCLUDED.choices, version = p.version + 1, updated_at = now()
      WHERE $8::int IS NULL OR p.version = $8::int
      RETURNING p.id, p.version, p.scene_index
    ), snapshot AS (
      INSERT INTO party_snapshots (party_id, version, scene_index, state) SELECT id, version, scene_index, $7::jsonb FROM upserted
    ), pruned AS (
      DELETE FROM party_snapshots s USING upserted u WHERE s.party_id = u.id AND s.version <= u.version - 20
    )
    SELECT version, scene_index FROM upserted`;

  const results: Result[] = [];
  const run = async (...step: Parameters<typeof measure>) => {
    if (!step[0].includes(args.only)) return;
    const result = await measure(...step);
    results.push(result);
    console.error(`${result.name} c=${result.concurrency}: ${result.usPerOp.toFixed(1)} µs/op`);
  };

  // CPU-only steps of the request path.
  await run("JSON.parse(save body)", () => JSON.parse(body), { seconds: 1 });
  await run("zod saveRequestSchema.safeParse", () => saveRequestSchema.safeParse(parsedBody), { seconds: 1 });
  await run("zod gameStateSchema.parse (load)", () => gameStateSchema.parse(state), { seconds: 1 });
  await run("JSON.stringify x3 (saveGame params)", () => [JSON.stringify(state.heroes), JSON.stringify(state.choices), JSON.stringify(state)], { seconds: 1 });
  await run("Response.json(saved) + text()", () => Response.json({ session_id: row[1], state, version: 3, updated_at: new Date().toISOString() }).text(), { seconds: 1 });

  for (const concurrency of [1, 16]) {
    await run("pg SELECT 1", () => pool.query("SELECT 1"), { concurrency });
    await run("pg load SQL (unnamed statement)", (i) => pool.query(LOAD_SQL, [sessionId(i), 1, 0, ownerId]), { concurrency });
    await run("pg load SQL (named prepared)", (i) => pool.query({ name: "load", text: LOAD_SQL, values: [sessionId(i), 1, 0, ownerId] }), { concurrency });
    await run("Prisma findUnique (loadGame, incl. zod)", (i) => loadGame({ ownerId, sessionId: sessionId(i) }), { concurrency });
    await run("Prisma $queryRaw SELECT 1", () => prisma.$queryRaw`SELECT 1`, { concurrency });
    await run("pg save SQL (unnamed statement)", (i) => pool.query(SAVE_SQL, [...saveArgs(i), null, ownerId]), { concurrency });
    await run("pg save SQL (named prepared)", (i) => pool.query({ name: "save", text: SAVE_SQL, values: [...saveArgs(i), null, ownerId] }), { concurrency });
    await run("Prisma $queryRaw save (saveGame)", (i) => saveGame({ ownerId, sessionId: sessionId(i), state: validState }), { concurrency });
  }

  console.log("| step | c | µs/op | CPU µs/op | ops/s |");
  console.log("|---|--:|--:|--:|--:|");
  for (const r of results) {
    console.log(`| ${r.name} | ${r.concurrency} | ${r.usPerOp.toFixed(1)} | ${r.cpuUsPerOp.toFixed(1)} | ${Math.round(1e6 / r.usPerOp)} |`);
  }
  await pool.end();
  await prisma.$disconnect();
}

await main();
