#!/usr/bin/env bash
# What tracing costs with nothing configured: two packaged jars of the service (before and after a change,
# e.g. the commit before tracing and HEAD), run one after the other in alternating rounds on embedded
# PostgreSQL, each round measuring POST /api/v1/orders and GET /api/v1/orders/{id} with wrk at 16
# connections. Alternating keeps a drifting machine load from favouring one jar. Prints req/s and p99 of
# every round and the median of each jar. No OTEL_* variable is passed to the services.
#
#   bench/tracing-overhead.sh BEFORE.jar AFTER.jar [seconds-per-run=10] [rounds=3]
#
# A jar of an earlier commit: git worktree add /tmp/before <commit> && (cd /tmp/before && mvn -q -DskipTests
# package), then /tmp/before/bootstrap/target/orderflow.jar. The JDK AOT cache is not used (startup is not
# measured here); the other JVM options are the README's.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
before=${1:?BEFORE.jar}; after=${2:?AFTER.jar}; seconds=${3:-10}; rounds=${4:-3}
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install -y wrk)" >&2; exit 1; }
while IFS= read -r name; do unset "$name"; done < <(env | grep -o '^OTEL_[A-Z_]*' || true)

. bench/common.sh
bench_service_setup "$after"
jvm_opts=$(bench_readme_options_but_cache)

start() { # jar, data directory
  ORDERFLOW_PORT=$port ORDERFLOW_HOST=127.0.0.1 ORDERFLOW_DB_DATA_DIR="$2" \
    "$java" $jvm_opts -jar "$1" >>"$work/service.log" 2>&1 &
  pid=$!
  bench_await_service "$pid" "$work/service.log" "$(date +%s%3N)"
}

# wrk's req/s and p99 (in ms) as "rps p99"
measure() {
  local out; out=$(wrk -t2 -c16 -d"${seconds}s" --timeout 10s --latency "$@")
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.1f", v}' <<<"$out")
  echo "$rps $p99"
}

echo "| round | jar | POST req/s | POST p99 ms | GET req/s | GET p99 ms | load average |" >"$work/rows"
echo "|---|---|---|---|---|---|---|" >>"$work/rows"
for round in $(seq 1 "$rounds"); do
  for which in before after; do
    jar=$before; if [ "$which" = after ]; then jar=$after; fi
    mkdir -p "$work/ids-$which"
    start "$jar" "$work/data-$which"
    wrk -t2 -c16 -d5s -s bench/wrk/place.lua "$base" -- "$work/ids-$which" >/dev/null   # warm-up
    read -r post_rps post_p99 < <(measure -s bench/wrk/place.lua "$base" -- "$work/ids-$which")
    id=$(head -1 "$(ls "$work/ids-$which"/* | head -1)")
    read -r get_rps get_p99 < <(measure -s bench/wrk/get.lua "$base" -- "$id")
    bench_stop_service
    row="| $round | $which | $post_rps | $post_p99 | $get_rps | $get_p99 | $(cut -d' ' -f1 /proc/loadavg) |"
    echo "$row" >>"$work/rows"; echo "$row" >&2
    echo "$which $post_rps $post_p99 $get_rps $get_p99" >>"$work/raw"
  done
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo
echo "$(date -u +%Y-%m-%d) · $(nproc) cores · ${seconds}s per run, $rounds rounds, wrk -t2 -c16"
echo
cat "$work/rows"
echo
echo "| jar | median POST req/s | median POST p99 ms | median GET req/s | median GET p99 ms |"
echo "|---|---|---|---|---|"
for which in before after; do
  echo "| $which | $(awk -v w=$which '$1==w {print $2}' "$work/raw" | median) | $(awk -v w=$which '$1==w {print $3}' "$work/raw" | median) | $(awk -v w=$which '$1==w {print $4}' "$work/raw" | median) | $(awk -v w=$which '$1==w {print $5}' "$work/raw" | median) |"
done
