#!/usr/bin/env bash
# POST /orders under wrk, with what each placement cost: the service's throughput, PostgreSQL's commits per placed
# order (below 1 when keyed placements are committed in groups), and the CPU time per order of the JVM and of the
# PostgreSQL server (from /proc, as bench/cpu.sh reads it). With BEFORE, an earlier build runs alternately with this
# one, so that the machine's drift falls on both.
#
# Each run starts the jar on a fresh database of the external PostgreSQL with the README's JVM options, sends POST
# /orders for WARMUP seconds (not counted), then for the measured seconds, and reads the database's transaction
# count (pg_stat_database.xact_commit, which also counts the service's few other transactions) and the orders
# table before and after.
#
#   bench/commits.sh [rounds=3] [seconds=20] [connections=16 64]
#   SKIP_BUILD=1 bench/commits.sh            use the jar as it is
#   WARMUP=60                                seconds of POST before each measured run
#   BEFORE=/tmp/before bench/commits.sh      also an earlier build (a directory with its orderflow.jar and
#                                            orderflow.aot, copied with `cp -p`), measured alternately with this one
#   JAVA_OPTS="-Dorderflow.api.max-concurrent-requests=32"   more JVM options for this build's runs
#   PG="-h 127.0.0.1 -p 5432 -U postgres"    where the PostgreSQL server is (trust auth; run it where nothing else
#                                            uses that server: its CPU is summed over all its processes)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
bench_jdk
rounds="${1:-3}"
seconds="${2:-20}"
shift $(( $# < 2 ? $# : 2 ))
connection_counts=("${@:-16 64}")
connection_counts=(${connection_counts[*]})
warmup="${WARMUP:-60}"
bench_external_pg

labels=(now); dirs=("$PWD/bootstrap/target"); opts=("${JAVA_OPTS:-}")
if [ -n "${BEFORE:-}" ]; then labels=(before now); dirs=("$(cd "$BEFORE" && pwd)" "${dirs[0]}"); opts=("" "${JAVA_OPTS:-}"); fi
options="$(bench_readme_options_but_cache)"

bench_service_setup bootstrap/target/orderflow.jar
trap 'bench_cleanup; bench_drop_db' EXIT
q() { psql "${pg[@]}" -Atc "$1" -d "$db"; }

echo "| round | connections | build | POST req/s | p99 | orders | commits per order | JVM CPU per order | PostgreSQL CPU per order |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  for connections in "${connection_counts[@]}"; do
    for i in "${!labels[@]}"; do
      bench_start_on_new_db commits "${dirs[$i]}" ${opts[$i]}
      mkdir -p "$work/ids"
      wrk -t2 -c"$connections" -d"${warmup}s" -s bench/wrk/place.lua "$base" -- "$work/ids" >/dev/null
      commits0=$(q "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
      orders0=$(q "SELECT count(*) FROM orders")
      jvm0=$(bench_cpu_ms "$pid"); pg0=$(bench_cpu_ms $(pgrep -x postgres))
      out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/wrk/place.lua "$base" -- "$work/ids")
      jvm1=$(bench_cpu_ms "$pid"); pg1=$(bench_cpu_ms $(pgrep -x postgres))
      commits1=$(q "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
      orders1=$(q "SELECT count(*) FROM orders")
      bench_stop_service
      bench_drop_db; rm -rf "$work/ids"
      orders=$((orders1 - orders0))
      rate=$(awk '/^Requests\/sec/ {printf "%d", $2}' <<<"$out")
      p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
      awk -v r="$round" -v c="$connections" -v b="${labels[$i]}" -v rate="$rate" -v p99="$p99" -v o="$orders" \
        -v commits=$((commits1 - commits0)) -v jvm=$((jvm1 - jvm0)) -v pgcpu=$((pg1 - pg0)) 'BEGIN {
          printf "| %s | %s | %s | %s | %s | %d | %.2f | %.0f µs | %.0f µs |\n", r, c, b, rate, p99, o,
            commits / o, jvm * 1000 / o, pgcpu * 1000 / o }'
    done
  done
done
