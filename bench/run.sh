#!/usr/bin/env bash
# A full benchmark run (about 4 minutes, plus a build when needed): a fresh database, a
# production build when the current one is missing or stale, one server (HTTP scenarios, then
# pgbench with the server stopped), then one server per core. Everything targets 127.0.0.1;
# everything started here is stopped on exit, and the database is dropped.
#
#   bench/run.sh            (env: DURATION=10 WARMUP=2 seconds per scenario)
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
DB=taleshard_bench
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
RUN_DIR="bench/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

SERVER_PIDS=()

# Each server runs in its own session so that stopping its process group ends npx, next and
# anything next forked, and nothing else.
start_server() {
  local port=$1
  NODE_ENV=production setsid npx next start -p "$port" -H 127.0.0.1 \
    > "$RUN_DIR/server-$port.log" 2>&1 &
  SERVER_PIDS+=("$!")
}

stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill -TERM -- "-$pid" 2> /dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done
  SERVER_PIDS=()
}

cleanup() {
  stop_servers
  dropdb "${PG[@]}" --if-exists --force "$DB" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Rebuild when any input of the bundle is newer than the last build.
build_is_stale() {
  [[ ! -f .next/BUILD_ID ]] && return 0
  [[ -n $(find app lib components hooks public prisma/schema.prisma next.config.ts package-lock.json tsconfig.json \
    -newer .next/BUILD_ID -type f -print -quit 2> /dev/null) ]]
}

{ echo "start: $(uptime)"; echo "node $(node -v), $(nproc) cores, $(psql "${PG[@]}" -Atc 'show server_version'), rate limits in $RATE_LIMIT_STORE"; } > "$RUN_DIR/machine.txt"

log "fresh database $DB"
fresh_database "$DB" "$RUN_DIR/migrate.log"

if build_is_stale; then
  log "building (npm run build)"
  if ! timeout 300 npm run build > "$RUN_DIR/build.log" 2>&1; then
    tail -30 "$RUN_DIR/build.log" >&2
    log "the build failed (log: $RUN_DIR/build.log); retry once it is fixed"
    exit 1
  fi
fi

log "one server on :3300"
start_server 3300
wait_healthy 3300
timeout 300 node bench/save-load.mjs --url http://127.0.0.1:3300 --server-pid "${SERVER_PIDS[0]}" \
  --duration "$DURATION" --warmup "$WARMUP" --out "$RUN_DIR/single.json" | tee "$RUN_DIR/single.md"
stop_servers

# With the server stopped, so pgbench has the machine (and the connections) to itself;
# "extended" repeats it with the unnamed statements the app's driver sends.
log "pgbench"
timeout 180 bench/pgbench/run.sh "$DB" "$RUN_DIR/pgbench" "16 64" "$DURATION" "prepared extended" | tee "$RUN_DIR/pgbench.md"

log "one server per core on :3301 and :3302"
start_server 3301
start_server 3302
wait_healthy 3301
wait_healthy 3302
# --scaling measures :3301 alone right before both, so each scaling factor comes from one moment.
timeout 240 node bench/save-load.mjs --url http://127.0.0.1:3301 --url http://127.0.0.1:3302 --scaling \
  --server-pid "${SERVER_PIDS[0]}" --server-pid "${SERVER_PIDS[1]}" --connections 64 --no-seed \
  --duration "$DURATION" --warmup "$WARMUP" --out "$RUN_DIR/dual.json" | tee "$RUN_DIR/dual.md"

echo "end: $(uptime)" >> "$RUN_DIR/machine.txt"
cat "$RUN_DIR/machine.txt"
log "done: $RUN_DIR"
