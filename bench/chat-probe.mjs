// Latency probe for bench/chat.mts, in its own process so the load the main script generates
// (200 streams, the fake provider) cannot slow the measurement itself.
//   node bench/chat-probe.mjs <base> <cookie> <sessionId> <count>  → JSON {save: ms[], live: ms[]} on stdout
const [base, cookie, sessionId, countText] = process.argv.slice(2);
const count = Number(countText);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const state = { scene_index: 4, party_name: "The Bench", heroes: [{ name: "Bram", class: "Fighter", hp: 25 }], symbol_choice: null, choices: {} };

async function timed(request) {
  const started = now();
  const response = await request();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return now() - started;
}

// Untimed: a process's first fetch loads Node's HTTP client, which is slow on a busy machine.
await (await fetch(`${base}/api/health/live`)).arrayBuffer();

const save = [];
const live = [];
// Side by side: a slow save next to a fast liveness answer points at the database path, both slow at the event loop.
for (let i = 0; i < count; i++) {
  const [saveMs, liveMs] = await Promise.all([
    timed(() =>
      fetch(`${base}/api/v1/save`, {
        method: "POST",
        headers: { cookie, origin: base, "content-type": "application/json" },
        body: JSON.stringify({ session_id: `${sessionId}-probe`, state }),
      }),
    ),
    timed(() => fetch(`${base}/api/health/live`)),
  ]);
  save.push(saveMs);
  live.push(liveMs);
}
process.stdout.write(JSON.stringify({ save, live }));
