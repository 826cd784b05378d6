#!/usr/bin/env bash
# Load test of the MaaS API: starts the built module (java -jar templates/token-service/service/target/
# maas-token-service-<version>.jar beside its lib/, the classes and libraries the image holds) with the generated
# config, a P-256 key and the JVM options of the generated Deployment, then drives POST /v1/tokens with wrk at 50
# connections from 127.0.0.1, sending the identity headers the route policy injects, for users that rotate.
# Prints the start time (process start to the first 200 of /health), tokens/s, p50/p99/max, errors, the service's
# resident memory (VmRSS sampled during the run, and VmHWM), the service's CPU time per token (user + system, which
# other builds on the machine do not inflate as they do wall time) and the load average. Not a test: it asserts
# nothing.
# The state store is the one a cluster uses at this rate: Redis (MAAS_BENCH_STORE=redis, the default), a
# redis-server started here on a free port without persistence, one key per token as in the cluster; or the file store
# (MAAS_BENCH_STORE=file), which one replica without Redis uses.
# Build first: ./mvnw -pl templates/token-service/service -am package -DskipTests
#
#   tests/benchmarks/scripts/token-service-load.sh [java-binary] [seconds] [connections]
#
# JVM options: MAAS_BENCH_JVM_OPTS (default: the Deployment's JDK_JAVA_OPTIONS, read from the golden Deployment).
# Another build of the jar (e.g. an earlier commit's, to compare): MAAS_BENCH_JAR, with its lib/ beside it.
# Needs wrk, openssl, curl, and redis-server and redis-cli for the Redis store. Reads the reference output from the golden files of platform-specs/acme.yaml.
set -euo pipefail
JAVA=${1:-java}
SECONDS_LOAD=${2:-20}
CONNECTIONS=${3:-50}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
GOLDEN=$ROOT/maas-maven-plugin/src/test/resources/golden/acme/base
WORK=$(mktemp -d)
STORE=${MAAS_BENCH_STORE:-redis}
PID=; SAMPLER=; REDIS=
trap '[ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null; [ -n "$PID" ] && kill "$PID" 2>/dev/null;
  [ -n "$REDIS" ] && kill "$REDIS" 2>/dev/null; rm -rf "$WORK"' EXIT

JAR=${MAAS_BENCH_JAR:-$(ls "$ROOT"/templates/token-service/service/target/maas-token-service-*.jar | grep -v sources | head -1)}
# The ConfigMap's data, de-indented: the config is a literal block.
awk '/config.json: \|/{on=1; next} on && /^    /{print substr($0, 5); next} on{exit}' \
  "$GOLDEN/configmap-acme-token-service-config.yaml" > "$WORK/config.json"
# The Deployment's JVM options, as the pod passes them.
DEPLOYMENT_OPTS=$(grep -A1 'name: "\?JDK_JAVA_OPTIONS' "$GOLDEN/deployment-acme-token-service.yaml" \
  | sed -n 's/^ *value: *"\?\([^"]*\)"\?$/\1/p')
JVM_OPTS=${MAAS_BENCH_JVM_OPTS:-$DEPLOYMENT_OPTS}
mkdir -p "$WORK/keys" "$WORK/state"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/keys/bench.pem" 2>/dev/null
openssl pkey -in "$WORK/keys/bench.pem" -pubout >> "$WORK/keys/bench.pem"

"$JAVA" -version 2>&1 | head -1
echo "JVM options: $JVM_OPTS"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), CPUs: $(nproc)"
PORT=$(( 20000 + RANDOM % 20000 )); METRICS=$(( PORT + 1 )); REDIS_PORT=$(( PORT + 2 ))
case "$STORE" in
  redis)
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" \
      > "$WORK/redis.log" 2>&1 &
    REDIS=$!
    until redis-cli -p "$REDIS_PORT" ping > /dev/null 2>&1; do sleep 0.05; done
    STORE_ENV=(MAAS_STATE_BACKEND=redis "MAAS_REDIS_URL=redis://127.0.0.1:$REDIS_PORT")
    echo "state store: Redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on 127.0.0.1:$REDIS_PORT";;
  file) STORE_ENV=(MAAS_STATE_BACKEND=file); echo "state store: file";;
  *) echo "MAAS_BENCH_STORE is redis or file, not $STORE" >&2; exit 1;;
esac
START=$(date +%s%N)
env "${STORE_ENV[@]}" MAAS_CONFIG="$WORK/config.json" MAAS_KEYS_DIR="$WORK/keys" MAAS_STATE_DIR="$WORK/state" \
  MAAS_PORT=$PORT MAAS_METRICS_PORT=$METRICS MAAS_BIND_ADDRESS=127.0.0.1 JDK_JAVA_OPTIONS="$JVM_OPTS" \
  "$JAVA" -jar "$JAR" > "$WORK/service.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$METRICS/health"; do
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/service.log"; exit 1; }
  sleep 0.01
done
# The process's CPU time (user + system) so far, in ms: fields 14 and 15 of /proc/PID/stat, in clock ticks.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$PID/stat"; }
# The compiler threads' ids, to tell whether one started or ended during the run.
jit_threads() {
  grep -l 'C[12] CompilerThre' /proc/"$PID"/task/*/comm 2>/dev/null | cut -d/ -f5 | sort | tr '\n' ' '
}
# The CPU time of the JIT compiler threads only ("C1 CompilerThre", "C2 CompilerThre"): their work is about the same for
# every run, so on a loaded machine, where fewer tokens are issued, it weighs more on each token; the figure without it
# compares builds more closely. The field after the name, which is in parentheses and holds a space, is the state.
jit_ms() {
  cat /proc/"$PID"/task/*/stat 2>/dev/null | awk -v hz="$(getconf CLK_TCK)" '
    /\(C[12] CompilerThre/ { sub(/^.*\) /, ""); t += $12 + $13 } END { print int(t * 1000 / hz) }'
}
echo "start: $(( ($(date +%s%N) - START) / 1000000 )) ms from process start to the first 200 of /health," \
  "$(cpu_ms) ms of CPU"

# Warm-up (JIT), then the measured run with the resident memory sampled every half second.
wrk -t2 -c"$CONNECTIONS" -d5s -s "$(dirname "$0")/issue-token.lua" "http://127.0.0.1:$PORT/v1/tokens" > /dev/null
(while kill -0 "$PID" 2>/dev/null; do awk '/VmRSS/{print $2}' "/proc/$PID/status"; sleep 0.5; done) > "$WORK/rss" &
SAMPLER=$!
CPU_BEFORE=$(cpu_ms); JIT_BEFORE=$(jit_ms); JIT_THREADS_BEFORE=$(jit_threads)
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_LOAD}s" --latency -s "$(dirname "$0")/issue-token.lua" \
  "http://127.0.0.1:$PORT/v1/tokens" | tee "$WORK/wrk.txt" | grep -E '^RESULT|Socket errors|Non-2xx'
CPU_USED=$(( $(cpu_ms) - CPU_BEFORE )); JIT_USED=$(( $(jit_ms) - JIT_BEFORE ))
TOKENS=$(sed -n 's/^RESULT \([0-9]*\) tokens.*/\1/p' "$WORK/wrk.txt")
echo "service CPU: $CPU_USED ms for $TOKENS tokens, $(awk -v c="$CPU_USED" -v t="$TOKENS" \
  'BEGIN{printf "%.0f us per token: %.0f tokens/s if the service had the %d CPUs to itself", c*1000/t, t*1000/c*'"$(nproc)"', '"$(nproc)"'}')"
# A compiler thread that ends during the run takes its time out of the per-thread figures (the JVM stops idle
# compiler threads), so the difference can come out low or negative: then it says so instead of a figure.
if [ "$JIT_USED" -ge 0 ] && [ "$(jit_threads)" = "$JIT_THREADS_BEFORE" ]; then
  echo "of which JIT compilers: $JIT_USED ms; without them $(awk -v c="$(( CPU_USED - JIT_USED ))" -v t="$TOKENS" \
    'BEGIN{printf "%.0f", c*1000/t}') us per token"
else
  echo "of which JIT compilers: not measured (the compiler threads changed during the run: $JIT_THREADS_BEFORE before," \
    "$(jit_threads) after)"
fi
kill "$SAMPLER" 2>/dev/null || true; SAMPLER=
echo "service RSS during the run: max $(sort -n "$WORK/rss" | tail -1) kB, last $(tail -1 "$WORK/rss") kB;" \
  "$(grep VmHWM "/proc/$PID/status" | tr -s ' \t' ' ')"
echo "service metrics:"; curl -s "http://127.0.0.1:$METRICS/metrics" | grep -E '^maas_' || true
if [ "$STORE" = redis ]; then
  echo "state: $(redis-cli -p "$REDIS_PORT" dbsize) Redis keys, Redis RSS" \
    "$(redis-cli -p "$REDIS_PORT" info memory | sed -n 's/^used_memory_rss:\([0-9]*\).*/\1/p' | tr -d '\r') bytes"
else
  echo "state file: $(stat -c %s "$WORK/state/tokens.json" 2>/dev/null || echo 0) bytes"
fi
grep -iE 'exception|error' "$WORK/service.log" | head -5 || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg), CPUs: $(nproc)"
