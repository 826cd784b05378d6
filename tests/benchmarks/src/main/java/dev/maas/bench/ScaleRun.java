package dev.maas.bench;

import dev.maas.check.OutputChecks;
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
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole of generate, stage by stage, on synthetic platforms: median wall time and CPU time of each
 * stage after warm-up, and garbage collections, in one JVM. CPU time stays meaningful on a busy machine, where
 * wall time also counts the waits for a processor. Run with {@code -Xmx256m} to prove the heap bound.
 *
 * <p>{@code java -Xmx256m -cp tests/benchmarks/target/benchmarks.jar dev.maas.bench.ScaleRun 1000 4000}
 */
public final class ScaleRun {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ScaleRun() {}

  public static void main(String[] args) throws IOException {
    int warmups = Integer.getInteger("warmups", 5);
    int iterations = Integer.getInteger("iterations", 10);
    Path crds = Path.of(System.getProperty("maas.crds", "../shared/crds"));
    OutputChecks checks = new OutputChecks(crds);
    Path out = Files.createTempDirectory("maas-scale");
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
          Platform platform = time(run, "parse+validate", () -> new SpecValidator().validate(spec, "synth.yaml").platform());
          GeneratedTree tree = time(run, "compile", () -> new PlatformRenderer(new RenderOptions(null, "bench")).render(platform));
          time(run, "crd+cel checks", () -> checks.check(platform, tree));
          Path target = out.resolve(models + "-" + i).resolve("synth");
          time(run, "write", () -> new TreeWriter().write(tree, target));
          long[] cw = {run.get("compile")[0] + run.get("write")[0], run.get("compile")[1] + run.get("write")[1]};
          run.put("compile+write", cw);
          run.put("compile+checks+write", new long[] {cw[0] + run.get("crd+cel checks")[0],
              cw[1] + run.get("crd+cel checks")[1]});
          run.put("all (parse..write)", new long[] {run.get("compile+checks+write")[0] + run.get("parse+validate")[0],
              run.get("compile+checks+write")[1] + run.get("parse+validate")[1]});
          if (i >= warmups) {
            run.forEach((stage, t) -> samples.computeIfAbsent(stage, s -> new ArrayList<>()).add(t));
          }
          delete(out.resolve(models + "-" + i));
        }
        System.out.printf("models=%d tiers=20 environments=3, %d iterations after %d warm-ups%n", models, iterations, warmups);
        samples.forEach((stage, list) -> System.out.printf("  %-22s wall median %7.1f ms (min %7.1f)   cpu median %7.1f ms%n",
            stage, median(list, 0), min(list, 0), median(list, 1)));
        // The pools peak at different times, so their sum overstates the peak; -Xlog:gc gives the true one.
        System.out.printf("  heap max %.1f MB, sum of pool peaks %.1f MB (an upper bound); %s%n",
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

  private static <T> T time(Map<String, long[]> run, String stage, Step<T> step) throws IOException {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    T result = step.run();
    run.put(stage, new long[] {System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu});
    return result;
  }

  private static double median(List<long[]> list, int k) {
    long[] v = list.stream().mapToLong(t -> t[k]).sorted().toArray();
    return (v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0) / 1e6;
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
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static String gcs() {
    StringBuilder s = new StringBuilder();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      s.append(gc.getName()).append(' ').append(gc.getCollectionCount()).append("x/").append(gc.getCollectionTime())
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
