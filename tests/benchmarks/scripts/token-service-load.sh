#!/usr/bin/env bash
# Load test of the MaaS API: starts the built module (java -jar templates/token-service/service/target/
# maas-token-service-<version>.jar beside its lib/, the classes and libraries the image holds) with the generated
# config and a P-256 key, then drives POST /v1/tokens with wrk at 50 connections from 127.0.0.1, sending the identity
# headers the route policy injects. Build first: ./mvnw -pl templates/token-service/service -am package -DskipTests
#
#   tests/benchmarks/scripts/token-service-load.sh [java-binary] [seconds] [connections]
#
# Needs wrk, openssl, curl. Reads the reference output from the golden files of platform-specs/acme.yaml.
set -euo pipefail
JAVA=${1:-java}
SECONDS_LOAD=${2:-15}
CONNECTIONS=${3:-50}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
GOLDEN=$ROOT/maas-maven-plugin/src/test/resources/golden/acme/base
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

JAR=$(ls "$ROOT"/templates/token-service/service/target/maas-token-service-*.jar | grep -v sources | head -1)
# The ConfigMap's data, de-indented: the config is a literal block.
awk '/config.json: \|/{on=1; next} on && /^    /{print substr($0, 5); next} on{exit}' \
  "$GOLDEN/configmap-acme-token-service-config.yaml" > "$WORK/config.json"
mkdir -p "$WORK/keys" "$WORK/state"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/keys/bench.pem" 2>/dev/null
openssl pkey -in "$WORK/keys/bench.pem" -pubout >> "$WORK/keys/bench.pem"

PORT=$(( 20000 + RANDOM % 20000 )); METRICS=$(( PORT + 1 ))
MAAS_CONFIG=$WORK/config.json MAAS_KEYS_DIR=$WORK/keys MAAS_STATE_DIR=$WORK/state MAAS_PORT=$PORT \
  MAAS_METRICS_PORT=$METRICS MAAS_BIND_ADDRESS=127.0.0.1 \
  JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
  "$JAVA" -jar "$JAR" > "$WORK/service.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$METRICS/health" > /dev/null && break; sleep 0.2; done
"$JAVA" -version 2>&1 | head -1
# Warm-up (JIT), then the measured run.
wrk -t2 -c"$CONNECTIONS" -d5s -s "$(dirname "$0")/issue-token.lua" "http://127.0.0.1:$PORT/v1/tokens" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_LOAD}s" --latency -s "$(dirname "$0")/issue-token.lua" "http://127.0.0.1:$PORT/v1/tokens"
echo "service metrics:"; curl -s "http://127.0.0.1:$METRICS/metrics" | grep -E '^maas_tokens_issued_total|^maas_requests_refused_total' || true
