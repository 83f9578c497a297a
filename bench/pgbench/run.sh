#!/usr/bin/env bash
# The database's ceiling: the save upsert and the load select straight from pgbench, no HTTP,
# no Node. Usage: bench/pgbench/run.sh <database> <output dir> [clients: "16 64"] [seconds: 10]
#   [modes: "prepared"]. -M prepared parses and plans once per connection, as the app's save and
# load do (named statements); -M extended sends an unnamed statement every time, as Prisma does
# (and the app behind `?pgbouncer=true`).
set -euo pipefail

DB=${1:?database name}
OUT=${2:?output directory}
CLIENTS=${3:-16 64}
SECONDS_EACH=${4:-10}
MODES=${5:-prepared}
HERE=$(cd "$(dirname "$0")" && pwd)
PGBENCH=$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)
CONN=(-h 127.0.0.1 -p 5432 -U postgres)
mkdir -p "$OUT"
rm -f "$OUT/pgbench.jsonl"

psql "${CONN[@]}" -d "$DB" -q -v ON_ERROR_STOP=1 -f "$HERE/seed.sql"

# The same mid-game state as bench/save-load.mjs, bound as parameters as the app binds them.
HEROES='[{"name":"Brakka Ironhide","class":"Fighter","hp":24},{"name":"Elowen Vex","class":"Wizard","hp":11},{"name":"Pip Quickfingers","class":"Rogue","hp":15},{"name":"Sister Maud","class":"Cleric","hp":18}]'
CHOICES='{"scene1":"ask-locals","scene2":"pick-lock","scene3":"track-wolves","scene4":"sing-toll","scene5":"cleric-prayer"}'
STATE="{\"scene_index\":6,\"party_name\":\"The Lantern Bearers 1\",\"heroes\":$HEROES,\"symbol_choice\":\"balance\",\"choices\":$CHOICES}"
VARS=(-D "party_name=The Lantern Bearers 1" -D "heroes=$HEROES" -D "symbol_choice=balance" -D "scene_index=6" -D "choices=$CHOICES" -D "state=$STATE")

echo "| script | mode | c | TPS | latency avg ms | p50 ms | p99 ms | failed |"
echo "|---|---|--:|--:|--:|--:|--:|--:|"
for mode in $MODES; do
  for script in upsert load; do
    for c in $CLIENTS; do
      name="$script-$mode-c$c"
      rm -f "$OUT/$name".*
      # -l logs every transaction's latency (µs, 3rd column) so p50/p99 can be computed.
      "$PGBENCH" "${CONN[@]}" -n -M "$mode" -c "$c" -j 2 -T "$SECONDS_EACH" "${VARS[@]}" \
        -f "$HERE/$script.sql" -l --log-prefix="$OUT/$name" "$DB" > "$OUT/$name.txt" 2>&1
      tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/$name.txt")
      avg=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/$name.txt")
      failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$OUT/$name.txt")
      read -r p50 p99 < <(cat "$OUT/$name".[0-9]* | awk '{print $3}' | sort -n |
        awk '{v[NR]=$1} END {printf "%.2f %.2f\n", v[int(NR*0.50)+1]/1000, v[int(NR*0.99)+1]/1000}')
      rm -f "$OUT/$name".[0-9]*
      echo "| $script | $mode | $c | ${tps%.*} | $avg | $p50 | $p99 | ${failed:-0} |"
      printf '{"script":"%s","mode":"%s","clients":%s,"tps":%s,"latencyAvgMs":%s,"p50ms":%s,"p99ms":%s,"failed":%s}\n' \
        "$script" "$mode" "$c" "$tps" "$avg" "$p50" "$p99" "${failed:-0}" >> "$OUT/pgbench.jsonl"
    done
  done
done
