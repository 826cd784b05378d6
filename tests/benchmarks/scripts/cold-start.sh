#!/usr/bin/env bash
# Whole cold processes, side by side on one generated spec: the `maas` CLI (through its launcher, with the
# class-data-sharing archive the build made), `./mvnw -q -N maas:generate`, and `kubectl kustomize` of one
# overlay of the output; then the no-op re-run, 4,000 models, and the CLI's peak RSS. Prints hyperfine's
# tables, then every figure as a ratio to kustomize, and the targets of docs/performance.md met or not.
# The goal runs twice: in this project, whose pom sets maas.crds (so it also checks every object against
# ../shared/crds, like the CLI's --crds row), and in a project of one pom that only names the plugin (no CRD
# checks, like the CLI's forced row), each beside Maven alone on the same pom.
# Maven reads MAVEN_ARGS (e.g. "-o -Dmaven.repo.local=DIR") for both mvnw commands.
# Needs: the plugin and the CLI installed (./mvnw -q install -DskipTests), the bench jar
# (./mvnw -q -Pbench package -pl tests/benchmarks -am -DskipTests), hyperfine, kubectl, GNU time.
#
#   [RUNS=10] [WARMUP=1] [CRDS=../shared/crds] tests/benchmarks/scripts/cold-start.sh [models]
set -euo pipefail
MODELS=${1:-1000}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-1}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$ROOT"
CRDS=${CRDS:-$ROOT/../shared/crds}
MAAS="$ROOT/maas-maven-plugin/cli/maas"
# On the project's disk, where generate writes: this VM's /tmp creates files far more slowly (FileCreationRun).
mkdir -p tests/benchmarks/target
WORK=$(mktemp -d "$ROOT/tests/benchmarks/target/cold-start.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
BENCH=tests/benchmarks/target/benchmarks.jar
java -cp "$BENCH" dev.maas.bench.WriteSyntheticSpec "$WORK/synth.yaml" "$MODELS" 20 3
java -cp "$BENCH" dev.maas.bench.WriteSyntheticSpec "$WORK/synth4.yaml" $((MODELS * 4)) 20 3
echo "java: $(java -version 2>&1 | head -1); archive: $(ls "$ROOT"/maas-maven-plugin/cli/target/maas-cli-*.jsa 2>/dev/null || echo none)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

CLI="$MAAS generate --spec $WORK/synth.yaml --output $WORK/cli"
CLI_CRDS="$MAAS generate --spec $WORK/synth.yaml --output $WORK/cli-crds --crds $CRDS"
# The project's overlays/ are for its own spec's environments: the synthetic spec takes an empty folder.
mkdir -p "$WORK/overlays"
MVN="./mvnw -q -N maas:generate -Dmaas.spec=$WORK/synth.yaml -Dmaas.outputDirectory=$WORK/mvn -Dmaas.overlays=$WORK/overlays -Dmaas.force=true"
# A user's project: one pom naming the plugin, nothing else configured.
VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
mkdir -p "$WORK/project"
cat > "$WORK/project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>cold-start</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.maas</groupId>
        <artifactId>maas-maven-plugin</artifactId>
        <version>$VERSION</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
MVN_PROJECT="./mvnw -q -f $WORK/project/pom.xml maas:generate -Dmaas.spec=$WORK/synth.yaml -Dmaas.outputDirectory=$WORK/mvn-project -Dmaas.force=true"
# One run of each to produce the overlay kustomize builds and the record the no-op reads.
# A run that fails says so, with its last lines; hyperfine then times it anyway (-i) and the table tells.
prepare() {
  "$@" > "$WORK/prepare.log" 2>&1 || { echo "exit $?: $*"; grep -v ': warning: ' "$WORK/prepare.log" | tail -5; }
}
prepare $CLI --force
prepare $CLI_CRDS --force
prepare $MAAS generate --spec "$WORK/synth4.yaml" --output "$WORK/cli4" --force
prepare $MVN_PROJECT
find "$WORK/cli/synth" -type f | wc -l | xargs echo "files generated:"

hyperfine -i --warmup "$WARMUP" --runs "$RUNS" --export-json "$WORK/side.json" --export-markdown "$WORK/side.md" \
  -n kustomize "kubectl kustomize $WORK/cli/synth/overlays/env-0 > /dev/null" \
  -n cli "$CLI --force > /dev/null 2>&1" \
  -n cli-crds "$CLI_CRDS --force > /dev/null 2>&1" \
  -n cli-noop "$CLI > /dev/null 2>&1" \
  -n cli-4x "$MAAS generate --spec $WORK/synth4.yaml --output $WORK/cli4 --force > /dev/null 2>&1" \
  -n mvn "$MVN > /dev/null 2>&1" \
  -n mvn-alone "./mvnw -q -N validate > /dev/null 2>&1" \
  -n mvn-project "$MVN_PROJECT > /dev/null 2>&1" \
  -n mvn-project-alone "./mvnw -q -f $WORK/project/pom.xml validate > /dev/null 2>&1"
cat "$WORK/side.md"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The no-op writes nothing: every file's modification time stays.
find "$WORK/cli" -type f -printf '%p %T@\n' | sort > "$WORK/before"
$CLI > /dev/null 2>&1
find "$WORK/cli" -type f -printf '%p %T@\n' | sort > "$WORK/after"
written=$(diff "$WORK/before" "$WORK/after" | grep -c '^>' || true)
rss=$( { /usr/bin/time -f '%M' $CLI --force > /dev/null 2> "$WORK/time.err"; } ; tail -1 "$WORK/time.err")

python3 - "$WORK/side.json" "$written" "$rss" <<'EOF'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
mean = {name: r["mean"] for name, r in runs.items()}
k = mean["kustomize"]
written, rss_mb = int(sys.argv[2]), int(sys.argv[3]) / 1024
# Processor time beside the wall time: on a shared machine it moves less with the load.
cpu = {name: r["user"] + r["system"] for name, r in runs.items()}
for name, m in mean.items():
    print(f"{name:17} {m:7.3f} s  {m / k:5.2f} x kustomize   cpu {cpu[name]:7.3f} s  {cpu[name] / cpu['kustomize']:5.2f} x")
rows = [
    ("CLI, forced, no CRD checks <= 0.6 x kustomize", mean["cli"] / k, 0.6),
    ("CLI, forced, --crds <= 1.0 x kustomize", mean["cli-crds"] / k, 1.0),
    ("maas:generate <= Maven alone + 0.6 x kustomize (s), this project (CRD checks)", mean["mvn"], mean["mvn-alone"] + 0.6 * k),
    ("maas:generate <= Maven alone + 0.6 x kustomize (s), one-pom project", mean["mvn-project"], mean["mvn-project-alone"] + 0.6 * k),
    ("no-op re-run <= 0.150 s", mean["cli-noop"], 0.150),
    ("no-op files written == 0", written, 0),
    ("4x models <= 4.4 x", mean["cli-4x"] / mean["cli"], 4.4),
    ("peak RSS at 1x <= 300 MB", rss_mb, 300),
]
for label, value, limit in rows:
    print(f"{'met    ' if value <= limit else 'NOT met'}  {label}: {value:.3f} (limit {limit:.3f})")
EOF
