#!/usr/bin/env bash
# Same-shape controls for save and load, about 6 minutes plus a build. It answers two questions
# the trivial-route ratio cannot:
#   - how much of a route's cost is Next's own handling of its shape: a dynamic segment (load),
#     a JSON body read in full (save)? get-constant and post-constant have those shapes and
#     return what the trivial route returns;
#   - how much do the session check and the rate limit add (issue 3's budget)? load-anonymous
#     and save-anonymous do everything load and save do except those two.
# The controls live in bench/controls/app and must never ship (the anonymous ones take the owner
# from a header), so they are built into a throwaway copy of the app. Limits count in Redis, as
# in production, when one answers on REDIS_URL (default redis://127.0.0.1:6379).
#
#   bench/controls.sh            (env: DURATION=6 WARMUP=2 ROUNDS=5 CONNECTIONS=64, ROUTES=a,b,…)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

source bench/common.sh
DB=taleshard_bench_controls
PORT=3320
RUN_DIR="bench/results/controls-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"
COPY=$(mktemp -d "${TMPDIR:-/tmp}/taleshard-controls.XXXXXX")

log() { echo "[controls $(date +%H:%M:%S)] $*" >&2; }

SERVER_PID=
cleanup() {
  if [[ -n $SERVER_PID ]]; then kill -TERM -- "-$SERVER_PID" 2> /dev/null || true; wait "$SERVER_PID" 2> /dev/null || true; fi
  dropdb "${PG[@]}" --if-exists --force "$DB" || true
  rm -rf "$COPY"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "copying the app to $COPY and adding the control routes"
cp -r app components hooks lib public proxy.ts instrumentation.ts next.config.ts next-env.d.ts tsconfig.json package.json "$COPY/"
cp -r bench/controls/app/. "$COPY/app/"
ln -s "$ROOT/node_modules" "$COPY/node_modules"
# node_modules is a link out of the copy: let Turbopack read files above the copy's folder.
mv "$COPY/next.config.ts" "$COPY/next.config.app.ts"
cat > "$COPY/next.config.ts" << 'TS'
import type { NextConfig } from "next";
import appConfig from "./next.config.app";

const config: NextConfig = { ...appConfig, turbopack: { ...appConfig.turbopack, root: "/" } };
export default config;
TS

log "building the copy"
(cd "$COPY" && timeout 300 npx next build) > "$RUN_DIR/build.log" 2>&1 || { tail -30 "$RUN_DIR/build.log" >&2; exit 1; }

log "fresh database $DB"
fresh_database "$DB" "$RUN_DIR/migrate.log"
psql "${PG[@]}" -d "$DB" -q -v ON_ERROR_STOP=1 -f bench/pgbench/seed.sql

(cd "$COPY" && NODE_ENV=production setsid node node_modules/next/dist/bin/next start -p "$PORT" -H 127.0.0.1) \
  > "$RUN_DIR/server.log" 2>&1 &
SERVER_PID=$!
wait_healthy "$PORT"

{ echo "start: $(uptime)"; echo "node $(node -v), $(nproc) cores, rate limits in $RATE_LIMIT_STORE"; } > "$RUN_DIR/machine.txt"
timeout 900 node bench/save-load.mjs --url "http://127.0.0.1:$PORT" --server-pid "$SERVER_PID" --database "$DB" --no-seed \
  --routes "${ROUTES:-trivial,get-constant,load-anonymous,load,post-constant,save-anonymous,save}" \
  --connections "${CONNECTIONS:-64}" --rounds "${ROUNDS:-5}" --duration "${DURATION:-6}" --warmup "${WARMUP:-2}" \
  --out "$RUN_DIR/controls.json" | tee "$RUN_DIR/controls.md"
echo "end: $(uptime)" >> "$RUN_DIR/machine.txt"
log "done: $RUN_DIR"
