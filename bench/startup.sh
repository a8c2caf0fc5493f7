#!/usr/bin/env bash
# Startup and resident memory of the packaged service, started with the JVM options of the README's run command
# (read from README.md, so the two cannot drift apart). Prints, for each build:
#   - startup to the first served request (`GET /api/v1/orders?limit=1`, wall time from `java` launched, and the
#     JVM's CPU time until then): on an external PostgreSQL (a fresh database; the first start migrates it and is
#     not counted), and on embedded PostgreSQL with its data directory already initialised;
#   - resident memory under load: POST /orders at 16 connections, then GET /orders/{id} at 64 (wrk, 127.0.0.1),
#     on embedded PostgreSQL; VmRSS (anonymous + file pages) after the load and its peak (VmHWM), with the req/s.
# Results go to docs/benchmarks.md by hand, with the date and the load average that the script prints.
#
#   bench/startup.sh [starts=3] [load-seconds=20]
#   SKIP_BUILD=1 bench/startup.sh                 use bootstrap/target as it is
#   JAVA_OPTS="-XX:AOTCache=bootstrap/target/orderflow.aot -Xmx256m" bench/startup.sh   other options than the README's
#   BEFORE=/tmp/before bench/startup.sh           also an earlier build, measured alternately with this one: a directory
#                                                 with its orderflow.jar and orderflow.aot (copied with `cp -p`: the
#                                                 cache checks the jar's time stamp); BEFORE_OPTS= its JVM options
#                                                 (default: the README's; the cache path is replaced by its own)
#   DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres   the server for the external rows (trust auth, user postgres);
#                                                 DB_URL= skips them
#   WARMUP=90 bench/startup.sh                    POST for that many seconds before the measured load (default 0), so
#                                                 that the JIT has compiled what the load runs (C2 takes minutes here)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
bench_jdk
starts="${1:-3}"
seconds="${2:-20}"
db_url="${DB_URL-jdbc:postgresql://127.0.0.1:5432/postgres}"
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install -y wrk)" >&2; exit 1; }
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -q -DskipTests package
fi

# the options between `java` and `-jar` in the README's run command
readme_opts=$(sed -n 's|.*/bin/java \(.*\) -jar bootstrap/target/orderflow.jar$|\1|p' README.md | head -1)
[ -n "$readme_opts" ] || { echo "no run command found in README.md" >&2; exit 1; }

labels=(now); dirs=("$PWD/bootstrap/target"); opts=("${JAVA_OPTS-$readme_opts}")
if [ -n "${BEFORE:-}" ]; then
  labels=(before now); dirs=("$(cd "$BEFORE" && pwd)" "${dirs[0]}"); opts=("${BEFORE_OPTS-$readme_opts}" "${opts[0]}")
fi

bench_service_setup "${dirs[-1]}/orderflow.jar"
if [ -n "$db_url" ]; then
  server=${db_url%/*}
  db="orderflow_startup_$$"
  psql_admin() { psql -X -q -h "$(sed 's|.*://\([^:/]*\).*|\1|' <<<"$server")" -p "$(sed -n 's|.*:\([0-9]*\)$|\1|p' <<<"$server")" \
    -U postgres -d postgres "$@"; }
  psql_admin -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  trap 'bench_cleanup; psql_admin -c "DROP DATABASE IF EXISTS $db" || true' EXIT
fi

now_ms() { date +%s%3N; }

# start_service INDEX MODE: starts build INDEX on the external database (MODE=external) or on its embedded one,
# and waits for the first answered API request; sets `elapsed` (ms) and `cpu` (JVM user + system ms until then).
start_service() {
  local i=$1 mode=$2 launched
  local jvm_opts=${opts[$i]//bootstrap\/target\/orderflow.aot/${dirs[$i]}/orderflow.aot}
  launched=$(now_ms)
  # shellcheck disable=SC2086  # the options are words
  if [ "$mode" = external ]; then
    ORDERFLOW_DB_URL="$server/$db" ORDERFLOW_DB_USER=postgres ORDERFLOW_PORT=$port ORDERFLOW_HOST=127.0.0.1 \
      "$java" -XX:AOTMode=on $jvm_opts -jar "${dirs[$i]}/orderflow.jar" >>"$work/${labels[$i]}.log" 2>&1 &
  else
    ORDERFLOW_DB_DATA_DIR="$work/${labels[$i]}-data" ORDERFLOW_PORT=$port ORDERFLOW_HOST=127.0.0.1 \
      "$java" -XX:AOTMode=on $jvm_opts -jar "${dirs[$i]}/orderflow.jar" >>"$work/${labels[$i]}.log" 2>&1 &
  fi
  pid=$!
  bench_await_service "$pid" "$work/${labels[$i]}.log" "$launched"
}

declare -A wall cpus
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
modes=(embedded); if [ -n "$db_url" ]; then modes=(external embedded); fi
for i in "${!labels[@]}"; do
  for mode in "${modes[@]}"; do
    echo "${labels[$i]} $mode: first start (creates or migrates the database, not counted)..." >&2
    start_service "$i" "$mode"; bench_stop_service
  done
done
for run in $(seq "$starts"); do
  for mode in "${modes[@]}"; do
    for i in "${!labels[@]}"; do
      start_service "$i" "$mode"; bench_stop_service
      wall[$i,$mode]+="$elapsed "; cpus[$i,$mode]+="$cpu "
      echo "${labels[$i]} $mode start $run: $elapsed ms (JVM CPU $cpu ms)" >&2
    done
  done
done
load_starts=$(cut -d' ' -f1-3 /proc/loadavg)

# wrk_rate ARGS...: req/s of one wrk run
wrk_rate() { wrk -t2 --timeout 10s "$@" | awk '/^Requests\/sec:/ {printf "%.0f", $2}'; }
kb_to_mb() { awk -v k="$1" 'BEGIN {printf "%d", k / 1024}'; }
status_kb() { awk -v key="$1:" '$1 == key {print $2}' "/proc/$pid/status"; }
declare -A memory rates
for i in "${!labels[@]}"; do
  start_service "$i" embedded
  mkdir -p "$work/ids-$i"
  if [ "${WARMUP:-0}" != 0 ]; then
    echo "${labels[$i]}: POST /orders for ${WARMUP}s at 16 connections (warm-up, not counted)..." >&2
    wrk_rate -c16 -d"${WARMUP}s" -s bench/wrk/place.lua "$base" -- "$work/ids-$i" >/dev/null
  fi
  echo "${labels[$i]}: POST /orders for ${seconds}s at 16 connections, then GET at 64 for ${seconds}s..." >&2
  post=$(wrk_rate -c16 -d"${seconds}s" -s bench/wrk/place.lua "$base" -- "$work/ids-$i")
  one_id=$(head -1 "$(ls "$work/ids-$i"/* | head -1)")
  get=$(wrk_rate -c64 -d"${seconds}s" -s bench/wrk/get.lua "$base" -- "$one_id")
  rates[$i]="POST $post req/s, GET $get req/s"
  memory[$i]="VmRSS $(kb_to_mb "$(status_kb VmRSS)") MB (anon $(kb_to_mb "$(status_kb RssAnon)"), file $(kb_to_mb "$(status_kb RssFile)")), peak VmHWM $(kb_to_mb "$(status_kb VmHWM)") MB"
  bench_stop_service
done

echo
echo "$(date -u '+%Y-%m-%d %H:%M') UTC · $(nproc) cores · load average before: $load_before, after the starts: $load_starts, now: $(cut -d' ' -f1-3 /proc/loadavg) · $("$java" -version 2>&1 | head -1)"
for i in "${!labels[@]}"; do
  echo
  echo "${labels[$i]}: java ${opts[$i]} -jar ${dirs[$i]}/orderflow.jar"
  for mode in "${modes[@]}"; do
    echo "- startup to the first served request, $mode: ${wall[$i,$mode]}ms (JVM CPU ${cpus[$i,$mode]}ms)"
  done
  echo "- under load (${WARMUP:-0}s POST warm-up; ${rates[$i]}): ${memory[$i]}"
done
