#!/usr/bin/env bash
# Builds or JVM options side by side: each run starts one of them on a fresh database of the external PostgreSQL
# with the README's JVM options, sends POST /orders for WARMUP seconds (not counted), then measures POST /orders at
# 16 and at 64 connections, the confirmation of the orders those runs placed at 16 and at 64 (each order once), and
# GET /orders/{id} at 64, and reads the resident memory after all of it. The candidates alternate within each
# round, so that the machine's drift falls on all of them.
#
#   bench/ab.sh [rounds=3] [seconds=15] CANDIDATE...
#   a CANDIDATE is DIR or DIR::JVM-OPTIONS: a directory with a build's orderflow.jar and orderflow.aot (copied with
#   `cp -p`: the cache checks the jar's time stamp), and options added to the README's, e.g.
#     bench/ab.sh 3 15 /tmp/before bootstrap/target "bootstrap/target::-Dorderflow.api.max-concurrent-requests=10"
#   SKIP_BUILD=1                             use bootstrap/target as it is
#   WARMUP=30                                seconds of POST before each measured run
#   PG="-h 127.0.0.1 -p 5432 -U postgres"    where the PostgreSQL server is (trust auth)
#
# Prints one row per run: req/s and p99 of each load, `non2xx=` where wrk saw other answers (a confirm run that ran
# out of pending orders: shorten the seconds), the RSS in MB, and the ERROR lines of the service's log.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
bench_jdk
rounds="${1:-3}"
seconds="${2:-15}"
shift $(( $# < 2 ? $# : 2 ))
[ $# -gt 0 ] || { echo "usage: bench/ab.sh [rounds] [seconds] DIR[::JVM-OPTIONS]..." >&2; exit 1; }
warmup="${WARMUP:-30}"
bench_external_pg
options="$(bench_readme_options_but_cache)"
bench_service_setup bootstrap/target/orderflow.jar
trap 'bench_cleanup; bench_drop_db' EXIT

# req/s and p99 of a wrk run, and the answers other than 2xx if there were any
summary() {
  awk '/^Requests\/sec:/ {rps = $2} $1 == "99%" {p99 = $2} /Non-2xx/ {other = " non2xx=" $5}
       END {printf "%.0f / %s%s", rps, p99, other}'
}

echo "| round | candidate | POST 16 | POST 64 | confirm 16 | confirm 64 | GET 64 | RSS MB | ERROR lines |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  for candidate in "$@"; do
    dir="$(cd "${candidate%%::*}" && pwd)"
    extra=""; [[ "$candidate" != *::* ]] || extra="${candidate#*::}"
    bench_start_on_new_db ab "$dir" $extra
    rm -rf "$work/ids"; mkdir -p "$work/ids"
    wrk -t2 -c64 -d"${warmup}s" -s bench/wrk/place.lua "$base" -- "$work/ids" >/dev/null
    post16=$(wrk -t2 -c16 -d"${seconds}s" --latency -s bench/wrk/place.lua "$base" -- "$work/ids" | summary)
    post64=$(wrk -t2 -c64 -d"${seconds}s" --latency -s bench/wrk/place.lua "$base" -- "$work/ids" | summary)
    # every order placed so far is pending: half of them for each confirm run, in random order
    cat "$work"/ids/*.txt | shuf >"$work/pending.txt"
    half=$(( $(wc -l <"$work/pending.txt") / 2 ))
    head -n "$half" "$work/pending.txt" >"$work/pending-1.txt"
    tail -n +"$((half + 1))" "$work/pending.txt" >"$work/pending-2.txt"
    confirm16=$(wrk -t2 -c16 -d"${seconds}s" --latency -s bench/wrk/confirm.lua "$base" -- "$work/pending-1.txt" 2 | summary)
    confirm64=$(wrk -t2 -c64 -d"${seconds}s" --latency -s bench/wrk/confirm.lua "$base" -- "$work/pending-2.txt" 2 | summary)
    get64=$(wrk -t2 -c64 -d"${seconds}s" --latency -s bench/wrk/get.lua "$base" -- "$(head -1 "$work/pending.txt")" | summary)
    rss=$(awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
    errors=$(grep -c ERROR "$work/service.log" || true)
    echo "| $round | ${candidate} | $post16 | $post64 | $confirm16 | $confirm64 | $get64 | $rss | $errors |"
    bench_stop_service
    bench_drop_db
  done
done
