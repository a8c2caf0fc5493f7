# Sourced by the bench scripts that start the packaged service (they set $java first).
# bench_service_setup JAR: a work directory and a service pid ($pid) that are cleaned up on exit, a free port
# on 127.0.0.1 ($port, $base), and a staff token (not rate-limited) signed with this run's secret, exported
# as ORDERFLOW_TOKEN for the wrk scripts (the services started afterwards inherit the secret).
bench_service_setup() {
  work=$(mktemp -d /tmp/orderflow-bench.XXXXXX)
  pid=""
  trap bench_cleanup EXIT
  export ORDERFLOW_AUTH_JWT_SECRET="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  ORDERFLOW_TOKEN=$("$java" -jar "$1" token --sub bench --roles staff --ttl PT6H)
  export ORDERFLOW_TOKEN
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  base="http://127.0.0.1:$port"
}

bench_cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
  rm -rf "$work"
}
