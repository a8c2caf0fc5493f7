#!/usr/bin/env bash
# HTTP benchmark of the packaged service (bootstrap/target/orderflow.jar) on embedded PostgreSQL, driven by wrk
# from a separate process on 127.0.0.1. Prints: startup time to the first served request with the database
# already initialised, RSS after warm-up, and req/s with p50/p99 latency of POST /orders (unique
# Idempotency-Keys), GET /orders/{id} and confirm transitions, at 16 and 64 connections. Results go to
# docs/benchmarks.md by hand, with the date and the machine.
#
#   bench/http.sh [seconds-per-run=10]
#   SKIP_BUILD=1 bench/http.sh      use the jar as it is
#   AOT=off bench/http.sh           package without Micronaut AOT (to compare startup)
#   STARTUP_ONLY=1 bench/http.sh    measure the startup only
#   AOT_CACHE=off bench/http.sh     without the JDK AOT cache that the build writes (bootstrap/target/orderflow.aot)
#   HEAP="-Xmx1g" bench/http.sh     other JVM options than the README's (besides the AOT cache; "HEAP=" for none)
#   JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/orderflow.jfr,settings=profile"   more JVM options
# The service runs as the README's run command starts it: the JVM options are read from README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
seconds="${1:-10}"
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install -y wrk)" >&2; exit 1; }

if [ -z "${SKIP_BUILD:-}" ]; then
  aot_flag=""
  if [ "${AOT:-on}" = off ]; then aot_flag="-Dorderflow.aot.skip=true"; fi
  mvn -q -DskipTests $aot_flag package
fi
jar=bootstrap/target/orderflow.jar
aot_state=$(if unzip -l "$jar" | grep "dev/orderflow/bootstrap/aot/generated/" >/dev/null; then echo on; else echo off; fi)

. bench/common.sh
bench_service_setup "$jar"
# the README's JVM options but its AOT cache option, which AOT_CACHE controls here
readme_opts=$(bench_readme_options_but_cache)

now_ms() { date +%s%3N; }

# Starts the service and waits for its first answered API request; sets `elapsed` to the milliseconds that took
# and `cpu` to the CPU time the JVM used until then (user + system; a figure that a busy machine distorts less).
start_service() {
  local launched; launched=$(now_ms)
  ORDERFLOW_PORT=$port ORDERFLOW_HOST=127.0.0.1 ORDERFLOW_DB_DATA_DIR="$work/data" \
    "$java" ${cache_opt:-} ${HEAP-$readme_opts} ${JAVA_OPTS:-} -jar "$jar" >>"$work/service.log" 2>&1 &
  pid=$!
  bench_await_service "$pid" "$work/service.log" "$launched"
}

if [ "${AOT_CACHE:-on}" != off ]; then
  # AOTMode=on: a cache the JVM refuses stops the run instead of measuring a start without it
  cache_opt="-XX:AOTCache=bootstrap/target/orderflow.aot -XX:AOTMode=on"; aot_state="$aot_state, JDK AOT cache"
fi
aot_state="$aot_state, options ${HEAP-$readme_opts}"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "first start (initialises the database in $work/data)..." >&2
start_service; first=$elapsed; bench_stop_service
startups=(); cpus=()
for run in 1 2 3; do
  start_service; startups+=("$elapsed"); cpus+=("$cpu")
  if [ "$run" -lt 3 ]; then bench_stop_service; fi
done
echo "startup to first served request: first start ${first} ms, then ${startups[*]} ms (JVM CPU ${cpus[*]} ms)" >&2
if [ -n "${STARTUP_ONLY:-}" ]; then
  echo "AOT $aot_state · load average before: $load_before · startup ${startups[*]} ms · JVM CPU ${cpus[*]} ms"
  exit 0
fi

mkdir -p "$work/ids/warmup" "$work/ids/c16" "$work/ids/c64" "$work/ids/prefill"
results="$work/results.md"
{
  echo "| endpoint | connections | req/s | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|---|"
} >"$results"

# Runs wrk and appends a row: endpoint, connections, then the wrk arguments.
measure() {
  local name=$1 connections=$2; shift 2
  local out; out=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@")
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  echo "| $name | $connections | $rps | $p50 | $p99 | ${errors:-0} |" >>"$results"
  echo "$name c=$connections: $rps req/s, p50 $p50, p99 $p99, non-2xx ${errors:-0}" >&2
}

echo "warm-up: POST /orders for ${seconds}s..." >&2
wrk -t2 -c16 -d"${seconds}s" -s bench/wrk/place.lua "$base" -- "$work/ids/warmup" >/dev/null
# resident memory in MB: the total, and the part that is file pages (the jar, the JDK, the AOT cache: shared
# between processes and reclaimable) rather than the process's own memory (heap, metaspace, stacks, code)
rss() { awk '/^(VmRSS|RssAnon|RssFile):/ {printf "%s%s %d MB", sep, $1, $2 / 1024; sep=", "}' "/proc/$pid/status"; }
rss_warm=$(rss)

measure "POST /api/v1/orders" 16 -s bench/wrk/place.lua "$base" -- "$work/ids/c16"
measure "POST /api/v1/orders" 64 -s bench/wrk/place.lua "$base" -- "$work/ids/c64"
one_id=$(head -1 "$(ls "$work"/ids/warmup/* | head -1)")
measure "GET /api/v1/orders/{id}" 16 -s bench/wrk/get.lua "$base" -- "$one_id"
measure "GET /api/v1/orders/{id}" 64 -s bench/wrk/get.lua "$base" -- "$one_id"
echo "prefill: POST /orders for $((2 * seconds))s, pending orders for the confirm runs (not measured)..." >&2
wrk -t2 -c64 -d"$((2 * seconds))s" -s bench/wrk/place.lua "$base" -- "$work/ids/prefill" >/dev/null
cat "$work"/ids/*/* >"$work/pending.txt"
half=$(( $(wc -l <"$work/pending.txt") / 2 ))
head -n "$half" "$work/pending.txt" >"$work/pending-a.txt"
tail -n +"$((half + 1))" "$work/pending.txt" >"$work/pending-b.txt"
measure "POST /api/v1/orders/{id}/confirm" 16 -s bench/wrk/confirm.lua "$base" -- "$work/pending-a.txt" 2
measure "POST /api/v1/orders/{id}/confirm" 64 -s bench/wrk/confirm.lua "$base" -- "$work/pending-b.txt" 2
rss_after=$(rss)

echo
echo "$(date -u +%Y-%m-%d) · $(nproc) cores · load average before the runs: $load_before · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · $("$java" -version 2>&1 | head -1) · AOT $aot_state · ${seconds}s per run, wrk -t2"
echo
echo "- startup to first served request (database initialised): ${startups[*]} ms, JVM CPU time until then ${cpus[*]} ms (first start, creating the database: ${first} ms)"
echo "- pending orders for the confirm runs: $half each (non-2xx confirms mean they ran out)"
echo "- resident memory after warm-up: $rss_warm; after all runs: $rss_after"
echo
cat "$results"
