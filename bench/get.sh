#!/usr/bin/env bash
# GET /api/v1/orders/{id} at 64 connections (wrk, one order), with the JVM's CPU time per GET, on the external
# PostgreSQL as the README's run command starts the service. With BEFORE, an earlier build runs alternately with this
# one, each on a new database: the issue's "no lower than today" is a comparison on one machine.
#
#   bench/get.sh [rounds=2] [seconds=20]
#   SKIP_BUILD=1 bench/get.sh               use bootstrap/target as it is
#   BEFORE=/tmp/before/bootstrap/target     also an earlier build: a directory with its orderflow.jar and
#                                           orderflow.aot (the target directory of another checkout, or a `cp -p` copy)
#   BEFORE_OPTS="-Xmx256m"                  that build's JVM options without the cache (default: this README's)
#   WARMUP=120                              seconds of GET before the measured runs (the JIT compiles for about
#                                           90 s of GET here before it settles; docs/benchmarks.md)
#   PG="-h 127.0.0.1 -p 5432 -U postgres"   where the PostgreSQL server is (trust auth)
#   LIMIT=50                                GET /api/v1/orders?limit=50 (a page of the listing) instead of one order
# Each start places orders for 10 s first (wrk, 16 connections), then GETs one of them (or the page): two measured
# runs per start.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
bench_jdk
bench_external_pg
bench_service_setup bootstrap/target/orderflow.jar
trap 'bench_stop_service; bench_drop_db; rm -rf "$work"' EXIT
rounds="${1:-2}"
seconds="${2:-20}"

labels=(now); dirs=("$PWD/bootstrap/target"); opts=("$(bench_readme_options_but_cache)")
if [ -n "${BEFORE:-}" ]; then
  labels=(before now); dirs=("$(cd "$BEFORE" && pwd)" "${dirs[0]}"); opts=("${BEFORE_OPTS-${opts[0]}}" "${opts[0]}")
fi

page=""; what="/api/v1/orders/{id}"
if [ -n "${LIMIT:-}" ]; then page="/api/v1/orders?limit=$LIMIT"; what="$page"; fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A results
for round in $(seq "$rounds"); do
  for i in "${!labels[@]}"; do
    options="${opts[$i]}"
    bench_start_on_new_db get "${dirs[$i]}"
    mkdir -p "$work/ids-$round-$i"
    wrk -t2 -c16 -d10s -s bench/wrk/place.lua "$base" -- "$work/ids-$round-$i" >/dev/null
    target="${page:-$(head -1 "$(ls "$work/ids-$round-$i"/* | head -1)")}"
    wrk -t2 -c64 -d"${WARMUP:-120}s" -s bench/wrk/get.lua "$base" -- "$target" >/dev/null
    for run in 1 2; do
      before_cpu=$(bench_cpu_ms "$pid")
      out=$(wrk -t2 -c64 -d"${seconds}s" --latency -s bench/wrk/get.lua "$base" -- "$target")
      used=$(( $(bench_cpu_ms "$pid") - before_cpu ))
      line=$(awk -v used="$used" -v s="$seconds" '/^Requests\/sec:/ {rps = $2} $1 == "99%" {p99 = $2}
        /Non-2xx/ {bad = $5} END {printf "%.0f req/s, p99 %s, JVM CPU %.3f ms per GET%s", rps, p99,
        used / (rps * s), bad ? ", " bad " not 200" : ""}' <<<"$out")
      echo "${labels[$i]}, round $round, run $run: $line" >&2
      results[$i]+="  round $round, run $run: $line"$'\n'
    done
    bench_stop_service
    bench_drop_db
  done
done

echo
echo "$(date -u '+%Y-%m-%d %H:%M') UTC · $(nproc) cores · load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) · GET $what, 64 connections, ${seconds}s per run after ${WARMUP:-120}s"
for i in "${!labels[@]}"; do
  echo "${labels[$i]}: java ${opts[$i]} -XX:AOTCache=${dirs[$i]}/orderflow.aot -jar ${dirs[$i]}/orderflow.jar"
  printf '%s' "${results[$i]}"
done
