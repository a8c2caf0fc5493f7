#!/usr/bin/env bash
# Faults against the packaged service (bootstrap/target/orderflow.jar, run as the README runs it: its JVM options
# and the JDK AOT cache), on 127.0.0.1 only, every port a free random one, everything in one mktemp directory, every
# process started here stopped by its pid at the end. Prints one table row per scenario; the figures go to
# docs/reliability.md.
#
#   bench/chaos.sh                              builds the jar, then every scenario (about 15 minutes)
#   SKIP_BUILD=1 bench/chaos.sh                 use the jar as it is
#   SKIP_BUILD=1 SCENARIOS="db-outage slow-db" bench/chaos.sh
#   KEEP_WORK=1 ...                             keep the work directory (every service's log) at the end
#   JAVA_OPTS=-Xmx64m ...                       JVM options after the README's (a later option wins)
#   SERVICE_CPUS=0 LOADGEN_CPUS=1 ...           pin the services (with their PostgreSQL) and the load generator to
#                                               CPUs of their own (taskset), in place of a second machine
#
# kill-embedded   kill -9 of the service under KILL_RATE (30) POST/s once KILL_ACKS (100) orders of the round were
#                 acknowledged (at most 30 s after the start), ROUNDS (10) times, embedded PostgreSQL (its data
#                 directory kept, the orphaned postmaster left behind each time)
# kill-external   the same on a private PostgreSQL 15 cluster
# db-outage       that cluster stopped (immediate) for OUTAGE (30) s under 50 POST/s: first 503 of a probe POST,
#                 readiness DOWN (anonymous probe), first 201 after it is back
# broker-outage   Kafka mode; the broker stopped for OUTAGE s under 50 POST/s, started again on the same port and log
#                 directory: API unaffected, the outbox drains, every event of the database is on the topic
# slow-db         an ACCESS EXCLUSIVE lock on `orders` held for 15 s (past lock_timeout, 2 s) under 20 POST/s:
#                 503 with Retry-After, not a hang; the slowest 503
# overload        embedded; capacity with 16 closed-loop clients (or CAPACITY), then an open loop at 1x and at 4x it,
#                 20 s each: p50/p99 of the accepted requests at both (at the generator, over the whole run and
#                 after its first 2 s, while the generator opens its connections; and as the service's access log
#                 timed them), 503s, unanswered, other 5xx, peak RSS, OutOfMemoryError
# two-instances   two instances on one database and broker under 50 POST/s shared between them; one killed with
#                 kill -9 and started again: orders and events lost, the survivor drains the killed one's claims
#
# Columns: faults injected; requests acknowledged (201); acknowledged orders missing from the database afterwards;
# events of the database's event log missing from the topic (read from its beginning at the end; Kafka scenarios);
# 5xx other than the documented 503 (503 + Retry-After + the `unavailable` problem); documented 503s; requests
# unanswered (refused, reset, 30 s timeout); recovery time; notes. Before the outages, the slow database and the two
# instances, the service is warmed up with 10 s of POSTs (not counted); the kills hit services just started.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
bench_jdk
scenarios="${SCENARIOS:-kill-embedded kill-external db-outage broker-outage slow-db overload two-instances}"
rounds="${ROUNDS:-10}"
outage="${OUTAGE:-30}"
kill_rate="${KILL_RATE:-30}"
kill_acks="${KILL_ACKS:-100}"
pgbin=/usr/lib/postgresql/15/bin
topic=orderflow.orders.v1
jar=$PWD/bootstrap/target/orderflow.jar
classpath_file=bootstrap/target/test.classpath

if [ -z "${SKIP_BUILD:-}" ]; then
  # the test class path of the bootstrap module carries Kafka's broker (the test kit the ITs use) and its clients
  mvn -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
elif [ ! -f "$classpath_file" ]; then
  mvn -q dependency:build-classpath -pl bootstrap -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
fi
cache_opt=""
if [ -f bootstrap/target/orderflow.aot ]; then cache_opt="-XX:AOTCache=$PWD/bootstrap/target/orderflow.aot"; fi
# the README's options but its relative cache path (the instances run in directories of their own)
jvm_opts=$(bench_readme_options_but_cache)
kafka_cp=$(tr ':' '\n' < "$classpath_file" | grep -v '/dev/orderflow/' | paste -sd:)

work=$(mktemp -d /tmp/orderflow-chaos.XXXXXX)
chmod 755 "$work"
declare -A svc_pid=()   # instance name -> pid of its JVM
load=""; broker=""; pgdata=""; sampler=""
pgport=""
cleanup() {
  set +e
  print_table
  for p in $load $sampler; do kill "$p" 2>/dev/null; done
  for name in "${!svc_pid[@]}"; do
    p=${svc_pid[$name]}
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then kill -9 "$p"; wait "$p" 2>/dev/null; fi
  done
  if [ -n "$broker" ] && kill -0 "$broker" 2>/dev/null; then kill -9 "$broker"; wait "$broker" 2>/dev/null; fi
  if [ -n "$pgdata" ]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1; fi
  # postmasters that a kill -9 of the service left behind (embedded mode)
  for f in "$work"/*/data/postgres/postmaster.pid; do
    [ -f "$f" ] && kill "$(head -1 "$f")" 2>/dev/null
  done
  sleep 1
  if [ -n "${KEEP_WORK:-}" ]; then echo "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { if (ms == "never") print "never"; else printf "%.1f s", ms / 1000 }'; }

bench_token "$jar"
"$javac" -d "$work/classes" bench/Load.java bench/Http1.java
"$javac" -cp "$kafka_cp" -d "$work/classes" bench/TopicDump.java
loadgen() { ${LOADGEN_CPUS:+taskset -c "$LOADGEN_CPUS"} "$java" -cp "$work/classes" Load "$@"; }
# a warmed-up service (JIT, pool) before the faults that are not about starts: 10 s of POSTs, not counted
warm_up() { loadgen "$1" open 30 10 >/dev/null 2>&1 || true; }
field() { sed -E "s/.*(^| )$1=([^ ]*).*/\2/" "$2"; } # field NAME file: a key=value figure of a Load line
# served LOG FROM TO: p50 and p99 of the service's own durationMs (its access log, first filter to answer) of the
# POST /orders it answered 201 between the two UTC times (ISO 8601)
served() {
  python3 - "$@" <<'PY'
import json, sys
log, start, end = sys.argv[1:4]
took = []
for line in open(log, errors="replace"):
    if '"orderflow.access"' not in line:
        continue
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    if entry.get("route") == "/api/v1/orders" and entry.get("status") == 201 and start <= entry["@timestamp"] <= end:
        took.append(entry["durationMs"])
took.sort()
print(f"p50={took[len(took) // 2]}ms p99={took[int(len(took) * 0.99)]}ms" if took else "none")
PY
}
utc_now() { date -u +%Y-%m-%dT%H:%M:%S.%NZ; }

# start_service NAME PORT [env...]: starts an instance (its directory $work/NAME), waits until it serves (3 min at
# most); sets started=1 if it did on this first try, 0 if it exited or did not serve
start_service() {
  local name=$1 port=$2; shift 2
  mkdir -p "$work/$name"
  (cd "$work/$name" && exec env ORDERFLOW_PORT="$port" ORDERFLOW_HOST=127.0.0.1 \
    ORDERFLOW_DB_DATA_DIR="$work/$name/data/postgres" \
    ORDERFLOW_API_CURSOR_SECRET=chaos-bench-cursor-secret-0123456789abcdef "$@" \
    ${SERVICE_CPUS:+taskset -c "$SERVICE_CPUS"} "$java" $cache_opt $jvm_opts ${JAVA_OPTS:-} -jar "$jar" \
    >>"$work/$name/service.log" 2>&1) &
  svc_pid[$name]=$!
  started=0
  for _ in $(seq 1 1800); do
    if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/readiness"; then started=1; return; fi
    kill -0 "${svc_pid[$name]}" 2>/dev/null || return 0
    sleep 0.1
  done
}
stop_service() { # NAME: SIGTERM, as an orchestrator stops it, and SIGKILL if it is still there 30 s later
  local p=${svc_pid[$1]}
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$p" 2>/dev/null; then echo "  $1 did not stop within 30 s of SIGTERM: kill -9" >&2; kill -9 "$p"; fi
  wait "$p" 2>/dev/null || true; svc_pid[$1]=""
}
kill_service() { local p=${svc_pid[$1]}; kill -9 "$p"; wait "$p" 2>/dev/null || true; svc_pid[$1]=""; }

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@"; }
post_status() { # BASE: status of one POST; a 503 without Retry-After counts as 500
  local headers; headers=$(curl -s -o /dev/null -D - --max-time 30 -X POST "$1/api/v1/orders" \
    -H "Authorization: Bearer $ORDERFLOW_TOKEN" -H 'Content-Type: application/json' -d '{"customerId": "c-probe",
   "lines": [{"sku": "BOOK-1", "quantity": 1, "unitPrice": {"amount": "9.99", "currency": "EUR"}}],
   "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115", "city": "Berlin", "country": "DE"}}' || true)
  local code; code=$(echo "$headers" | awk 'NR == 1 {print $2}')
  if [ "$code" = 503 ] && ! echo "$headers" | grep -qi '^retry-after:'; then code=500; fi
  echo "${code:-000}"
}
# until_status WANT command...: milliseconds until the command prints WANT, "never" after 90 s
until_status() {
  local want=$1; shift; local from; from=$(now_ms)
  until [ "$("$@")" = "$want" ]; do sleep 0.05; if [ $(( $(now_ms) - from )) -gt 90000 ]; then echo "never"; return; fi; done
  echo $(( $(now_ms) - from ))
}

# a private PostgreSQL 15 cluster (never the machine's own): trust on 127.0.0.1, a free port
pg_psql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -qtA "$@" postgres; }
pg_start() { runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1" -w -t 60 -l "$pgdata/log" start >/dev/null; }
pg_stop() { runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m "$1" stop >/dev/null; }
pg_new() { # a new cluster in $work/pg.N
  if [ -n "$pgdata" ]; then pg_stop fast || true; fi
  pgdata=$(mktemp -d "$work/pg.XXXX"); chown postgres "$pgdata"; pgport=$(free_port)
  runuser -u postgres -- "$pgbin/initdb" -A trust -U postgres -D "$pgdata" >/dev/null
  pg_start
}
pg_env() { echo ORDERFLOW_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/postgres" ORDERFLOW_DB_USER=postgres; }

count_missing() { # ids-file psql...: acknowledged ids that are not in the orders table
  local file=$1; shift
  "$@" -qtA <<SQL | tail -1
CREATE TEMP TABLE acked (id uuid);
\\copy acked FROM '$file'
SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = a.id);
SQL
}
events_missing() { # topic-events-file: events of the event log that are not on the topic
  pg_psql <<SQL | tail -1
CREATE TEMP TABLE on_topic (order_id uuid, version bigint);
\\copy on_topic FROM '$1' (FORMAT csv)
SELECT count(*) FROM order_events e WHERE NOT EXISTS (SELECT 1 FROM on_topic t WHERE t.order_id = e.order_id AND t.version = e.version);
SQL
}

# a Kafka broker (KRaft, broker and controller in one node, from the jars of the test kit) in a process of its own
# that can be killed and started again on the same port and log directory
broker_port=""
broker_new() {
  local dir="$work/kafka" controller; broker_port=$(free_port); controller=$(free_port)
  rm -rf "$dir"; mkdir -p "$dir"
  cat > "$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$broker_port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$broker_port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/logs
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat > "$dir/logback.xml" <<'EOF'
<configuration><appender name="out" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder></appender><root level="WARN"><appender-ref ref="out"/></root></configuration>
EOF
  "$java" -cp "$kafka_cp" kafka.tools.StorageTool format -c "$dir/server.properties" \
    -t "$(python3 -c 'import uuid, base64; print(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode()[:22])')" >/dev/null
  broker_start
}
broker_start() {
  "$java" -Xmx512m -Dlogback.configurationFile="$work/kafka/logback.xml" -cp "$kafka_cp" kafka.Kafka \
    "$work/kafka/server.properties" >>"$work/kafka/broker.log" 2>&1 &
  broker=$!
  for _ in $(seq 1 600); do
    (echo > "/dev/tcp/127.0.0.1/$broker_port") 2>/dev/null && return
    kill -0 "$broker" 2>/dev/null || { echo "the broker did not start:"; tail -5 "$work/kafka/broker.log"; exit 1; }
    sleep 0.1
  done
}
broker_stop() { # SIGTERM, SIGKILL after 30 s
  kill -TERM "$broker"
  for _ in $(seq 1 300); do kill -0 "$broker" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$broker" 2>/dev/null || true; wait "$broker" 2>/dev/null || true; broker=""
}
kafka_env() {
  echo KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$broker_port" ORDERFLOW_SHUTDOWN_GRACE_PERIOD=5s \
    ORDERFLOW_MESSAGING_RELAY_LEASE=10s KAFKA_DELIVERY_TIMEOUT_MS=5000 KAFKA_REQUEST_TIMEOUT_MS=3000
}
until_drained() { # milliseconds until the outbox has no unpublished entry, "never" after 3 min
  local from; from=$(now_ms)
  until [ "$(pg_psql -c 'SELECT count(*) FROM outbox WHERE published_at IS NULL' 2>/dev/null)" = 0 ]; do
    sleep 0.2; if [ $(( $(now_ms) - from )) -gt 180000 ]; then echo "never"; return; fi
  done
  echo $(( $(now_ms) - from ))
}
topic_events() { # reads the whole topic; prints the TopicDump line, writes $work/topic.events
  "$java" -Dlogback.configurationFile="$work/kafka/logback.xml" -cp "$work/classes:$kafka_cp" TopicDump \
    "127.0.0.1:$broker_port" "$topic" "$work/topic.events"
}
errors_in() { { grep -c '"level":"ERROR"' "$@" 2>/dev/null || true; } | awk -F: '{s += $NF} END {print s + 0}'; }

rows=()
print_table() {
  echo
  echo "| scenario | faults injected | acknowledged (201) | orders lost | events lost | other 5xx | 503 (documented) | unanswered | recovery | notes |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 | $9 | ${10} |"); echo "  -> ${rows[-1]}"; }
echo "chaos run $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg), scenarios: $scenarios"

kill_rounds() { # MODE NAME [env...]: ROUNDS kills under load, then one more start; one table row
  local mode=$1 name=$2; shift 2
  local port; port=$(free_port); local base="http://127.0.0.1:$port"
  local first_try=0 starts=0 acked=0 other=0 n503=0 unanswered=0 start_ms=() t0
  : > "$work/$name.ids"
  for round in $(seq 1 "$rounds"); do
    t0=$(now_ms); start_service "$name" "$port" "$@"; starts=$((starts + 1))
    if [ "$started" = 1 ]; then first_try=$((first_try + 1)); start_ms+=($(( $(now_ms) - t0 )));
    else echo "$name round $round: the start failed; log:"; tail -5 "$work/$name/service.log"; break; fi
    rm -f "$work/stop"
    LOAD_STOP_FILE="$work/stop" loadgen "$base" open "$kill_rate" 60 "$work/$name.ids.$round" > "$work/$name.load.$round" 2>&1 &
    load=$!
    for _ in $(seq 1 300); do # the orders flow: kill
      [ "$(cat "$work/$name.ids.$round" 2>/dev/null | wc -l)" -ge "$kill_acks" ] && break; sleep 0.1
    done
    kill_service "$name"
    sleep 1; touch "$work/stop"
    wait "$load" || true; load=""
    echo "  $name round $round: $(cat "$work/$name.load.$round")"
    cat "$work/$name.ids.$round" >> "$work/$name.ids" 2>/dev/null || true
    acked=$((acked + $(field acked "$work/$name.load.$round")))
    other=$((other + $(field other_5xx "$work/$name.load.$round")))
    n503=$((n503 + $(field 503 "$work/$name.load.$round")))
    unanswered=$((unanswered + $(field unanswered "$work/$name.load.$round")))
  done
  t0=$(now_ms); start_service "$name" "$port" "$@"; starts=$((starts + 1))
  [ "$started" = 1 ] && { first_try=$((first_try + 1)); start_ms+=($(( $(now_ms) - t0 ))); }
  local lost
  if [ "$mode" = embedded ]; then
    local dir="$work/$name/data/postgres"
    lost=$(PGPASSWORD=$(cat "$dir/orderflow-password") count_missing "$work/$name.ids" psql -h 127.0.0.1 \
      -p "$(sed -n 4p "$dir/postmaster.pid")" -U postgres postgres)
  else
    lost=$(count_missing "$work/$name.ids" pg_psql)
  fi
  stop_service "$name"
  local slowest; slowest=$(printf '%s\n' "${start_ms[@]}" | sort -n | tail -1)
  row "kill -9, $mode PostgreSQL" "$rounds kill -9 under $kill_rate POST/s, each once $kill_acks were acknowledged" "$acked" "$lost" "-" \
    "$other" "$n503" "$unanswered" "restart to ready: slowest $(secs "${slowest:-0}")" \
    "starts on the first try: $first_try of $starts"
}

if [[ " $scenarios " == *" kill-embedded "* ]]; then
  echo "kill-embedded"; kill_rounds embedded kill-embedded
fi

if [[ " $scenarios " == *" kill-external "* ]]; then
  echo "kill-external"; pg_new; kill_rounds external kill-external $(pg_env)
fi

if [[ " $scenarios " == *" db-outage "* ]]; then
  echo "db-outage"; pg_new
  port=$(free_port); base="http://127.0.0.1:$port"
  start_service db-outage "$port" $(pg_env); warm_up "$base"
  loadgen "$base" open 50 $((outage + 25)) "$work/db-outage.ids" > "$work/db-outage.load" 2>&1 &
  load=$!
  sleep 8
  errors_before=$(errors_in "$work/db-outage/service.log")
  pg_stop immediate
  stopped=$(now_ms)
  (until_status 503 status_of "$base/health/readiness" > "$work/readiness.ms") &
  readiness_poll=$!
  first503=$(until_status 503 post_status "$base")
  wait $readiness_poll
  readiness_down=$(cat "$work/readiness.ms")
  live=$(status_of "$base/health/liveness")
  rest=$(( outage - ($(now_ms) - stopped) / 1000 )); if [ "$rest" -gt 0 ]; then sleep "$rest"; fi
  pg_start
  recovered=$(until_status 201 post_status "$base")
  ready=$(until_status 200 status_of "$base/health/readiness")
  wait "$load" || true; load=""
  lost=$(count_missing "$work/db-outage.ids" pg_psql)
  errors=$(( $(errors_in "$work/db-outage/service.log") - errors_before ))
  deadline_warnings=$({ grep -c 'payment deadline: database unavailable' "$work/db-outage/service.log" || true; })
  echo "  load: $(cat "$work/db-outage.load")"
  stop_service db-outage
  f="$work/db-outage.load"
  row "database stopped ${outage} s (external PostgreSQL 15)" "pg_ctl stop -m immediate under 50 POST/s" \
    "$(field acked "$f")" "$lost" "-" "$(field other_5xx "$f")" "$(field 503 "$f")" "$(field unanswered "$f")" \
    "first 201 $(secs "$recovered") after the start (readiness UP $(secs "$ready") later)" \
    "first 503 + Retry-After $(secs "$first503") after the stop, readiness DOWN $(secs "$readiness_down"), liveness $live; ERROR lines in the log meanwhile: $errors (payment-deadline runs that found the database down: $deadline_warnings, one WARN line each)"
fi

if [[ " $scenarios " == *" broker-outage "* ]]; then
  echo "broker-outage"; pg_new; broker_new
  port=$(free_port); base="http://127.0.0.1:$port"
  start_service broker-outage "$port" $(pg_env) $(kafka_env); warm_up "$base"
  loadgen "$base" open 50 $((outage + 25)) "$work/broker-outage.ids" > "$work/broker-outage.load" 2>&1 &
  load=$!
  sleep 8
  broker_stop
  sleep "$outage"
  backlog=$(pg_psql -c 'SELECT count(*) FROM outbox WHERE published_at IS NULL')
  t0=$(now_ms); broker_start; broker_up=$(( $(now_ms) - t0 ))
  caught_up=$(until_drained) # from the broker's return, the load still running
  wait "$load" || true; load=""
  until_drained >/dev/null
  lost=$(count_missing "$work/broker-outage.ids" pg_psql)
  stop_service broker-outage
  dump=$(topic_events)
  events=$(pg_psql -c 'SELECT count(*) FROM order_events')
  missing=$(events_missing "$work/topic.events")
  echo "  load: $(cat "$work/broker-outage.load"); topic: $dump"
  broker_stop
  f="$work/broker-outage.load"
  row "broker stopped ${outage} s (Kafka mode)" "broker SIGTERM, started again on the same port and log directory, under 50 POST/s" \
    "$(field acked "$f")" "$lost" "$missing of $events" "$(field other_5xx "$f")" "$(field 503 "$f")" "$(field unanswered "$f")" \
    "broker serving $(secs "$broker_up") after its start; outbox empty $(secs "$caught_up") after that" \
    "p99 of 201s $(field p99 "$f"); backlog at the restart $backlog; topic: $dump"
fi

if [[ " $scenarios " == *" slow-db "* ]]; then
  echo "slow-db"; pg_new
  port=$(free_port); base="http://127.0.0.1:$port"
  start_service slow-db "$port" $(pg_env); warm_up "$base"
  loadgen "$base" open 20 35 "$work/slow-db.ids" > "$work/slow-db.load" 2>&1 &
  load=$!
  sleep 8
  pg_psql -c "BEGIN; LOCK TABLE orders IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(15); COMMIT;" >/dev/null &
  locker=$!
  sleep 1
  during=$(post_status "$base")
  wait $locker
  recovered=$(until_status 201 post_status "$base")
  wait "$load" || true; load=""
  lost=$(count_missing "$work/slow-db.ids" pg_psql)
  echo "  load: $(cat "$work/slow-db.load")"
  stop_service slow-db
  f="$work/slow-db.load"
  row "slow database: lock on orders held 15 s (lock_timeout 2 s)" "LOCK TABLE orders IN ACCESS EXCLUSIVE MODE for 15 s under 20 POST/s" \
    "$(field acked "$f")" "$lost" "-" "$(field other_5xx "$f")" "$(field 503 "$f")" "$(field unanswered "$f")" \
    "first 201 $(secs "$recovered") after the release" "a probe POST during the lock: $during; slowest 503 $(field max_503 "$f")"
fi

if [[ " $scenarios " == *" overload "* ]]; then
  echo "overload"
  port=$(free_port); base="http://127.0.0.1:$port"
  start_service overload "$port"
  loadgen "$base" closed 16 20 >/dev/null 2>&1 # warm-up: the JIT, the pool
  loadgen "$base" closed 16 15 > "$work/capacity.load"
  capacity=${CAPACITY:-$(field acked_per_s "$work/capacity.load")}   # CAPACITY=n: a fixed rate for comparisons
  if ! [ "$capacity" -ge 1 ] 2>/dev/null; then capacity=1; fi
  echo "  capacity (16 closed-loop clients): $(cat "$work/capacity.load")"
  ( peak=0; while kill -0 "${svc_pid[overload]}" 2>/dev/null; do
      rss=$(awk '/VmRSS/ {print $2}' "/proc/${svc_pid[overload]}/status" 2>/dev/null || echo 0)
      [ "${rss:-0}" -gt "$peak" ] && { peak=$rss; echo "$peak" > "$work/rss.peak"; }
      sleep 0.5; done ) &
  sampler=$!
  t0=$(utc_now)
  loadgen "$base" open "$capacity" 20 > "$work/overload-1x.load"   # the latency that 4x is compared with
  t1=$(utc_now)
  served_1x=$(served "$work/overload/service.log" "$t0" "$t1")
  echo "  1x ($capacity/s): $(cat "$work/overload-1x.load"); in the service: $served_1x"
  loadgen "$base" open $((capacity * 4)) 20 "$work/overload.ids" > "$work/overload.load"
  served_4x=$(served "$work/overload/service.log" "$t1" "$(utc_now)")
  echo "  4x ($((capacity * 4))/s): $(cat "$work/overload.load"); in the service: $served_4x"
  alive=$(kill -0 "${svc_pid[overload]}" 2>/dev/null && echo yes || echo no)
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
  peak=$(( $(cat "$work/rss.peak" 2>/dev/null || echo 0) / 1024 ))
  dir="$work/overload/data/postgres"
  lost=$(PGPASSWORD=$(cat "$dir/orderflow-password") count_missing "$work/overload.ids" psql -h 127.0.0.1 \
    -p "$(sed -n 4p "$dir/postmaster.pid")" -U postgres postgres)
  [ "$alive" = yes ] && stop_service overload
  # after the stop: an OutOfMemoryError may be logged after the load, while the service collects
  if grep -q OutOfMemoryError "$work/overload/service.log"; then oom=yes; else oom=no; fi
  f="$work/overload.load"
  row "overload 4x (embedded, README options${JAVA_OPTS:+ + $JAVA_OPTS})" "open loop at $((capacity * 4)) POST/s for 20 s (capacity $capacity/s)" \
    "$(field acked "$f") of $(field sent "$f")" "$lost" "-" "$(field other_5xx "$f")" "$(field 503 "$f")" "$(field unanswered "$f")" \
    "-" "p99 of the 201s $(field p99 "$f") (p50 $(field p50 "$f")), at 1x $(field p99 "$work/overload-1x.load") ($(field p50 "$work/overload-1x.load")); after the first 2 s $(field steady_p99 "$f") ($(field steady_p50 "$f")), at 1x $(field steady_p99 "$work/overload-1x.load") ($(field steady_p50 "$work/overload-1x.load")); in the service (access log) $served_4x, at 1x $served_1x; peak RSS $peak MB; OutOfMemoryError: $oom; still running: $alive"
fi

if [[ " $scenarios " == *" two-instances "* ]]; then
  echo "two-instances"; pg_new; broker_new
  port_a=$(free_port); port_b=$(free_port)
  start_service two-a "$port_a" $(pg_env) $(kafka_env); a_first=$started
  start_service two-b "$port_b" $(pg_env) $(kafka_env); b_first=$started
  warm_up "http://127.0.0.1:$port_a,http://127.0.0.1:$port_b"
  loadgen "http://127.0.0.1:$port_a,http://127.0.0.1:$port_b" open 50 30 "$work/two.ids" > "$work/two.load" 2>&1 &
  load=$!
  sleep 10
  kill_service two-a
  killed=$(now_ms)
  sleep 5
  t0=$(now_ms); start_service two-a "$port_a" $(pg_env) $(kafka_env); a_again=$started; a_start=$(( $(now_ms) - t0 ))
  wait "$load" || true; load=""
  drained=$(until_drained)
  since_kill=$(( $(now_ms) - killed ))
  lost=$(count_missing "$work/two.ids" pg_psql)
  stop_service two-a; stop_service two-b
  dump=$(topic_events)
  events=$(pg_psql -c 'SELECT count(*) FROM order_events')
  missing=$(events_missing "$work/topic.events")
  echo "  load: $(cat "$work/two.load"); topic: $dump"
  broker_stop
  f="$work/two.load"
  row "two instances, one killed" "kill -9 of one of two instances under 50 POST/s shared by both, started again 5 s later" \
    "$(field acked "$f")" "$lost" "$missing of $events" "$(field other_5xx "$f")" "$(field 503 "$f")" "$(field unanswered "$f")" \
    "killed one serving again after $(secs "$a_start"); outbox drained $(secs "$since_kill") after the kill" \
    "starts on the first try: $((a_first + b_first + a_again)) of 3; unanswered = requests sent to the dead instance; topic: $dump"
fi
# the table: printed on the way out (cleanup), also when a scenario failed
