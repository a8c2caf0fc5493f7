#!/usr/bin/env bash
# Faults against the packaged service (bootstrap/target/orderflow.jar, run as the README runs it: -Xmx256m and
# the JDK AOT cache), on 127.0.0.1 only. Prints one line per scenario; the figures go to docs/reliability.md.
#
#   bench/reliability.sh                 all scenarios
#   SKIP_BUILD=1 bench/reliability.sh    use the jar as it is
#   SCENARIOS="kill outage overload"     a subset
#   JAR=/elsewhere/orderflow.jar         another build's jar (with its .aot cache beside it), e.g. for an A/B
#
# kill      kill -9 of the service under POST load on embedded PostgreSQL, ROUNDS (5) times: every restart on
#           its first try, acknowledged orders lost
# outage    a private PostgreSQL 15 (initdb/pg_ctl as user postgres on a temp directory) stopped for OUTAGE (15) s
#           under 50 POST/s: first 503 after the stop, readiness DOWN, first 201 after the restart, 5xx other
#           than 503, acknowledged orders lost
# overload  capacity with 16 closed-loop clients, then an open-loop arrival rate of 1x and 4x that capacity for
#           OVERLOAD_SECONDS (20) each: p50/p99 of the accepted requests, 503s, unanswered requests, other 5xx,
#           the load average, resident memory (now and peak), whether the JVM ran out of memory; CAPACITY=N
#           takes N/s as the capacity (the same rates for two builds in an A/B)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
scenarios="${SCENARIOS:-kill outage overload}"
rounds="${ROUNDS:-5}"
outage="${OUTAGE:-15}"
KILL_AFTER="${KILL_AFTER:-4}"
pgbin=/usr/lib/postgresql/15/bin

if [ -z "${SKIP_BUILD:-}" ]; then mvn -q -DskipTests package; fi
jar="${JAR:-bootstrap/target/orderflow.jar}"
cache_opt=""
if [ -f "${jar%.jar}.aot" ]; then cache_opt="-XX:AOTCache=${jar%.jar}.aot"; fi
# a staff token (not rate-limited), signed with this run's secret, which the services started below inherit
export ORDERFLOW_AUTH_JWT_SECRET="reliability-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ORDERFLOW_TOKEN=$("$java" -jar "$jar" token --sub bench --roles staff --ttl PT6H)
export ORDERFLOW_TOKEN

work=$(mktemp -d /tmp/orderflow-reliability.XXXXXX)
chmod 755 "$work"
pid=""; load=""; pgdata=""
cleanup() {
  if [ -n "$load" ]; then kill "$load" 2>/dev/null || true; fi
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$pgdata" ]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; fi
  # a postmaster the last kill -9 left behind
  if [ -f "$work/data/postgres/postmaster.pid" ]; then
    kill "$(head -1 "$work/data/postgres/postmaster.pid")" 2>/dev/null || true; sleep 1
  fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }
port=$(free_port); base="http://127.0.0.1:$port"

# start_service [env...]: starts the jar, waits until it serves; sets `started` (1 if it served within 120 s)
start_service() {
  env ORDERFLOW_PORT=$port ORDERFLOW_HOST=127.0.0.1 ORDERFLOW_DB_DATA_DIR="$work/data/postgres" \
    ORDERFLOW_API_CURSOR_SECRET=reliability-bench-secret-0123456789abcdef "$@" \
    "$java" $cache_opt -Xmx256m -jar "$jar" >>"$work/service.log" 2>&1 &
  pid=$!
  started=0
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "$base/health/readiness"; then started=1; return; fi
    kill -0 "$pid" 2>/dev/null || return
    sleep 0.1
  done
}
stop_service() { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; }
count_missing() { # ids-file psql-args...: acknowledged ids that are not in the orders table
  local file=$1; shift
  "$@" -qtA <<SQL | tail -1
CREATE TEMP TABLE acked (id uuid);
\\copy acked FROM '$file'
SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = a.id);
SQL
}
other_5xx() { { grep -o '5[0-9][0-9]=[0-9]*' "$1" || true; } | { grep -v '^503=' || true; } | awk -F= '{s += $2} END {print s + 0}'; }
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@"; }
post_status() {
  status_of -X POST "$base/api/v1/orders" -H "Authorization: Bearer $ORDERFLOW_TOKEN" -H 'Content-Type: application/json' -d '{"customerId": "c-probe",
   "lines": [{"sku": "BOOK-1", "quantity": 1, "unitPrice": {"amount": "9.99", "currency": "EUR"}}],
   "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115", "city": "Berlin", "country": "DE"}}'
}
# until_status WANT command...: milliseconds until the command prints WANT
until_status() {
  local want=$1; shift; local from; from=$(now_ms)
  until [ "$("$@")" = "$want" ]; do sleep 0.05; if [ $(( $(now_ms) - from )) -gt 60000 ]; then echo "never"; return; fi; done
  echo $(( $(now_ms) - from ))
}
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$work/classes" bench/Load.java
loadgen() { "$java" -cp "$work/classes" Load "$@"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ " $scenarios " == *" kill "* ]]; then
  first_try=0; acked_total=0; lost_total=0; other5xx=0
  for round in $(seq 1 "$rounds"); do
    start_service
    if [ "$started" = 1 ]; then first_try=$((first_try + 1)); else echo "round $round: no start; log:"; tail -5 "$work/service.log"; exit 1; fi
    loadgen "$base" open "${KILL_RATE:-100}" "$((KILL_AFTER + 2))" "$work/ids.$round" > "$work/load.$round" 2>&1 &
    load=$!
    sleep "$KILL_AFTER"
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    wait "$load" || true; load=""
    echo "  round $round: $(cat "$work/load.$round")"
    acked_total=$((acked_total + $(wc -l < "$work/ids.$round")))
    other5xx=$((other5xx + $(other_5xx "$work/load.$round")))
  done
  start_service
  [ "$started" = 1 ] && first_try=$((first_try + 1))
  pw=$(cat "$work/data/postgres/orderflow-password")
  pgport=$(sed -n 4p "$work/data/postgres/postmaster.pid")
  cat "$work"/ids.* > "$work/ids.all"
  lost=$(PGPASSWORD=$pw count_missing "$work/ids.all" psql -h 127.0.0.1 -p "$pgport" -U postgres postgres)
  stop_service
  echo "kill -9 embedded: $rounds kills under ${KILL_RATE:-100} POST/s, restarts on first try $first_try of $((rounds + 1)), acknowledged $acked_total, lost $lost, 5xx other than 503: $other5xx"
fi

if [[ " $scenarios " == *" outage "* ]]; then
  if [ ! -x "$pgbin/pg_ctl" ] || ! id postgres >/dev/null 2>&1; then
    echo "outage: skipped (needs $pgbin and a postgres user)"
  else
    pgdata="$work/pg"; pgport=$(free_port)
    mkdir -p "$pgdata"; chown postgres "$pgdata"
    runuser -u postgres -- "$pgbin/initdb" -A trust -U postgres -D "$pgdata" >/dev/null
    pgstart() { runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1" -w -l "$pgdata/log" start >/dev/null; }
    pgstart
    start_service ORDERFLOW_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/postgres" ORDERFLOW_DB_USER=postgres
    loadgen "$base" open 50 $((outage + 25)) "$work/ids.outage" > "$work/load.outage" 2>&1 &
    load=$!
    sleep 8
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null
    stopped=$(now_ms)
    (until_status 503 status_of "$base/health/readiness" > "$work/readiness.ms") &
    first503=$(until_status 503 post_status)
    wait $!
    readiness_down=$(cat "$work/readiness.ms")
    live=$(status_of "$base/health/liveness")
    rest=$(( outage - ($(now_ms) - stopped) / 1000 )); if [ "$rest" -gt 0 ]; then sleep "$rest"; fi
    pgstart
    recovered=$(until_status 201 post_status)
    ready=$(until_status 200 status_of "$base/health/readiness")
    wait "$load" || true; load=""
    lost=$(count_missing "$work/ids.outage" psql -h 127.0.0.1 -p "$pgport" -U postgres postgres)
    echo "outage ${outage}s (external PostgreSQL, 50 POST/s): first 503 ${first503} ms after the stop (one POST), readiness DOWN after ${readiness_down} ms, liveness $live, first 201 ${recovered} ms after the restart, readiness UP ${ready} ms later; load: $(cat "$work/load.outage"); 5xx other than 503: $(other_5xx "$work/load.outage"); acknowledged lost: $lost"
    stop_service
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null; pgdata=""
  fi
fi

if [[ " $scenarios " == *" overload "* ]]; then
  rm -rf "$work/data"
  start_service
  loadgen "$base" closed 16 10 >/dev/null 2>&1 # warm-up
  capacity_line=$(loadgen "$base" closed 16 15)
  capacity=$(echo "$capacity_line" | sed -E 's/.* ([0-9]+) acknowledged\/s.*/\1/')
  echo "capacity (16 closed-loop clients): $capacity_line; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "${CAPACITY:-}" ]; then capacity=$CAPACITY; echo "arrival rates from CAPACITY=$capacity instead"; fi
  seconds="${OVERLOAD_SECONDS:-20}"
  memory() { awk '/VmRSS|VmHWM/ {printf "%s %d MB ", $1, $2 / 1024}' "/proc/$pid/status" 2>/dev/null; }
  for times in 1 4; do
    line=$(loadgen "$base" open $((capacity * times)) "$seconds")
    echo "open loop at ${times}x ($((capacity * times))/s, ${seconds} s): $line; load average $(cut -d' ' -f1-3 /proc/loadavg); $(memory)"
  done
  if grep -q OutOfMemoryError "$work/service.log"; then oom=yes; else oom=no; fi
  alive=$(kill -0 "$pid" 2>/dev/null && echo yes || echo no)
  echo "overload: OutOfMemoryError in the log: $oom; service still running: $alive; $(memory)"
  stop_service
fi
