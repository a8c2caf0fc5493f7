# Sourced by the bench scripts that start the packaged service.

# bench_jdk: the JDK 25 of the project's machines where it is installed, otherwise the JDK on PATH; sets $java and
# $javac.
bench_jdk() {
  if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
  java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
}

# bench_readme_options [DIR]: the JVM options of the README's run command (between `java` and `-jar`) of the
# checkout in DIR (default: this one), so that the scripts run the service as users are told to; the AOT cache
# of a build is trained with the same options and refused with others.
bench_readme_options() {
  local options
  options=$(sed -n 's|.*/bin/java \(.*\) -jar bootstrap/target/orderflow.jar$|\1|p' "${1:-.}/README.md" | head -1)
  [ -n "$options" ] || { echo "no run command found in README.md" >&2; return 1; }
  echo "$options"
}

# bench_readme_options_but_cache [DIR]: the same without the AOT cache option, for scripts that run the service from
# another directory (the README's path is relative) or choose the cache themselves.
bench_readme_options_but_cache() {
  local options
  options=$(bench_readme_options "$@") || return 1
  echo "$options" | sed 's|-XX:AOTCache=[^ ]*||'
}

# bench_await_service PID LOG LAUNCHED_MS: waits until the service ($base) answers an API request; sets `elapsed`
# (milliseconds since LAUNCHED_MS) and `cpu` (the JVM's CPU time until then, user + system, which a busy machine
# distorts less); exits with the log's tail if the service stopped.
bench_await_service() {
  local pid=$1 log=$2 launched=$3
  until curl -sf -o /dev/null -H "Authorization: Bearer $ORDERFLOW_TOKEN" "$base/api/v1/orders?limit=1"; do
    kill -0 "$pid" 2>/dev/null || { echo "the service stopped; log:" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.005
  done
  elapsed=$(( $(date +%s%3N) - launched ))
  cpu=$(bench_cpu_ms "$pid")
}

# bench_cpu_ms PID...: the user + system CPU time, in ms, that the processes have used so far, summed (a process
# that is gone counts nothing)
bench_cpu_ms() {
  local p
  for p in "$@"; do cat "/proc/$p/stat" 2>/dev/null || true; done |
    awk -v hz="$(getconf CLK_TCK)" '{sum += $14 + $15} END {printf "%d", sum * 1000 / hz}'
}

# bench_token JAR: a staff token (not rate-limited) signed with a new secret, as a client gets one from the README
# (`orderflow.jar token`); exports both, ORDERFLOW_TOKEN for the load generators and ORDERFLOW_AUTH_JWT_SECRET for
# the services started afterwards.
bench_token() {
  export ORDERFLOW_AUTH_JWT_SECRET="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  ORDERFLOW_TOKEN=$("$java" -jar "$1" token --sub bench --roles staff --ttl PT6H)
  export ORDERFLOW_TOKEN
}

# bench_service_setup JAR (after $java is set): a work directory and a service pid ($pid) that are cleaned up on
# exit, a free port on 127.0.0.1 ($port, $base), and a token (bench_token).
bench_service_setup() {
  work=$(mktemp -d /tmp/orderflow-bench.XXXXXX)
  pid=""
  trap bench_cleanup EXIT
  bench_token "$1"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  base="http://127.0.0.1:$port"
}

# bench_stop_service: stops the service started last ($pid), if it still runs: SIGTERM, then waits for it
bench_stop_service() {
  if [ -n "${pid:-}" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
  pid=""
}

bench_cleanup() {
  bench_stop_service
  rm -rf "$work"
}

# bench_external_pg: for the scripts that run the jar against the external PostgreSQL: checks their tools, builds
# the jar unless SKIP_BUILD is set, and sets $pg (psql's arguments for $PG, by default the server at 127.0.0.1:5432
# as postgres, trust auth) and its parts $pg_host, $pg_port and $pg_user.
bench_external_pg() {
  pg=(${PG:--h 127.0.0.1 -p 5432 -U postgres})
  local tool
  for tool in wrk psql curl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (Debian: wrk, postgresql-client, curl, python3)" >&2; exit 1; }
  done
  if [ -z "${SKIP_BUILD:-}" ]; then mvn -q -DskipTests package; fi
  pg_host=$(sed -n 's/.*-h \([^ ]*\).*/\1/p' <<<"${pg[*]}"); pg_port=$(sed -n 's/.*-p \([^ ]*\).*/\1/p' <<<"${pg[*]}")
  pg_user=$(sed -n 's/.*-U \([^ ]*\).*/\1/p' <<<"${pg[*]}")
}

# bench_start_on_new_db NAME DIR [JVM-OPTION...] (after bench_external_pg, bench_service_setup and $options are set):
# creates a database of the external PostgreSQL ($db, named after NAME; bench_drop_db drops it) and starts DIR's
# orderflow.jar on it with its AOT cache, the options in $options and the given ones, the environment assignments in
# $service_env (if set: `service_env="A=1 B=2" bench_start_on_new_db …`) added; waits until it answers
# (bench_await_service: $pid, $elapsed, $cpu).
bench_start_on_new_db() {
  local name=$1 dir=$2 launched
  shift 2
  db="orderflow_${name}_$(date +%s)_$$"
  psql "${pg[@]}" -q -d postgres -c "CREATE DATABASE $db" >/dev/null
  launched=$(date +%s%3N)
  env ${service_env:-} ORDERFLOW_PORT="$port" ORDERFLOW_HOST=127.0.0.1 ORDERFLOW_DB_USER="${pg_user:-postgres}" \
    ORDERFLOW_DB_URL="jdbc:postgresql://${pg_host:-127.0.0.1}:${pg_port:-5432}/$db" \
    "$java" $options -XX:AOTCache="$dir/orderflow.aot" "$@" -jar "$dir/orderflow.jar" >"$work/service.log" 2>&1 &
  pid=$!
  bench_await_service "$pid" "$work/service.log" "$launched"
}

# bench_drop_db: drops the database that bench_start_on_new_db created, if there is one
bench_drop_db() {
  [ -z "${db:-}" ] || psql "${pg[@]}" -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  db=""
}
