# Shared by the bench scripts (sourced, from the repository root): the local services, the
# production server's environment, and a fresh migrated database.

PG=(-h 127.0.0.1 -p 5432 -U postgres)
export NEXT_TELEMETRY_DISABLED=1
# The production server signs session cookies.
export AUTH_SECRET="${AUTH_SECRET:-$(head -c 32 /dev/urandom | base64 | tr -d '\n')}"
# Rate limits count in Redis, as in production, when one answers (else in memory, and we say so).
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
if ! redis-cli -u "$REDIS_URL" ping > /dev/null 2>&1; then
  echo "[bench] no Redis at $REDIS_URL: rate limits count in memory" >&2
  unset REDIS_URL
fi
RATE_LIMIT_STORE=${REDIS_URL:+Redis}
RATE_LIMIT_STORE=${RATE_LIMIT_STORE:-memory}
# All requests come from one IP: the save limit is raised so that the limiter stays in the path
# (one Redis round trip per save) without ever answering 429.
export RATE_LIMIT_SAVE_PER_MINUTE=1000000000
# Every run signs in fresh guests from the same address.
export RATE_LIMIT_GUEST_PER_HOUR=1000000000

# fresh_database <name> <log file>: (re)creates the database and applies the migrations.
fresh_database() {
  export DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$1"
  dropdb "${PG[@]}" --if-exists --force "$1" 2> /dev/null
  createdb "${PG[@]}" "$1"
  npm run --silent db:deploy > "$2" 2>&1 || { cat "$2" >&2; return 1; }
}

# wait_healthy <port>: until the server answers /api/health (60 s at most).
wait_healthy() {
  for _ in $(seq 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$1/api/health" && return 0
    sleep 0.5
  done
  echo "[bench] the server on :$1 did not become healthy" >&2
  return 1
}
