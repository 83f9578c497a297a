// The game-master chat under load (bench/chat.sh runs it): the production server talks to the
// fake Gemini server of the tests (tests/support/fake-gemini.ts) over real HTTP, so the numbers
// are the server's own, not a model's.
//
//   1. overhead: the time from sending POST /api/chat to the first `delta` event, minus the fake
//      provider's own time from receiving its request to sending its first chunk. Both clocks are
//      process.hrtime (CLOCK_MONOTONIC: one clock for every process on the machine).
//   2. storm: 200 streams at once on one process: errors, and whether every reply was stored
//      complete; a save during the storm against the same save's latency when idle (measured by
//      bench/chat-probe.mjs in its own process, with the constant liveness route as a control).
//   3. memory: the server's RSS after 1,000 chats (one in ten aborted mid-stream by its client)
//      against its RSS after a warm-up.
//
//   npx tsx --conditions=react-server bench/chat.mts --port 3330 --database taleshard_bench_chat --out <dir>
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startFakeGemini, type FakeGemini } from "../tests/support/fake-gemini";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3330" },
    database: { type: "string", default: "taleshard_bench_chat" },
    out: { type: "string", default: "bench/results/chat" },
    overhead: { type: "string", default: "300" },
    storm: { type: "string", default: "200" },
    chats: { type: "string", default: "1000" },
  },
});

const BASE = `http://127.0.0.1:${args.port}`;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const round = (value: number) => Math.round(value * 100) / 100;

// --- The fake provider, stamping when it received each request and sent its first chunk ---------

const fake: FakeGemini = await startFakeGemini({ defaultReply: { chunks: ["The fog ", "thins, ", "and ", "the ", "path ", "shows."] } });

/** The fake's own time to its first chunk, per request, in hrtime ms (from its request log). */
function providerFirstChunkMs(): number[] {
  return fake.requests.flatMap((request) => (request.firstChunkAt && request.receivedAt ? [request.firstChunkAt - request.receivedAt] : []));
}

// --- The server ------------------------------------------------------------------------------------

function startServer(): ChildProcess {
  // PROFILE_DIR=<dir>: the server writes a CPU profile there when it stops.
  const profile = process.env.PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : [];
  const server = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", args.port, "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${args.database}`,
      GEMINI_API_KEY: "bench-key",
      GEMINI_BASE_URL: fake.url,
      GEMINI_MODEL: "bench-model",
      GEMINI_FALLBACK_MODELS: "bench-model",
      RATE_LIMIT_CHAT_PER_MINUTE: "1000000000",
      RATE_LIMIT_CHAT_GUEST_PER_DAY: "1000000000",
      RATE_LIMIT_CHAT_PLAYER_PER_DAY: "1000000000",
      RATE_LIMIT_GUEST_PER_HOUR: "1000000000",
      DATABASE_POOL_MAX: "20",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return server;
}

async function waitHealthy() {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not become healthy");
}

/** Resident memory of a process, in MB (Linux /proc). */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

// --- A client ----------------------------------------------------------------------------------------

/** A guest session (as a browser's first visit makes one) with a party to talk about. */
async function newPlayer(): Promise<{ cookie: string; sessionId: string }> {
  const response = await fetch(`${BASE}/api/auth/guest?callbackUrl=/`, { redirect: "manual" });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("authjs.session-token="))!.split(";")[0]!;
  const sessionId = `bench-chat-${Math.random().toString(36).slice(2, 10)}`;
  const state = { scene_index: 3, party_name: "The Bench", heroes: [{ name: "Bram", class: "Fighter", hp: 25 }, { name: "Tova", class: "Cleric", hp: 24 }], symbol_choice: null, choices: {} };
  const saved = await fetch(`${BASE}/api/v1/save`, { method: "POST", headers: { cookie, origin: BASE, "content-type": "application/json" }, body: JSON.stringify({ session_id: sessionId, state }) });
  if (!saved.ok) throw new Error(`save failed: ${saved.status}`);
  return { cookie, sessionId };
}

type ChatOutcome = { ok: boolean; firstDeltaMs: number | null; error?: string };

/** One chat over SSE; `abortAfterFirstDelta` leaves as a closed tab would. */
async function chat({ player, message, abortAfterFirstDelta = false }: { player: { cookie: string; sessionId: string }; message: string; abortAfterFirstDelta?: boolean }): Promise<ChatOutcome> {
  const controller = new AbortController();
  const started = now();
  try {
    const response = await fetch(`${BASE}/api/chat`, {
      method: "POST",
      headers: { cookie: player.cookie, origin: BASE, "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ session_id: player.sessionId, message }),
      signal: controller.signal,
    });
    if (!response.ok) return { ok: false, firstDeltaMs: null, error: `HTTP ${response.status}` };
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = "";
    let firstDeltaMs: number | null = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      if (firstDeltaMs === null && buffered.includes("event: delta")) {
        firstDeltaMs = now() - started;
        if (abortAfterFirstDelta) {
          controller.abort();
          return { ok: true, firstDeltaMs };
        }
      }
      if (buffered.includes("event: error")) return { ok: false, firstDeltaMs, error: buffered.slice(buffered.indexOf("event: error"), buffered.indexOf("event: error") + 200) };
    }
    return { ok: buffered.includes("event: done"), firstDeltaMs };
  } catch (error) {
    return { ok: false, firstDeltaMs: null, error: String(error) };
  }
}

/** Save and liveness latencies, measured by bench/chat-probe.mjs in a process of its own. */
async function probe({ player, count }: { player: { cookie: string; sessionId: string }; count: number }): Promise<{ save: number[]; live: number[] }> {
  const child = spawn(process.execPath, ["bench/chat-probe.mjs", BASE, player.cookie, player.sessionId, String(count)], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve, reject) => child.on("exit", (code) => (code === 0 ? resolve(null) : reject(new Error(`probe exited ${code}`)))));
  return JSON.parse(output) as { save: number[]; live: number[] };
}

// --- The run ---------------------------------------------------------------------------------------

const server = startServer();
const results: Record<string, unknown> = {};
try {
  await waitHealthy();
  const player = await newPlayer();
  // Warm-up: compile paths, fill pools and caches.
  for (let i = 0; i < 30; i++) await chat({ player, message: `warm-up ${i}` });

  // 1. Overhead before the first streamed byte, with Next's own time to first byte on the constant
  //    liveness route (same client, same run) as the control.
  const trivial: number[] = [];
  for (let i = 0; i < 300; i++) {
    const started = now();
    const response = await fetch(`${BASE}/api/health/live`);
    trivial.push(now() - started);
    await response.arrayBuffer();
  }
  fake.reset();
  const firstDelta: number[] = [];
  for (let i = 0; i < Number(args.overhead); i++) {
    const outcome = await chat({ player, message: `Where are we? (${i})` });
    if (outcome.firstDeltaMs !== null) firstDelta.push(outcome.firstDeltaMs);
  }
  const providerOwn = providerFirstChunkMs();
  const overhead = firstDelta.map((ms, index) => ms - (providerOwn[index] ?? 0));
  results.overhead = {
    requests: firstDelta.length,
    first_delta_p50_ms: round(percentile(firstDelta, 50)),
    provider_first_chunk_p50_ms: round(percentile(providerOwn, 50)),
    overhead_p50_ms: round(percentile(overhead, 50)),
    overhead_p99_ms: round(percentile(overhead, 99)),
    trivial_route_first_byte_p50_ms: round(percentile(trivial, 50)),
    trivial_route_first_byte_p99_ms: round(percentile(trivial, 99)),
  };
  console.log("overhead", results.overhead);

  // 2. The storm: many streams at once, each a second long; a save in the middle of it.
  const idle = await probe({ player, count: 200 });
  fake.reset();
  const stormSize = Number(args.storm);
  const stormPlayers = await Promise.all(Array.from({ length: 20 }, () => newPlayer()));
  const slowReply = { chunks: Array.from({ length: 20 }, (_, i) => `word${i} `), chunkDelayMs: 50 };
  for (let i = 0; i < stormSize; i++) fake.script("bench-model", slowReply);
  const stormStarted = now();
  const storm = Promise.all(Array.from({ length: stormSize }, (_, i) => chat({ player: stormPlayers[i % stormPlayers.length]!, message: `Storm ${i}` })));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const during = await probe({ player, count: Number(process.env.STORM_PROBES ?? 40) });
  const outcomes = await storm;
  const stormMs = now() - stormStarted;
  const database = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:5432/${args.database}` });
  await database.connect();
  const { rows } = await database.query<{ status: string; count: string }>(
    `SELECT status, count(*) FROM chat_messages m JOIN chats c ON c.id = m.chat_id
     WHERE m.role = 'assistant' AND m.created_at >= now() - make_interval(secs => $1) AND m.content LIKE 'word0 %' GROUP BY status`,
    [Math.ceil(stormMs / 1000) + 5],
  );
  const stored = Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  results.storm = {
    streams: stormSize,
    errors: outcomes.filter((outcome) => !outcome.ok).length,
    first_errors: outcomes.filter((outcome) => !outcome.ok).slice(0, 3).map((outcome) => outcome.error),
    replies_stored: stored,
    wall_s: round(stormMs / 1000),
    idle_save_p50_ms: round(percentile(idle.save, 50)),
    idle_save_p99_ms: round(percentile(idle.save, 99)),
    storm_save_p50_ms: round(percentile(during.save, 50)),
    storm_save_p95_ms: round(percentile(during.save, 95)),
    storm_save_max_ms: round(Math.max(...during.save)),
    idle_live_p99_ms: round(percentile(idle.live, 99)),
    storm_live_p50_ms: round(percentile(during.live, 50)),
    storm_live_max_ms: round(Math.max(...during.live)),
  };
  console.log("storm", results.storm);

  // 3. Memory after many chats, some abandoned mid-stream.
  fake.reset();
  for (let i = 0; i < 20; i++) await chat({ player, message: `settle ${i}` });
  (global.gc ?? (() => {}))();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const rssBefore = rssMb(server.pid!);
  const total = Number(args.chats);
  const memoryPlayers = await Promise.all(Array.from({ length: 10 }, () => newPlayer()));
  for (let batch = 0; batch < total / 10; batch++) {
    await Promise.all(
      memoryPlayers.map((memoryPlayer, index) => chat({ player: memoryPlayer, message: `Chat ${batch}-${index}`, abortAfterFirstDelta: index === 0 })),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const rssAfter = rssMb(server.pid!);
  results.memory = { chats: total, aborted: total / 10, rss_before_mb: round(rssBefore), rss_after_mb: round(rssAfter), growth_mb: round(rssAfter - rssBefore) };
  console.log("memory", results.memory);
  await database.end();
} finally {
  server.kill("SIGTERM");
  await fake.close();
}

await mkdir(args.out, { recursive: true });
await writeFile(path.join(args.out, "chat.json"), JSON.stringify(results, null, 2));
console.log(`\nresults: ${path.join(args.out, "chat.json")}`);
process.exit(0);
