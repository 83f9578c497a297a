#!/usr/bin/env node
// Summarizes a V8 .cpuprofile of the server (node --cpu-prof) by who spends the CPU time.
//
//   node bench/profile.mjs <file.cpuprofile> [--top 25]
//
// Turbopack bundles app code and most dependencies into .next/server/chunks; frames there
// are mapped back to their original files through the chunks' source maps. Node internals
// and native frames (streams, writev, JSON.parse...) are charged to the nearest caller that
// is not one, so "pg driver" includes the socket writes pg asks for.
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "25" } } });
if (positionals.length !== 1) throw new Error("usage: node bench/profile.mjs <file.cpuprofile> [--top 25]");
const top = Number(args.top);
const profile = JSON.parse(readFileSync(positionals[0], "utf8"));

// ---- frames to original locations ------------------------------------------------------

const sourceMaps = new Map();
function sourceMapOf(url) {
  if (!sourceMaps.has(url)) {
    let map = null;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8")));
    } catch {
      // no source map next to the file: keep the generated location
    }
    sourceMaps.set(url, map);
  }
  return sourceMaps.get(url);
}

/** { file, line, text }: the original file (relative to the project) and the line that starts the function. */
function locate({ url, lineNumber, columnNumber }) {
  const map = url.startsWith("file://") && url.includes("/.next/server/") ? sourceMapOf(url) : null;
  const entry = map?.findEntry(lineNumber, columnNumber);
  if (entry?.originalSource) {
    const file = decodeURIComponent(entry.originalSource).replace(/^.*?(?=node_modules\/|lib\/|app\/)/, "");
    const index = map.payload.sources.indexOf(entry.originalSource);
    const text = map.payload.sourcesContent?.[index]?.split("\n")[entry.originalLine]?.trim().slice(0, 90) ?? "";
    return { file, line: entry.originalLine + 1, text };
  }
  // Unbundled files (node_modules, or the project's own files under tsx): project-relative.
  return { file: url.replace(/^file:\/\/.*?\/(?=node_modules\/|lib\/|app\/)/, ""), line: lineNumber + 1, text: "" };
}

const CATEGORIES = [
  [/^node_modules\/zod\//, "zod (validation)"],
  [/^node_modules\/@prisma\/(adapter-pg|driver-adapter-utils)\//, "prisma adapter-pg"],
  [/^node_modules\/(@prisma\/client|\.prisma)\/|^lib\/generated\//, "prisma client runtime"],
  [/^wasm:\/\//, "prisma query compiler (wasm)"],
  [/^node_modules\/(pg|pg-protocol|pg-types|pg-pool|pg-cloudflare|postgres-\w+)\//, "pg driver"],
  [/^node_modules\/next\//, "next framework"],
  [/^(lib|app)\//, "app code"],
  [/\.next\/server\//, "next framework"], // generated route entries and runtime
  [/^node_modules\//, "other packages"],
];

const categoryOf = (file) => CATEGORIES.find(([pattern]) => pattern.test(file))?.[1] ?? null;

// ---- attributing samples ---------------------------------------------------------------

const nodes = new Map(profile.nodes.map((node) => [node.id, { ...node, parent: null }]));
for (const node of nodes.values()) for (const child of node.children ?? []) nodes.get(child).parent = node;
for (const node of nodes.values()) {
  const frame = node.callFrame;
  node.location = frame.url ? locate(frame) : { file: "", line: 0, text: "" };
  node.category = frame.url ? categoryOf(node.location.file) : null;
}

const selfMs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}

const byCategory = new Map();
const inclusive = new Map(); // app functions: time with the function anywhere on the stack
const bySelf = new Map();
let busyMs = 0;
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);

for (const [id, ms] of selfMs) {
  const leaf = nodes.get(id);
  const name = leaf.callFrame.functionName;
  if (name === "(idle)") continue;
  busyMs += ms;

  let owner = leaf;
  while (owner && !owner.category) owner = owner.parent;
  const special = ["(garbage collector)", "(program)"].includes(name) ? name : null;
  add(byCategory, special ?? owner?.category ?? "node (no JS caller)", ms);

  const self = `${leaf.callFrame.functionName || "(anonymous)"}  ${leaf.location.file}:${leaf.location.line}`;
  add(bySelf, self, ms);

  const seen = new Set();
  for (let node = leaf; node; node = node.parent) {
    if (node.category !== "app code") continue;
    const key = `${node.location.file}:${node.location.line}  ${node.location.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    add(inclusive, key, ms);
  }
}

const percent = (ms) => `${((ms / busyMs) * 100).toFixed(1).padStart(5)}%`;
const table = (map, limit) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, ms]) => `${percent(ms)}  ${key}`)
    .join("\n");

console.log(`busy CPU: ${(busyMs / 1000).toFixed(1)} s of ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled\n`);
console.log(`## by component (native and node: frames charged to their nearest caller)\n${table(byCategory, Infinity)}\n`);
console.log(`## app functions, inclusive (time with the function on the stack)\n${table(inclusive, top)}\n`);
console.log(`## hottest functions, self time\n${table(bySelf, top)}`);
