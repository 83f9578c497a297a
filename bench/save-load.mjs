#!/usr/bin/env node
// HTTP benchmark of the save/load API against the trivial route (the framework's ceiling).
//
//   node bench/save-load.mjs [--url http://127.0.0.1:3300]... [--connections 16,64]
//        [--duration 10] [--warmup 2] [--routes trivial,save,load] [--server-pid PID]...
//        [--database taleshard_bench] [--out bench/results/x.json] [--no-seed] [--scaling] [--rounds 1]
//
// With several --url, every scenario runs one autocannon instance per URL at the same time,
// each with its share of the connections, and sums their throughput (there is no load
// balancer here); --scaling also runs each scenario on the first URL alone, just before.
// --server-pid (a server's process tree) and --database (its Postgres backends) let it
// attribute CPU time; "cores" in the table are CPU seconds per wall-clock second.
// --rounds N runs the whole sequence N times and reports, per scenario, the round with the
// median req/s. The routes get-constant, post-constant, load-anonymous and save-anonymous exist
// only in the control build of bench/controls.sh.
import { execFileSync } from "node:child_process";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { benchSessionId, benchState, SESSIONS } from "./workload.mjs";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", multiple: true, default: ["http://127.0.0.1:3300"] },
    connections: { type: "string", default: "16,64" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    routes: { type: "string", default: "trivial,save,load" },
    "server-pid": { type: "string", multiple: true, default: [] },
    database: { type: "string", default: "taleshard_bench" },
    out: { type: "string" },
    scaling: { type: "boolean", default: false },
    "no-seed": { type: "boolean", default: false },
    rounds: { type: "string", default: "1" },
  },
});

const urls = args.url;
const connectionLevels = args.connections.split(",").map(Number);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const routes = args.routes.split(",");
const serverPids = args["server-pid"].map(Number);
const rounds = Number(args.rounds);

for (const url of urls) {
  if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname)) throw new Error(`refusing to load a non-local host: ${url}`);
}

// ---- the workload -----------------------------------------------------------------------

const sessionIds = Array.from({ length: SESSIONS }, (_, i) => benchSessionId(i));

const saveBody = (sessionId, i) => JSON.stringify({ session_id: sessionId, state: benchState(i) });

// Bodies are built once so the client spends no CPU on JSON per request.
const saveBodies = sessionIds.map(saveBody);

// The save/load API needs a session: sign in once as a guest, as a browser's first visit does,
// and send that cookie (and our Origin, for the CSRF check) like the game's pages do.
// A server without accounts answers 404 there and gets no cookie.
const authHeadersByUrl = new Map();
/** The guest's user id (the anonymous controls save and load as this owner). */
let benchUserId = "";

async function signInAsGuest(url) {
  const response = await fetch(`${url}/api/auth/guest?callbackUrl=/`, { redirect: "manual" });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("authjs.session-token="));
  authHeadersByUrl.set(url, cookie ? { cookie: cookie.split(";")[0], origin: url } : {});
  const account = await fetch(`${url}/api/v1/account`, { headers: authHeadersByUrl.get(url) });
  if (account.status === 200) benchUserId = (await account.json()).id;
}

/** One autocannon request template per route, cycling through the sessions (one counter for all connections). */
function requestsFor(route, url) {
  const auth = authHeadersByUrl.get(url) ?? {};
  const anonymous = { "x-bench-owner": benchUserId };
  // Paths and bodies are built up front so the client spends no CPU on them per request.
  const get = (headers, pathOf) => {
    const paths = sessionIds.map(pathOf);
    let next = 0;
    return { method: "GET", headers, requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % SESSIONS] }) }] };
  };
  const post = (headers, path) => {
    let next = 0;
    return {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      requests: [{ setupRequest: (req) => ({ ...req, path, body: saveBodies[next++ % SESSIONS] }) }],
    };
  };
  switch (route) {
    case "trivial":
      return { method: "GET", requests: [{ path: "/api/health/live" }] };
    case "save":
      return post(auth, "/api/v1/save");
    case "load":
      return get(auth, (id) => `/api/v1/load/${id}`);
    // The controls of bench/controls.sh: the same shapes without our work, and our work without the session.
    case "get-constant":
      return get(auth, (id) => `/api/bench/constant/${id}`);
    case "post-constant":
      return post(auth, "/api/bench/constant-post");
    case "load-anonymous":
      return get(anonymous, (id) => `/api/bench/anonymous/load/${id}`);
    case "save-anonymous":
      return post(anonymous, "/api/bench/anonymous/save");
    default:
      throw new Error(`unknown route: ${route}`);
  }
}

// Load needs every id to exist; saving them once also warms the save path.
async function seed(url) {
  for (let i = 0; i < SESSIONS; i += 16) {
    await Promise.all(
      saveBodies.slice(i, i + 16).map(async (body) => {
        const response = await fetch(`${url}/api/v1/save`, { method: "POST", headers: { "content-type": "application/json", ...authHeadersByUrl.get(url) }, body });
        if (response.status !== 200) throw new Error(`seeding failed: HTTP ${response.status} ${await response.text()}`);
      }),
    );
  }
  const check = await fetch(`${url}/api/v1/load/${sessionIds[SESSIONS - 1]}`, { headers: authHeadersByUrl.get(url) });
  if (check.status !== 200) throw new Error(`seeded session does not load: HTTP ${check.status}`);
}

// With --no-seed, the parties come from bench/pgbench/seed.sql; they belong to a fixed bench user,
// so hand them to the guest this run signed in as (loads are owner-scoped).
const SEED_OWNER_ID = "00000000-0000-4000-8000-0000000b0b0b";

function adoptSeededParties() {
  if (!benchUserId) throw new Error("the bench guest has no account id (did the sign-in fail?)");
  const sql = `UPDATE parties SET owner_id = '${benchUserId}'::uuid WHERE owner_id = '${SEED_OWNER_ID}'::uuid`;
  execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-d", args.database, "-qc", sql]);
}

// ---- CPU accounting (Linux /proc) ------------------------------------------------------

const CLOCK_TICK_S = 0.01; // USER_HZ is 100 on Linux

async function procStat(pid) {
  try {
    const text = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesized command name: state ppid ... utime(14) stime(15).
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_S };
  } catch {
    return null; // the process ended meanwhile
  }
}

/** CPU seconds of the server trees, of the Postgres backends serving --database, and of the machine. */
async function cpuSnapshot() {
  const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name)).map(Number);
  const stats = new Map();
  await Promise.all(pids.map(async (pid) => stats.set(pid, await procStat(pid))));

  const serverTree = new Set(serverPids);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (stat && serverTree.has(stat.ppid) && !serverTree.has(pid)) {
        serverTree.add(pid);
        grew = true;
      }
    }
  }
  let server = 0;
  for (const pid of serverTree) server += stats.get(pid)?.cpu ?? 0;

  const postgres = new Map();
  await Promise.all(
    pids.map(async (pid) => {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
      if (cmdline.startsWith("postgres:") && cmdline.includes(` ${args.database} `)) postgres.set(pid, stats.get(pid)?.cpu ?? 0);
    }),
  );

  const [, ...ticks] = (await readFile("/proc/stat", "utf8")).split("\n")[0].trim().split(/\s+/).map(Number);
  const machineIdle = (ticks[3] + ticks[4]) * CLOCK_TICK_S; // idle + iowait
  const machineTotal = ticks.reduce((sum, t) => sum + t, 0) * CLOCK_TICK_S;

  const { user, system } = process.cpuUsage();
  return { at: performance.now(), server, postgres, client: (user + system) / 1e6, machineIdle, machineTotal };
}

/** Average cores busy per consumer between two snapshots (Postgres backends born meanwhile count from 0). */
function cpuBetween(before, after) {
  const seconds = (after.at - before.at) / 1000;
  let postgres = 0;
  for (const [pid, cpu] of after.postgres) postgres += cpu - (before.postgres.get(pid) ?? 0);
  const machineBusy = after.machineTotal - before.machineTotal - (after.machineIdle - before.machineIdle);
  return {
    serverCores: serverPids.length ? round((after.server - before.server) / seconds, 2) : null,
    postgresCores: round(postgres / seconds, 2),
    clientCores: round((after.client - before.client) / seconds, 2),
    machineCores: round(machineBusy / seconds, 2),
  };
}

// ---- running ----------------------------------------------------------------------------

const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function fire(url, route, connections, seconds) {
  return autocannon({ url, connections, duration: seconds, timeout: 10, ...requestsFor(route, url) });
}

/** One scenario: every target URL at once, the connections split between them. */
async function scenario(route, connections, targets) {
  const share = Math.max(1, Math.floor(connections / targets.length));
  if (warmup > 0) await Promise.all(targets.map((url) => fire(url, route, share, warmup)));

  const before = await cpuSnapshot();
  const results = await Promise.all(targets.map((url) => fire(url, route, share, duration)));
  const cpu = cpuBetween(before, await cpuSnapshot());

  const sum = (pick) => results.reduce((total, r) => total + pick(r), 0);
  const reqPerSec = sum((r) => r.requests.average);
  return {
    route,
    processes: targets.length,
    connections: share * targets.length,
    reqPerSec: round(reqPerSec),
    // Percentiles of separate instances cannot be merged: keep the worst one.
    p50ms: Math.max(...results.map((r) => r.latency.p50)),
    p99ms: Math.max(...results.map((r) => r.latency.p99)),
    meanMs: round(Math.max(...results.map((r) => r.latency.average)), 2),
    requests: sum((r) => r.requests.total),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    cpu,
    // CPU milliseconds each request cost the server and Postgres: load-independent cost figures.
    serverCpuMsPerReq: cpu.serverCores === null ? null : round((cpu.serverCores / reqPerSec) * 1000, 3),
    postgresCpuMsPerReq: round((cpu.postgresCores / reqPerSec) * 1000, 3),
  };
}

const find = (results, route, connections, processes) =>
  results.find((r) => r.route === route && r.connections === connections && r.processes === processes);

/** Each route against the trivial route, and against its control when that was measured too. */
const RATIOS = [
  ["save", "trivial"],
  ["load", "trivial"],
  ["post-constant", "trivial"],
  ["get-constant", "trivial"],
  ["save", "post-constant"],
  ["load", "get-constant"],
  ["save", "save-anonymous"],
  ["load", "load-anonymous"],
];

const perRound = (result) => result.roundsReqPerSec ?? [result.reqPerSec];
const median = (values) => values.toSorted((x, y) => x - y)[Math.floor((values.length - 1) / 2)];

/**
 * With several rounds, the median of the per-round ratios: each compares two scenarios measured
 * seconds apart, so drifts of the machine's speed between rounds cancel out.
 */
function ratiosAt(results, connections, processes) {
  const ratios = {};
  for (const [route, baseline] of RATIOS) {
    const value = find(results, route, connections, processes);
    const base = find(results, baseline, connections, processes);
    if (!value || !base) continue;
    const baseRounds = perRound(base);
    ratios[`${route}/${baseline}`] = round(median(perRound(value).map((reqPerSec, i) => reqPerSec / baseRounds[i])), 3);
  }
  return { connections, processes, ratios };
}

function markdown(results, ratios, scaling) {
  const lines = [
    "| route | processes | c | req/s | p50 ms | p99 ms | errors | non-2xx | server cores | pg cores | client cores | machine cores | server CPU ms/req | pg CPU ms/req |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const r of results) {
    lines.push(
      `| ${r.route} | ${r.processes} | ${r.connections} | ${r.reqPerSec} | ${r.p50ms} | ${r.p99ms} | ${r.errors} | ${r.non2xx} | ${r.cpu.serverCores ?? "–"} | ${r.cpu.postgresCores} | ${r.cpu.clientCores} | ${r.cpu.machineCores} | ${r.serverCpuMsPerReq ?? "–"} | ${r.postgresCpuMsPerReq} |`,
    );
  }
  lines.push("");
  for (const ratio of ratios) {
    const listed = Object.entries(ratio.ratios).map(([name, value]) => `${name} = ${value}`);
    lines.push(`At c=${ratio.connections}, ${ratio.processes} process(es): ${listed.join(", ") || "–"}`);
  }
  for (const s of scaling) lines.push(`Scaling, ${s.route} at c=${s.connections}: ${urls.length} processes = ${s.factor ?? "–"} × 1 process`);
  return lines.join("\n");
}

/** Per scenario, the round with the median req/s; every round's req/s is kept beside it. */
function medianRounds(measured) {
  const byScenario = new Map();
  for (const r of measured) {
    const key = `${r.route} ${r.connections} ${r.processes}`;
    byScenario.set(key, [...(byScenario.get(key) ?? []), r]);
  }
  return [...byScenario.values()].map((all) => {
    const sorted = all.toSorted((a, b) => a.reqPerSec - b.reqPerSec);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    return all.length > 1 ? { ...median, roundsReqPerSec: all.map((r) => r.reqPerSec) } : median;
  });
}

async function main() {
  // One guest for all servers: they share the database and the AUTH_SECRET.
  await signInAsGuest(urls[0]);
  for (const url of urls.slice(1)) authHeadersByUrl.set(url, { ...authHeadersByUrl.get(urls[0]), origin: url });
  if (routes.some((route) => route.startsWith("load"))) await (args["no-seed"] ? adoptSeededParties() : seed(urls[0]));

  // --scaling: each route on the first server alone, then on all of them, back to back, so
  // the comparison shares the machine's (fluctuating) load.
  const layouts = args.scaling ? [[urls[0]], urls] : [urls];
  const loadBefore = os.loadavg();
  const measured = [];
  for (let round = 1; round <= rounds; round++) {
    for (const connections of connectionLevels) {
      for (const route of routes) {
        for (const targets of layouts) {
          const result = await scenario(route, connections, targets);
          console.error(`${rounds > 1 ? `round ${round}: ` : ""}${route} c=${result.connections} x${result.processes}: ${result.reqPerSec} req/s, p99 ${result.p99ms} ms`);
          measured.push(result);
        }
      }
    }
  }
  const results = medianRounds(measured);

  const ratios = connectionLevels.flatMap((c) => layouts.map((targets) => ratiosAt(results, c, targets.length)));
  const scaling = !args.scaling
    ? []
    : connectionLevels.flatMap((c) =>
        routes.map((route) => {
          const one = find(results, route, c, 1)?.reqPerSec;
          const all = find(results, route, c, urls.length)?.reqPerSec;
          return { route, connections: c, factor: one && all ? round(all / one, 2) : null };
        }),
      );
  const report = {
    date: new Date().toISOString(),
    urls,
    durationS: duration,
    rounds,
    warmupS: warmup,
    sessions: SESSIONS,
    machine: { cpus: os.cpus().length, node: process.version, loadavgBefore: loadBefore.map((l) => round(l, 2)), loadavgAfter: os.loadavg().map((l) => round(l, 2)) },
    results,
    ratios,
    scaling,
  };

  const out = args.out ?? path.join(import.meta.dirname, "results", `save-load-${report.date.replaceAll(":", "-")}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(report, null, 2));

  console.log(markdown(results, ratios, scaling));
  const failed = results.filter((r) => r.errors || r.non2xx);
  for (const r of failed) console.error(`WARNING: ${r.route} c=${r.connections} x${r.processes}: ${r.errors} errors, ${r.non2xx} non-2xx (a rate limit? see the server log)`);
  console.log(`\nload average before/after: ${report.machine.loadavgBefore.join(" ")} / ${report.machine.loadavgAfter.join(" ")}; raw results: ${out}`);
}

await main();
