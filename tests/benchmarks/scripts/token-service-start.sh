#!/usr/bin/env bash
# Start time of the MaaS API image's entrypoint on a JRE: from process start to the first 200 of /health on the
# metrics port (what the startup probe asks), and the CPU time it took, over several runs. The runs share one
# working directory, the Deployment's workingDir, as the restarts of a container in one pod share its emptyDir: run 1
# starts without a class data archive and writes it there when it exits, the later runs map it.
#
#   tests/benchmarks/scripts/token-service-start.sh [runs]
#
# Without registry access the image is built on a base made here: a jlink'd runtime of a JDK (MAAS_BENCH_JDK,
# default the one java runs; 19 or later, as the image's JVM flags need: the real base is 21) without the compiler,
# with the default class data archive a temurin JRE also ships (modules java.se, jdk.httpserver, jdk.crypto.ec,
# jdk.unsupported, jdk.zipfs, jdk.management), saved as an image archive that Jib takes as tar://. Jib then builds
# the real image archive (profile image-tar); its layers are unpacked and its entrypoint (java <jvmFlags> -cp
# @/app/jib-classpath-file dev.maas.tokenservice.Main) is run with /app and the runtime's path rebased on the
# unpacked folder, a folder of its own as the working directory, and the Deployment's JDK_JAVA_OPTIONS. No container runtime is used: the CPU and memory limits
# of a pod do not apply, so the figure is the JVM's, on this machine's load.
#
# Needs openssl, curl, python3; Maven options (e.g. -Dmaven.repo.local=...) go in MAVEN_ARGS. Reads the generated config from the golden files of platform-specs/acme.yaml.
set -euo pipefail
RUNS=${1:-10}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
GOLDEN=$ROOT/maas-maven-plugin/src/test/resources/golden/acme/base
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

JDK=${MAAS_BENCH_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
FEATURE=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${FEATURE%%.*}" -lt 19 ]; then
  echo "$JDK is Java $FEATURE; the image's JVM flags need 19 or later: set MAAS_BENCH_JDK" >&2; exit 1
fi

# 1. A JRE base image archive, docker-save layout: one layer with the runtime under /opt/java/openjdk.
"$JDK/bin/jlink" --add-modules java.se,jdk.httpserver,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.management \
  --generate-cds-archive \
  --strip-debug --no-header-files --no-man-pages --output "$WORK/jre"
if [ -e "$WORK/jre/bin/javac" ]; then echo "the runtime has a compiler" >&2; exit 1; fi
python3 - "$WORK" <<'PY'
import hashlib, json, os, sys, tarfile
work = sys.argv[1]
base = os.path.join(work, "base")
os.makedirs(base)
layer = os.path.join(base, "layer.tar")
with tarfile.open(layer, "w") as t:
    t.add(os.path.join(work, "jre"), arcname="opt/java/openjdk")
diff = hashlib.sha256(open(layer, "rb").read()).hexdigest()
config = json.dumps({"architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/opt/java/openjdk/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java/openjdk"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff]}}).encode()
name = hashlib.sha256(config).hexdigest() + ".json"
open(os.path.join(base, name), "wb").write(config)
json.dump([{"Config": name, "RepoTags": ["local/jre:base"], "Layers": ["layer.tar"]}],
          open(os.path.join(base, "manifest.json"), "w"))
with tarfile.open(os.path.join(work, "jre-base.tar"), "w") as t:
    for f in os.listdir(base):
        t.add(os.path.join(base, f), arcname=f)
PY

# 2. The image archive, as a user without a registry builds it.
(cd "$ROOT" && ./mvnw -o -q -B -pl templates/token-service/service -am -Pimage-tar package -DskipTests \
  -Dmaas.tokenService.baseImage="tar://$WORK/jre-base.tar")
IMAGE=$ROOT/templates/token-service/service/target/jib-image.tar

# 3. Its layers unpacked in order, its entrypoint rebased on the folder; the pod's emptyDir a folder beside them.
mkdir -p "$WORK/image" "$WORK/rootfs"
tar xf "$IMAGE" -C "$WORK/image"
python3 - "$WORK" > "$WORK/entrypoint" <<'PY'
import json, os, sys, tarfile
work = sys.argv[1]
image, rootfs = os.path.join(work, "image"), os.path.join(work, "rootfs")
manifest = json.load(open(os.path.join(image, "manifest.json")))[0]
for layer in manifest["Layers"]:
    with tarfile.open(os.path.join(image, layer)) as t:
        t.extractall(rootfs)
entry = json.load(open(os.path.join(image, manifest["Config"])))["config"]["Entrypoint"]
cp = os.path.join(rootfs, "app", "jib-classpath-file")
open(cp + ".rebased", "w").write(open(cp).read().replace("/app/", rootfs + "/app/"))
rebased = [os.path.join(rootfs, "opt/java/openjdk/bin/java") if a == "java" else
           "@" + cp + ".rebased" if a == "@/app/jib-classpath-file" else a for a in entry]
print("\n".join(rebased))
PY
mapfile -t ENTRYPOINT < "$WORK/entrypoint"
mkdir -p "$WORK/emptydir"
echo "entrypoint: ${ENTRYPOINT[*]}"

awk '/config.json: \|/{on=1; next} on && /^    /{print substr($0, 5); next} on{exit}' \
  "$GOLDEN/configmap-acme-token-service-config.yaml" > "$WORK/config.json"
mkdir -p "$WORK/keys"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/keys/start.pem" 2>/dev/null
openssl pkey -in "$WORK/keys/start.pem" -pubout >> "$WORK/keys/start.pem"

# The Deployment's JVM options, as the pod passes them.
JVM_OPTS=$(grep -A1 'name: "\?JDK_JAVA_OPTIONS' "$GOLDEN/deployment-acme-token-service.yaml" \
  | sed -n 's/^ *value: *"\?\([^"]*\)"\?$/\1/p')
echo "JDK_JAVA_OPTIONS: $JVM_OPTS"

# 4. Process start to the first 200 of /health, as the Deployment's environment starts it.
for run in $(seq 1 "$RUNS"); do
  PORT=$(( 20000 + RANDOM % 20000 )); METRICS=$(( PORT + 1 ))
  rm -rf "$WORK/state"; mkdir -p "$WORK/state"
  START=$(date +%s%N)
  MAAS_CONFIG=$WORK/config.json MAAS_KEYS_DIR=$WORK/keys MAAS_STATE_DIR=$WORK/state MAAS_PORT=$PORT \
    MAAS_METRICS_PORT=$METRICS MAAS_BIND_ADDRESS=127.0.0.1 \
    JDK_JAVA_OPTIONS="$JVM_OPTS" bash -c 'cd "$0" && exec "$@"' "$WORK/emptydir" "${ENTRYPOINT[@]}" \
    > "$WORK/service-$run.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$METRICS/health"; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/service-$run.log"; exit 1; }
    sleep 0.01
  done
  END=$(date +%s%N)
  CPU=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$PID/stat")
  ARCHIVE=$([ -s "$WORK/emptydir/maas-token-service.jsa" ] && echo "with" || echo "without")
  echo "run $run: $(( (END - START) / 1000000 )) ms to ready, $CPU ms of CPU ($ARCHIVE a class data archive)"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), CPUs: $(nproc)"
