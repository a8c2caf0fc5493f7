#!/usr/bin/env bash
# Relay benchmark: events/s draining an outbox backlog to the in-process Kafka broker, and end-to-end
# latency (order committed -> event consumed) under a steady load. Results: docs/benchmarks.md.
#   bench/relay.sh [backlog=100000] [orders-per-second=500] [seconds=20] [relay-batch-size=2000] [relay-threads=1]
# PostgreSQL is embedded unless ORDERFLOW_TEST_DB_URL names a server.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
module=adapters-messaging
mvn -q -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "$classpath" dev.orderflow.adapters.messaging.RelayBenchmark "$@"
