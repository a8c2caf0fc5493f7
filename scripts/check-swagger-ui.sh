#!/usr/bin/env bash
# Loads Swagger UI in headless Chromium and checks that every orders operation is on the rendered page;
# writes docs/swagger-ui.png. Needs Chromium (Debian: apt-get install -y chromium); not part of `mvn verify`.
#   scripts/check-swagger-ui.sh                         # against an embedded server with in-memory storage
#   scripts/check-swagger-ui.sh http://127.0.0.1:8080   # against a running orderflow
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
chromium_bin=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium_bin" ]; then
  echo "Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM" >&2
  exit 1
fi
url_option=()
if [ $# -gt 0 ]; then
  url_option=("-Dorderflow.api.url=$1")
fi
mvn -q -pl adapters-rest -am verify \
  -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SwaggerUiBrowserIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dorderflow.chromium="$chromium_bin" -Dorderflow.screenshot="$PWD/docs/swagger-ui.png" "${url_option[@]}"
echo "Swagger UI shows every orders operation; screenshot in docs/swagger-ui.png"
