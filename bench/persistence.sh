#!/usr/bin/env bash
# Throughput of the PostgreSQL adapters on an embedded PostgreSQL (see docs/benchmarks.md).
# Usage: bench/persistence.sh [seconds-per-measurement=10] [synchronous_commit: on|off, default on]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
module=adapters-persistence
# one reactor run: the sibling modules resolve to their target/classes (no installed jars needed)
mvn -q test-compile dependency:build-classpath -pl "$module" -am -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$module/target/bench.classpath"
# orderflow's own modules from this tree, never from a local repository
libraries=$(tr ':' '\n' < "$module/target/bench.classpath" | grep -v '/dev/orderflow/' | paste -sd: -)
echo "nproc: $(nproc)"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" \
    -cp "$module/target/test-classes:$module/target/classes:testkit/target/classes:application/target/classes:events/target/classes:domain/target/classes:$libraries" \
    dev.orderflow.adapters.persistence.PersistenceBenchmark "${1:-10}" "${2:-on}"
