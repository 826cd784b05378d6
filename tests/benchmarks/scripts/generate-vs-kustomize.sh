#!/usr/bin/env bash
# Whole-process timing, side by side: `./mvnw -q -N maas:generate` of a 1,000-model spec (Maven start
# included) against `kubectl kustomize` of one overlay it produced, then the no-op re-run.
# Needs the plugin installed (./mvnw -q install -DskipTests), the bench jar (-Pbench package), hyperfine, kubectl.
# With JDK25_HOME set to a JDK 25 or later, it also times generate on that JDK, plain, with an AOT cache
# trained on one forced generate (JEP 483/515), and with the cache and C1 only.
#
#   [JDK25_HOME=<JDK 25 home>] tests/benchmarks/scripts/generate-vs-kustomize.sh [models]
set -euo pipefail
MODELS=${1:-1000}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$ROOT"
# On the project's disk, where generate writes: this VM's /tmp creates files far more slowly (FileCreationRun).
mkdir -p tests/benchmarks/target
WORK=$(mktemp -d "$ROOT/tests/benchmarks/target/generate-vs-kustomize.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
java -cp tests/benchmarks/target/benchmarks.jar dev.maas.bench.WriteSyntheticSpec "$WORK/synth.yaml" "$MODELS" 20 3
OUT=$WORK/out
# The project's overlays/ are for its own spec's environments: the synthetic spec takes an empty folder.
mkdir -p "$WORK/overlays"
GEN="./mvnw -q -N maas:generate -Dmaas.spec=$WORK/synth.yaml -Dmaas.outputDirectory=$OUT -Dmaas.overlays=$WORK/overlays"
# One run to produce the overlay kustomize builds.
$GEN -Dmaas.force=true
find "$OUT/synth" -type f | wc -l | xargs echo "files generated:"
# The third command is the same generate with Maven's JVM compiling with C1 only (MAVEN_OPTS, or a project's
# .mvn/jvm.config): a short-lived build spends less on the JIT. The fourth is Maven starting and running no
# plugin at all: the floor under any goal.
hyperfine --warmup 1 --runs 10 --export-markdown "$WORK/side-by-side.md" \
  -n "maas:generate (forced, ${MODELS} models)" "$GEN -Dmaas.force=true" \
  -n "kubectl kustomize overlays/env-0" "kubectl kustomize $OUT/synth/overlays/env-0 > /dev/null" \
  -n "maas:generate (forced, C1 only)" "MAVEN_OPTS=-XX:TieredStopAtLevel=1 $GEN -Dmaas.force=true" \
  -n "Maven alone (./mvnw -q -N validate)" "./mvnw -q -N validate"
cat "$WORK/side-by-side.md"
# No-op: unchanged inputs; the Mojo logs how long its check took, and no file may change.
find "$OUT" -type f -printf '%p %T@\n' | sort > "$WORK/before"
./mvnw -N maas:generate -Dmaas.spec="$WORK/synth.yaml" -Dmaas.outputDirectory="$OUT" -Dmaas.overlays="$WORK/overlays" | grep "up to date"
find "$OUT" -type f -printf '%p %T@\n' | sort > "$WORK/after"
if cmp -s "$WORK/before" "$WORK/after"; then echo "no-op: no file written (mtimes unchanged)"; else echo "no-op: FILES CHANGED"; diff "$WORK/before" "$WORK/after" | head; fi
hyperfine --warmup 1 --runs 10 -n "maas:generate no-op (${MODELS} models)" "$GEN"
if [ -n "${JDK25_HOME:-}" ]; then
  # The cache holds the classes Maven and the plugin loaded, linked, and the profiles of their hot methods.
  # The training run warns about every class it cannot keep; its log is kept short.
  JAVA_HOME=$JDK25_HOME MAVEN_OPTS="-XX:AOTCacheOutput=$WORK/maas.aot" $GEN -Dmaas.force=true > "$WORK/aot.log" 2>&1
  grep "AOTCache creation is complete" "$WORK/aot.log"
  ls -l "$WORK/maas.aot"
  hyperfine --warmup 1 --runs 10 --export-markdown "$WORK/jdk25.md" \
    -n "maas:generate (forced, JDK 25)" "JAVA_HOME=$JDK25_HOME $GEN -Dmaas.force=true" \
    -n "maas:generate (forced, JDK 25, AOT cache)" "JAVA_HOME=$JDK25_HOME MAVEN_OPTS=-XX:AOTCache=$WORK/maas.aot $GEN -Dmaas.force=true" \
    -n "maas:generate (forced, JDK 25, AOT cache, C1 only)" \
    "JAVA_HOME=$JDK25_HOME MAVEN_OPTS='-XX:AOTCache=$WORK/maas.aot -XX:TieredStopAtLevel=1' $GEN -Dmaas.force=true" \
    -n "kubectl kustomize overlays/env-0" "kubectl kustomize $OUT/synth/overlays/env-0 > /dev/null"
  cat "$WORK/jdk25.md"
fi
