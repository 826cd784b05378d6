#!/usr/bin/env bash
# Whole-process timing, side by side: `./mvnw -q -N maas:generate` of a 1,000-model spec (Maven start
# included) against `kubectl kustomize` of one overlay it produced, then the no-op re-run.
# Needs the plugin installed (./mvnw -q install -DskipTests), the bench jar (-Pbench package), hyperfine, kubectl.
#
#   tests/benchmarks/scripts/generate-vs-kustomize.sh [models]
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
GEN="./mvnw -q -N maas:generate -Dmaas.spec=$WORK/synth.yaml -Dmaas.outputDirectory=$OUT"
# One run to produce the overlay kustomize builds.
$GEN -Dmaas.force=true
find "$OUT/synth" -type f | wc -l | xargs echo "files generated:"
# The third command is the same generate with Maven's JVM compiling with C1 only (MAVEN_OPTS, or a project's
# .mvn/jvm.config): a short-lived build spends less on the JIT.
hyperfine --warmup 1 --runs 10 --export-markdown "$WORK/side-by-side.md" \
  -n "maas:generate (forced, ${MODELS} models)" "$GEN -Dmaas.force=true" \
  -n "kubectl kustomize overlays/env-0" "kubectl kustomize $OUT/synth/overlays/env-0 > /dev/null" \
  -n "maas:generate (forced, C1 only)" "MAVEN_OPTS=-XX:TieredStopAtLevel=1 $GEN -Dmaas.force=true"
cat "$WORK/side-by-side.md"
# No-op: unchanged inputs; the Mojo logs how long its check took, and no file may change.
find "$OUT" -type f -printf '%p %T@\n' | sort > "$WORK/before"
./mvnw -N maas:generate -Dmaas.spec="$WORK/synth.yaml" -Dmaas.outputDirectory="$OUT" | grep "up to date"
find "$OUT" -type f -printf '%p %T@\n' | sort > "$WORK/after"
if cmp -s "$WORK/before" "$WORK/after"; then echo "no-op: no file written (mtimes unchanged)"; else echo "no-op: FILES CHANGED"; diff "$WORK/before" "$WORK/after" | head; fi
hyperfine --warmup 1 --runs 10 -n "maas:generate no-op (${MODELS} models)" "$GEN"
