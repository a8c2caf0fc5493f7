#!/usr/bin/env bash
# The service's POST /orders and confirm against their ceiling: pgbench running the very statements that one
# request sends, on the same PostgreSQL, measured alternately in one run. Prints both figures and their ratio per round and connection
# count, then the p99 of POST at a constant arrival rate of 70 % of the best measured rate (bench/OpenLoop.java).
#
#   bench/ceiling.sh [seconds-per-run=10] [rounds=3]
#   SKIP_BUILD=1 bench/ceiling.sh           use the jar as it is
#   PG="-h 127.0.0.1 -p 5432 -U postgres"   where the PostgreSQL server is (trust auth; the default shown)
#   PG_LOG=/var/log/postgresql/postgresql-15-main.log   that server's stderr log (default: the one file there)
#   JAVA_OPTS="-XX:+UseSerialGC"           more JVM options for the service; with -XX:NativeMemoryTracking=summary
#                                           the JVM's own account of its memory is printed at the end
#   CONNECTIONS="16 64"                     the connection counts (pgbench clients and wrk connections)
#   WARMUP=180                              seconds of POST /orders before the rounds (not measured): the C2 compiler
#                                           works for minutes on 2 cores (519 POST/s over the first 40 s, 874 over
#                                           the next 120), and a 20 s warm-up measured the JIT, not the service
#   CONFIRM_WARMUP=60                       seconds of confirms before the confirm rounds (not measured; that path
#                                           is cold after the POST rounds)
#   OPEN_LOOP_SECONDS=20                    length of the open-loop run (0: skip it); pgbench then runs the POST's
#                                           SQL at the same arrival rate (-R) for PostgreSQL's own latency
#   OPEN_LOOP_WARMUP=20                     seconds of that rate before it is measured, in both: the generator is a
#                                           JVM that compiles its own code in its first seconds, beside the service
#   SERVICE_DIR=/some/checkout              run that checkout's bootstrap/target/orderflow.jar (+ .aot) instead,
#                                           e.g. an older build for a before/after comparison (with SKIP_BUILD=1)
#
# How the pgbench script stays the same as the service's SQL: it is not written by hand. Each run creates a fresh
# database, turns on log_statement = all for it, starts the service on it, sends one POST /orders with a marked
# Idempotency-Key and one confirm of that order, and bench/pgbench_from_log.py turns the logged transactions of
# each (BEGIN to COMMIT, or a statement committed on its own; every statement as the driver sent it, with the
# bound values as literals) into a pgbench script; only the idempotency key and the order id are made unique per
# transaction. Then the service restarts
# without the statement log and the rounds run: pgbench and wrk (bench/wrk/place.lua, a unique Idempotency-Key
# per request) at 16 and at 64 connections, in alternating order; then the same for confirm
# (bench/wrk/confirm.lua, each pending order confirmed once).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
seconds="${1:-10}"
rounds="${2:-3}"
pg=(${PG:--h 127.0.0.1 -p 5432 -U postgres})
for tool in pgbench wrk psql curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (Debian: wrk, postgresql-client, curl, python3)" >&2; exit 1; }
done
pg_log="${PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)}"
[ -r "$pg_log" ] || { echo "cannot read the PostgreSQL log '$pg_log': set PG_LOG" >&2; exit 1; }

if [ -z "${SKIP_BUILD:-}" ]; then mvn -q -DskipTests package; fi
service_dir="${SERVICE_DIR:-.}"

db="orderflow_ceiling_$(date +%s)_$$"
work=$(mktemp -d /tmp/orderflow-ceiling.XXXXXX)
pid=""
cleanup() {
  bench_stop_service
  psql "${pg[@]}" -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
psql "${pg[@]}" -q -d postgres -c "CREATE DATABASE $db" >/dev/null
pg_host=$(sed -n 's/.*-h \([^ ]*\).*/\1/p' <<<"${pg[*]}"); pg_port=$(sed -n 's/.*-p \([^ ]*\).*/\1/p' <<<"${pg[*]}")
pg_user=$(sed -n 's/.*-U \([^ ]*\).*/\1/p' <<<"${pg[*]}")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
# a staff token (not rate-limited) signed with this run's secret; the wrk scripts send it (ORDERFLOW_TOKEN)
export ORDERFLOW_AUTH_JWT_SECRET="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ORDERFLOW_TOKEN=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar bootstrap/target/orderflow.jar token --sub bench --roles staff --ttl PT6H)
export ORDERFLOW_TOKEN
auth=(-H "Authorization: Bearer $ORDERFLOW_TOKEN")

# as the README's run command of that checkout starts it, the build's AOT cache required to load
. bench/common.sh
service_opts=$(bench_readme_options "$service_dir")
start_service() {
  local launched; launched=$(date +%s%3N)
  (cd "$service_dir" && ORDERFLOW_PORT=$port ORDERFLOW_HOST=127.0.0.1 \
    ORDERFLOW_DB_URL="jdbc:postgresql://${pg_host:-127.0.0.1}:${pg_port:-5432}/$db" ORDERFLOW_DB_USER="${pg_user:-postgres}" \
    exec "$java" $service_opts -XX:AOTMode=on ${JAVA_OPTS:-} \
    -jar bootstrap/target/orderflow.jar) >>"$work/service.log" 2>&1 &
  pid=$!
  bench_await_service "$pid" "$work/service.log" "$launched"
  startups+=("$elapsed")
}
startups=()

echo "deriving the pgbench script from the statement log of one POST /orders (database $db)..." >&2
psql "${pg[@]}" -q -d postgres -c "ALTER DATABASE $db SET log_statement = 'all'" >/dev/null
start_service
marker="ceiling-probe-$$-$RANDOM"
offset=$(stat -c %s "$pg_log")
body='{"customerId":"c-bench-1","lines":[{"sku":"BOOK-1","quantity":2,"unitPrice":{"amount":"12.50","currency":"EUR"}},{"sku":"PEN-7","quantity":1,"unitPrice":{"amount":"3.20","currency":"EUR"}}],"shippingAddress":{"recipient":"Ada Lovelace","line1":"1 Main St","postalCode":"10115","city":"Berlin","country":"DE"}}'
location=$(curl -s -o /dev/null -D - "${auth[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: $marker" \
  --data "$body" "$base/api/v1/orders" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}') || true
[ -n "$location" ] || { echo "the probe POST /orders did not answer 201 with a Location" >&2; exit 1; }
order_id="${location##*/}"
sleep 0.5
between=$(stat -c %s "$pg_log")
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "${auth[@]}" "$base/api/v1/orders/$order_id/confirm")
[ "$status" = 200 ] || { echo "the probe confirm answered $status" >&2; exit 1; }
sleep 0.5
bench_stop_service
tail -c +"$((offset + 1))" "$pg_log" | head -c "$((between - offset))" >"$work/place.log"
tail -c +"$((between + 1))" "$pg_log" >"$work/confirm.log"
psql "${pg[@]}" -q -d postgres -c "ALTER DATABASE $db RESET log_statement" >/dev/null
# the service stores the key scoped to its principal (a digest), so the marker of the placing transaction is
# the stored key: the only one in this fresh database
stored_key=$(psql "${pg[@]}" -Atc "SELECT key FROM idempotency_keys" -d "$db")
for request in place confirm; do
  request_marker=$([ "$request" = place ] && echo "$stored_key" || echo "$order_id")
  python3 bench/pgbench_from_log.py "$work/$request.log" "$db" "$request_marker" "$order_id" >"$work/$request.sql" \
    2>"$work/$request.txt" || { cat "$work/$request.txt" >&2; cp "$work/$request.log" /tmp/ceiling-$request.log; exit 1; }
done
echo "one POST /orders sends (the transactions that carry its Idempotency-Key):" >&2
sed 's/^/  /' "$work/place.txt" >&2
echo "one POST /orders/{id}/confirm sends:" >&2
sed 's/^/  /' "$work/confirm.txt" >&2
# pgbench with a derived script; the order ids and keys it makes count from a base, one base per run
echo 0 >"$work/base"
next_base() { local n; n=$(( $(cat "$work/base") + 100000000000000 )); echo "$n" >"$work/base"; echo "$n"; }
bench_sql() { # script base clients (-T seconds | -t transactions)
  local script=$1 from=$2 clients=$3; shift 3
  pgbench "${pg[@]}" -n -M prepared -c "$clients" -j 2 -D ceiling_base="$from" -D ceiling_n=0 "$@" \
    -f "$work/$script.sql" "$db" 2>&1
}
check_base=$(next_base)
{ bench_sql place "$check_base" 1 -t 3; bench_sql confirm "$check_base" 1 -t 3; } >"$work/check.txt" || true
confirmed=$(psql "${pg[@]}" -Atc "SELECT count(*) FROM orders WHERE status = 'CONFIRMED'" -d "$db")
if [ "$confirmed" != 4 ] || grep -q "aborted" "$work/check.txt"; then
  echo "a derived pgbench script fails (confirmed orders: $confirmed, expected 4):" >&2
  cat "$work/check.txt" "$work/place.sql" "$work/confirm.sql" >&2; exit 1
fi

start_service
mkdir -p "$work/ids"
echo "warm-up: POST /orders for ${WARMUP:-180}s (not measured)..." >&2
wrk -t2 -c16 -d"${WARMUP:-180}s" -s bench/wrk/place.lua "$base" -- "$work/ids" >/dev/null

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results="$work/results.tsv"
# the tps of a pgbench run; stops the script with pgbench's output when it failed (e.g. too many connections)
tps() {
  local out; out=$(cat)
  grep -q '^tps = ' <<<"$out" || { echo "pgbench failed:" >&2; tail -5 <<<"$out" >&2; return 1; }
  awk '/^tps = / {printf "%.0f", $3}' <<<"$out"
}
run_pgbench() {
  bench_sql place "$(next_base)" "$1" -T "$seconds" | tps
}
run_wrk() {
  local out; out=$(wrk -t2 -c"$1" -d"${seconds}s" --timeout 10s --latency -s bench/wrk/place.lua "$base" -- "$work/ids")
  local errors; errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  [ -z "$errors" ] || echo "  wrk: $errors non-2xx responses" >&2
  awk '/^Requests\/sec:/ {rps = $2} $1 == "99%" {p99 = $2} END {printf "%.0f %s", rps, p99}' <<<"$out"
}
for round in $(seq 1 "$rounds"); do
  for connections in ${CONNECTIONS:-16 64}; do
    if [ $((round % 2)) -eq 1 ]; then
      ceiling=$(run_pgbench "$connections"); read -r service p99 <<<"$(run_wrk "$connections")"
    else
      read -r service p99 <<<"$(run_wrk "$connections")"; ceiling=$(run_pgbench "$connections")
    fi
    ratio=$(awk -v s="$service" -v c="$ceiling" 'BEGIN {printf "%.0f", 100 * s / c}')
    echo "round $round, $connections connections: pgbench $ceiling tx/s, service $service req/s (p99 $p99) = $ratio %" >&2
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$connections" "$ceiling" "$service" "$p99" "$ratio" >>"$results"
  done
done

# confirm: pgbench confirms orders that a pgbench run of the placing script made just before (not measured), each
# once; the service confirms pending orders, each once: those the rounds above made and a prefill by the
# placing script (the same rows a POST writes); per run twice what the best placing rate gives in a run
best=$(awk -F'\t' '$3 > max {max = $3} END {printf "%d", max}' "$results")
chunk=$(( 2 * best * seconds ))
confirm_warmup="${CONFIRM_WARMUP:-60}"
warmup_chunks=$(( (confirm_warmup + seconds - 1) / seconds ))
prefill=$(( chunk * (2 * rounds + warmup_chunks) ))
echo "prefill: $prefill pending orders for the service's confirm runs (pgbench, not measured)..." >&2
bench_sql place "$(next_base)" 16 -t $(( (prefill + 15) / 16 )) | tps >/dev/null
# every pending order so far: the prefill's and those of the rounds above; none is confirmed twice
psql "${pg[@]}" -Atc "SELECT id FROM orders WHERE status = 'PENDING' ORDER BY random()" -d "$db" >"$work/pending.txt"
split -l "$chunk" -d -a 3 "$work/pending.txt" "$work/pending-"
chunks=("$work"/pending-*)
confirm_results="$work/confirm.tsv"
run_pgbench_confirm() {
  local clients=$1 per_client
  per_client=$(( ($2 * seconds + clients - 1) / clients ))
  local from; from=$(next_base)
  bench_sql place "$from" "$clients" -t "$per_client" | tps >/dev/null
  bench_sql confirm "$from" "$clients" -t "$per_client" | tps
}
run_wrk_confirm() {
  local out; out=$(wrk -t2 -c"$1" -d"${seconds}s" --timeout 10s --latency -s bench/wrk/confirm.lua "$base" -- "$2" 2)
  local errors; errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  [ -z "$errors" ] || echo "  wrk: $errors non-2xx responses (ran out of pending orders: the rate is too high)" >&2
  awk '/^Requests\/sec:/ {rps = $2} $1 == "99%" {p99 = $2} END {printf "%.0f %s", rps, p99}' <<<"$out"
}
n=0
echo "warm-up: POST /orders/{id}/confirm for $((warmup_chunks * seconds))s (not measured)..." >&2
for _ in $(seq "$warmup_chunks"); do
  run_wrk_confirm 16 "${chunks[$n]}" >/dev/null
  n=$((n + 1))
done
for round in $(seq 1 "$rounds"); do
  for connections in ${CONNECTIONS:-16 64}; do
    # size pgbench's run by the placing ceiling of the same connection count, so that it lasts about as long
    estimate=$(awk -F'\t' -v c="$connections" '$2 == c {n++; t += $3} END {printf "%d", t / n}' "$results")
    if [ $((round % 2)) -eq 1 ]; then
      ceiling=$(run_pgbench_confirm "$connections" "$estimate"); read -r service p99 <<<"$(run_wrk_confirm "$connections" "${chunks[$n]}")"
    else
      read -r service p99 <<<"$(run_wrk_confirm "$connections" "${chunks[$n]}")"; ceiling=$(run_pgbench_confirm "$connections" "$estimate")
    fi
    n=$((n + 1))
    ratio=$(awk -v s="$service" -v c="$ceiling" 'BEGIN {printf "%.0f", 100 * s / c}')
    echo "confirm round $round, $connections connections: pgbench $ceiling tx/s, service $service req/s (p99 $p99) = $ratio %" >&2
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$connections" "$ceiling" "$service" "$p99" "$ratio" >>"$confirm_results"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

open_loop=""; open_loop_pgbench=""
if [ "${OPEN_LOOP_SECONDS:-20}" != 0 ]; then
  rate=$(awk -F'\t' '$4 > max {max = $4} END {printf "%.0f", 0.7 * max}' "$results")
  ol_seconds=${OPEN_LOOP_SECONDS:-20}; ol_warmup=${OPEN_LOOP_WARMUP:-20}
  echo "open loop: POST /orders at $rate/s (70 % of the best rate) for ${ol_seconds}s after ${ol_warmup}s..." >&2
  open_loop=$("$java" bench/OpenLoop.java --base "$base" --rate "$rate" --seconds "$ol_seconds" \
    --warmup "$ol_warmup" --kind place --token "$ORDERFLOW_TOKEN")
  # PostgreSQL's own latency at that arrival rate: pgbench runs the POST's statements on a schedule (-R) and
  # logs each transaction's latency from the moment it was due, as OpenLoop measures it (pgbench's log `time`
  # includes the schedule lag under -R); the first ol_warmup seconds are left out here too
  echo "open loop: pgbench, the POST's SQL at $rate/s for ${ol_seconds}s after ${ol_warmup}s..." >&2
  rm -f "$work"/pgbench-ol*
  bench_sql place "$(next_base)" 16 -R "$rate" -T "$((ol_warmup + ol_seconds))" -l --log-prefix="$work/pgbench-ol" \
    >/dev/null
  open_loop_pgbench=$(cat "$work"/pgbench-ol* | python3 -c '
import sys
# a line: client transaction latency_us script end_s end_us [lag_us]; due = end - latency
rows = [(int(f[4]) + int(f[5]) / 1e6 - int(f[2]) / 1e6, int(f[2]) / 1000) for f in map(str.split, sys.stdin)]
start = min(due for due, _ in rows) + float(sys.argv[1])
lat = sorted(ms for due, ms in rows if due >= start)
q = lambda p: lat[max(0, min(len(lat) - 1, int(p * len(lat) + 0.999999) - 1))]
print("transactions=%d rate=%.0f/s p50=%.1f p90=%.1f p99=%.1f p999=%.1f max=%.1f"
      % (len(lat), len(lat) / float(sys.argv[2]), q(0.5), q(0.9), q(0.99), q(0.999), lat[-1]))' "$ol_warmup" "$ol_seconds")
fi
rss=$(awk '/^(VmRSS|RssAnon|RssFile):/ {printf "%s%s %d MB", sep, $1, $2 / 1024; sep=", "}' "/proc/$pid/status")
nmt=""
if [[ "${JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then
  nmt=$("${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" "$pid" VM.native_memory summary scale=MB \
    | awk '/^Total:/ || /^-  *[A-Za-z ]+\(reserved=/ {sub(/^-  */, ""); print "  " $0}')
fi

echo
echo "$(date -u +%Y-%m-%d) · $(nproc) cores · load average before/after the rounds: $load_before / $load_after · $(psql "${pg[@]}" -Atc 'SHOW server_version' -d postgres) · ${seconds}s per run"
echo
echo "| round | connections | pgbench, the POST's SQL (tx/s) | service POST /orders (req/s) | service p99 | service / pgbench |"
echo "|---|---|---|---|---|---|"
awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s %% |\n", $1, $2, $3, $4, $5, $6}' "$results"
echo
for connections in ${CONNECTIONS:-16 64}; do
  awk -F'\t' -v c="$connections" 'function lo(a, b) {return a == "" || b < a ? b : a} function hi(a, b) {return a == "" || b > a ? b : a}
    $2 == c {r0 = lo(r0, $6 + 0); r1 = hi(r1, $6 + 0); s0 = lo(s0, $4 + 0); s1 = hi(s1, $4 + 0); p0 = lo(p0, $3 + 0); p1 = hi(p1, $3 + 0)}
    END {printf "%s connections: ratio %s–%s %%, service %s–%s req/s, pgbench %s–%s tx/s\n", c, r0, r1, s0, s1, p0, p1}' "$results"
done
echo
echo "| round | connections | pgbench, the confirm's SQL (tx/s) | service POST /orders/{id}/confirm (req/s) | service p99 | service / pgbench |"
echo "|---|---|---|---|---|---|"
awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s %% |\n", $1, $2, $3, $4, $5, $6}' "$confirm_results"
echo
if [ -n "$open_loop" ]; then
  echo "open loop at 70 % of the best rate: $open_loop"
  echo "pgbench, the POST's SQL at the same rate (latency from the moment due, ms): $open_loop_pgbench"
fi
echo "startup to the first served request on the external database: ${startups[*]} ms (the first start migrates the fresh schema)"
echo "service resident memory after the runs: $rss (options: $service_opts ${JAVA_OPTS:-})"
if [ -n "$nmt" ]; then echo "native memory tracking (committed is what counts):"; echo "$nmt"; fi
