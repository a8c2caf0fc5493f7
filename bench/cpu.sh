#!/usr/bin/env bash
# CPU time per request: how much of the machine one POST /orders (and one GET /orders/{id}) costs the service's JVM
# and the PostgreSQL server. Unlike req/s, the figure hardly depends on what else the machine runs, so it shows
# a change of the service's own overhead on a noisy 2-core VM, and it bounds what the service can reach:
# cores / (JVM + PostgreSQL CPU per request) requests per second at best.
#
# Each round starts the jar on a fresh database of the external PostgreSQL with the README's JVM options, warms
# up (POST and GET with wrk, not counted), then sends requests at a constant rate well below saturation
# (bench/OpenLoop.java) and reads the CPU times from /proc before and after: the JVM's (user + system) and the sum
# over the server's processes (the whole server: run it where nothing else uses that PostgreSQL). It also prints
# the JVM's CPU while idle (ms per second), the part of each figure that is not the requests'.
#
#   bench/cpu.sh [rounds=3] [rate=150] [seconds=20]
#   SKIP_BUILD=1 bench/cpu.sh                use the jar as it is
#   WARMUP=40                                seconds of POST at 16 connections before, and a third of it of GET (the
#                                            JIT: after 15 s the same jar took 5 ms per POST, after 55 s 3 ms)
#   BEFORE=/tmp/before bench/cpu.sh          also an earlier build (a directory with its orderflow.jar and
#                                            orderflow.aot, copied with `cp -p`), measured alternately with this one
#   JAVA_OPTS="..."                          more JVM options for both (after the README's)
#   ENV="ORDERFLOW_ACCESS_LOG=false ..."     environment for the services of this build only (an A/B of a setting)
#   PG="-h 127.0.0.1 -p 5432 -U postgres"    where the PostgreSQL server is (trust auth)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
bench_jdk
rounds="${1:-3}"
rate="${2:-150}"
seconds="${3:-20}"
warmup="${WARMUP:-40}"
bench_external_pg

labels=(now); dirs=("$PWD/bootstrap/target"); envs=("${ENV:-}")
if [ -n "${BEFORE:-}" ]; then labels=(before now); dirs=("$(cd "$BEFORE" && pwd)" "${dirs[0]}"); envs=("" "${ENV:-}"); fi
options="$(bench_readme_options_but_cache) ${JAVA_OPTS:-}"
bench_service_setup "${dirs[-1]}/orderflow.jar"
trap 'bench_cleanup; bench_drop_db' EXIT

# the service's CPU so far, and the PostgreSQL server's summed over its processes (those that ended since the last
# reading are missed; the pool's backends live through a round)
jvm_ms() { bench_cpu_ms "$pid"; }
pg_ms() { bench_cpu_ms $(pgrep -x postgres); }
openloop() { "$java" bench/OpenLoop.java --base "$base" --token "$ORDERFLOW_TOKEN" --warmup 2 "$@"; }

declare -A results
for round in $(seq "$rounds"); do
  for i in "${!labels[@]}"; do
    service_env="${envs[$i]}" bench_start_on_new_db cpu "${dirs[$i]}"
    mkdir -p "$work/ids"
    wrk -t2 -c16 -d"${warmup}s" --timeout 10s -s bench/wrk/place.lua "$base" -- "$work/ids" >/dev/null
    one_id=$(head -1 "$(ls "$work/ids"/* | head -1)")
    wrk -t2 -c16 -d"$((warmup / 3))s" --timeout 10s -s bench/wrk/get.lua "$base" -- "$one_id" >/dev/null
    j0=$(jvm_ms); sleep 10; idle=$(( ($(jvm_ms) - j0) / 10 ))
    line="${labels[$i]} round $round: idle JVM ${idle} ms/s;"
    for kind in place get; do
      j0=$(jvm_ms); p0=$(pg_ms)
      figures=$(openloop --kind "$kind" --rate "$rate" --seconds "$seconds" 2>&1 | tail -1)
      j1=$(jvm_ms); p1=$(pg_ms)
      # requests sent in the counted part and the warm-up (both at the same rate; the CPU readings span both)
      sent=$(awk -v r="$rate" -v s="$seconds" 'BEGIN {printf "%d", r * (s + 2)}')
      read -r jvm_per pg_per < <(awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v n="$sent" 'BEGIN {printf "%.2f %.2f\n", j / n, p / n}')
      results[$i,$kind]+="$jvm_per "
      line+=" $kind: JVM $jvm_per ms, PostgreSQL $pg_per ms per request ($figures);"
    done
    echo "$line" >&2
    bench_stop_service
    bench_drop_db; rm -rf "$work/ids"
  done
done

echo
echo "$(date -u '+%Y-%m-%d %H:%M') UTC · $(nproc) cores · load average $(cut -d' ' -f1-3 /proc/loadavg) · rate $rate/s for ${seconds}s · options: $options"
for i in "${!labels[@]}"; do
  echo "${labels[$i]} (${dirs[$i]}${envs[$i]:+, ${envs[$i]}}): JVM CPU per POST ${results[$i,place]}ms; per GET ${results[$i,get]}ms"
done
