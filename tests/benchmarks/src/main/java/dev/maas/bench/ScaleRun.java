package dev.maas.bench;

import dev.maas.check.OutputChecks;
import dev.maas.check.proof.PolicyProof;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.output.TreeWriter;
import dev.maas.render.PlatformRenderer;
import dev.maas.render.RenderOptions;
import dev.maas.tests.synthetic.SyntheticSpecs;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The whole of generate, stage by stage, on synthetic platforms: median wall time and process CPU
 * time of each stage after warm-up, and garbage collections, in one JVM. CPU time stays meaningful
 * on a busy machine, where wall time also counts the waits for a processor. Run with {@code
 * -Xmx256m} to prove the heap bound.
 *
 * <p>{@code java -Xmx256m -cp tests/benchmarks/target/benchmarks.jar dev.maas.bench.ScaleRun 1000
 * 4000}, from the project root; the output is written under {@code
 * tests/benchmarks/target/scale-run} (or {@code -Dmaas.bench.out}).
 */
public final class ScaleRun {

  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ScaleRun() {}

  public static void main(String[] args) throws IOException {
    int warmups = Integer.getInteger("warmups", 5);
    int iterations = Integer.getInteger("iterations", 10);
    Path crds = Path.of(System.getProperty("maas.crds", "../shared/crds"));
    OutputChecks checks = new OutputChecks(crds);
    // The output goes where generate writes it: the project's own disk (file creation in this VM's
    // /tmp costs
    // thirty times more; FileCreationRun shows it). -Dmaas.bench.out=/dev/shm/... measures without
    // a disk.
    Path out = Path.of(System.getProperty("maas.bench.out", "tests/benchmarks/target/scale-run"));
    Files.createDirectories(out);
    try {
      for (String arg : args.length == 0 ? new String[] {"1000", "4000"} : args) {
        int models = Integer.parseInt(arg);
        byte[] spec = SyntheticSpecs.bytes(models, 20, 3);
        Map<String, List<long[]>> samples = new LinkedHashMap<>();
        for (int i = 0; i < warmups + iterations; i++) {
          if (i == warmups) {
            resetPeaks();
          }
          Map<String, long[]> run = new LinkedHashMap<>();
          Platform platform =
              time(
                  run,
                  "parse+validate",
                  () -> new SpecValidator().validate(spec, "synth.yaml").platform());
          GeneratedTree tree =
              time(
                  run,
                  "compile",
                  () -> new PlatformRenderer(new RenderOptions(null, "bench")).render(platform));
          List<Diagnostic> findings =
              new ArrayList<>(time(run, "crd+cel checks", () -> checks.structural(tree)));
          findings.addAll(
              time(run, "policy proof", () -> new PolicyProof().prove(platform, tree)).findings());
          long errors = findings.stream().filter(Diagnostic::isError).count();
          if (errors > 0) {
            // A benchmark of output that fails its checks measures nothing a user would run.
            throw new IllegalStateException(
                errors
                    + " errors in the checks of "
                    + models
                    + " models, first: "
                    + findings.stream()
                        .filter(Diagnostic::isError)
                        .findFirst()
                        .orElseThrow()
                        .render());
          }
          Path target = out.resolve(models + "-" + i).resolve("synth");
          time(run, "write", () -> new TreeWriter().write(tree, target));
          // The run after a one-line change of the spec: one file differs from the tree on disk.
          TreeMap<String, byte[]> edited = new TreeMap<>(tree.files());
          String policy =
              edited.keySet().stream()
                  .filter(f -> f.startsWith("base/tokenratelimitpolicy-"))
                  .findFirst()
                  .orElseThrow();
          edited.put(
              policy,
              (new String(edited.get(policy), StandardCharsets.UTF_8) + "# edited\n")
                  .getBytes(StandardCharsets.UTF_8));
          GeneratedTree editedTree = new GeneratedTree(edited);
          time(run, "write (1 file changed)", () -> new TreeWriter().write(editedTree, target));
          long[] cw = {
            run.get("compile")[0] + run.get("write")[0], run.get("compile")[1] + run.get("write")[1]
          };
          run.put("compile+write", cw);
          run.put(
              "compile+crd+cel+write",
              new long[] {
                cw[0] + run.get("crd+cel checks")[0], cw[1] + run.get("crd+cel checks")[1]
              });
          run.put(
              "compile+checks+proof+write",
              new long[] {
                run.get("compile+crd+cel+write")[0] + run.get("policy proof")[0],
                run.get("compile+crd+cel+write")[1] + run.get("policy proof")[1]
              });
          run.put(
              "all (parse..write)",
              new long[] {
                run.get("compile+checks+proof+write")[0] + run.get("parse+validate")[0],
                run.get("compile+checks+proof+write")[1] + run.get("parse+validate")[1]
              });
          if (i >= warmups) {
            run.forEach(
                (stage, t) -> samples.computeIfAbsent(stage, s -> new ArrayList<>()).add(t));
          }
          delete(out.resolve(models + "-" + i));
        }
        System.out.printf(
            "models=%d tiers=20 environments=3, %d iterations after %d warm-ups%n",
            models, iterations, warmups);
        samples.forEach(
            (stage, list) ->
                System.out.printf(
                    "  %-26s wall median %7.1f ms (min %7.1f)   process cpu median %7.1f ms%n",
                    stage, median(list, 0), min(list, 0), median(list, 1)));
        // The pools peak at different times, so their sum overstates the peak; -Xlog:gc gives the
        // true one.
        System.out.printf(
            "  heap max %.1f MB, sum of pool peaks %.1f MB (an upper bound); %s%n",
            Runtime.getRuntime().maxMemory() / 1e6, peakHeap() / 1e6, gcs());
      }
    } finally {
      delete(out);
    }
  }

  /** A step whose result is kept, so that nothing is optimised away. */
  interface Step<T> {
    T run() throws IOException;
  }

  private static <T> T time(Map<String, long[]> run, String stage, Step<T> step)
      throws IOException {
    long wall = System.nanoTime();
    // The process's CPU time: the policy proof evaluates on every processor, and collections count
    // too.
    long cpu = PROCESS.getProcessCpuTime();
    T result = step.run();
    run.put(stage, new long[] {System.nanoTime() - wall, PROCESS.getProcessCpuTime() - cpu});
    return result;
  }

  private static double median(List<long[]> list, int k) {
    long[] v = list.stream().mapToLong(t -> t[k]).sorted().toArray();
    return (v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0)
        / 1e6;
  }

  private static double min(List<long[]> list, int k) {
    return Arrays.stream(list.stream().mapToLong(t -> t[k]).toArray()).min().orElse(0) / 1e6;
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap ever in use at once. */
  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  private static String gcs() {
    StringBuilder s = new StringBuilder();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      s.append(gc.getName())
          .append(' ')
          .append(gc.getCollectionCount())
          .append("x/")
          .append(gc.getCollectionTime())
          .append(" ms; ");
    }
    return s.toString();
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
