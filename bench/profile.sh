#!/usr/bin/env bash
# Where one route spends its CPU: the production server under node --cpu-prof, driven by
# save-load.mjs on that route alone, then summarized by bench/profile.mjs.
#
#   bench/profile.sh save|load|trivial [connections=16] [seconds=10]
#
# Needs a current build (npm run build). Uses its own database and port (3310), so it does
# not collide with bench/run.sh; the database is dropped and the server stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUTE=${1:?usage: bench/profile.sh save|load|trivial [connections] [seconds]}
CONNECTIONS=${2:-16}
SECONDS_EACH=${3:-10}
source bench/common.sh
DB=taleshard_bench_profile
OUT="bench/results/profile-$ROUTE-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

SERVER_PID=
cleanup() {
  if [[ -n $SERVER_PID ]]; then kill -TERM "$SERVER_PID" 2> /dev/null || true; wait "$SERVER_PID" 2> /dev/null || true; fi
  dropdb "${PG[@]}" --if-exists --force "$DB" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ -f .next/BUILD_ID ]] || { echo "no build: run npm run build first" >&2; exit 1; }
fresh_database "$DB" "$OUT/migrate.log"
# Seeded with SQL rather than through the API, so the profile holds only the route under test.
psql "${PG[@]}" -d "$DB" -q -v ON_ERROR_STOP=1 -f bench/pgbench/seed.sql

# node itself (not npx) so the profile is the server's; on SIGTERM it exits and writes the profile.
NODE_ENV=production node --cpu-prof --cpu-prof-dir="$OUT" node_modules/next/dist/bin/next start -p 3310 -H 127.0.0.1 \
  > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
wait_healthy 3310

node bench/save-load.mjs --url http://127.0.0.1:3310 --routes "$ROUTE" --connections "$CONNECTIONS" --no-seed \
  --duration "$SECONDS_EACH" --database "$DB" --server-pid "$SERVER_PID" --out "$OUT/save-load.json"
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || true
SERVER_PID=

node bench/profile.mjs "$OUT"/*.cpuprofile | tee "$OUT/summary.txt"
