#!/usr/bin/env bash
# The game-master chat benchmark (about 3 minutes, plus a build when needed): a fresh database,
# the production server talking to the tests' fake Gemini server, then bench/chat.mts (overhead
# before the first streamed byte, 200 concurrent streams, memory after 1,000 chats).
#
#   bench/chat.sh            (env: OVERHEAD=300 STORM=200 CHATS=1000)
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
DB=taleshard_bench_chat
RUN_DIR="bench/results/chat-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"
trap 'dropdb "${PG[@]}" --if-exists --force "$DB" || true' EXIT

{ echo "start: $(uptime)"; echo "node $(node -v), $(nproc) cores, rate limits in $RATE_LIMIT_STORE"; } > "$RUN_DIR/machine.txt"
fresh_database "$DB" "$RUN_DIR/migrate.log"
if [[ ! -f .next/BUILD_ID ]] || [[ -n $(find app lib components hooks next.config.ts -newer .next/BUILD_ID -type f -print -quit) ]]; then
  echo "[chat] building" >&2
  npm run build > "$RUN_DIR/build.log" 2>&1 || { tail -30 "$RUN_DIR/build.log" >&2; exit 1; }
fi
npx tsx --conditions=react-server bench/chat.mts --database "$DB" --out "$RUN_DIR" \
  --overhead "${OVERHEAD:-300}" --storm "${STORM:-200}" --chats "${CHATS:-1000}"
echo "end: $(uptime)" >> "$RUN_DIR/machine.txt"
