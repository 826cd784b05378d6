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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The compiler's stages on synthetic platforms of 100, 1,000 and 4,000 models with 20 tiers and 3
 * environments: parse + validate, compile, CRD/CEL validation, write, and all of them together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx256m"})
public class CompilerBenchmark {

  @Param({"100", "1000", "4000"})
  public int models;

  /**
   * The folder of CRDs, from -Dmaas.crds (default ../shared/crds relative to the working folder).
   */
  private final Path crds = Path.of(System.getProperty("maas.crds", "../shared/crds"));

  private byte[] spec;
  private Platform platform;
  private GeneratedTree tree;
  private OutputChecks checks;
  private Path out;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    spec = SyntheticSpecs.bytes(models, 20, 3);
    platform = new SpecValidator().validate(spec, "synth.yaml").platform();
    tree = new PlatformRenderer(new RenderOptions(null, "bench")).render(platform);
    checks = new OutputChecks(crds);
    checks.check(platform, tree);
    out = Files.createTempDirectory("maas-bench");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> walk = Files.walk(out)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Read the YAML, check the schema and the semantic rules, bind the model. */
  @Benchmark
  public Platform parseAndValidate() {
    return new SpecValidator().validate(spec, "synth.yaml").platform();
  }

  /** Render every object of the base, the overlays and Argo CD. */
  @Benchmark
  public GeneratedTree compile() {
    return new PlatformRenderer(new RenderOptions(null, "bench")).render(platform);
  }

  /** Validate every generated object against its CRD schema and CEL rules. */
  @Benchmark
  public Object crdAndCelValidation() {
    return checks.check(platform, tree);
  }

  /** Write the tree into a fresh folder. */
  @Benchmark
  public TreeWriter.Report write() throws IOException {
    Path target = Files.createTempDirectory(out, "w").resolve("synth");
    return new TreeWriter().write(tree, target);
  }

  /** Compile and write, as generate does without checks. */
  @Benchmark
  public TreeWriter.Report compileAndWrite() throws IOException {
    GeneratedTree t = new PlatformRenderer(new RenderOptions(null, "bench")).render(platform);
    return new TreeWriter().write(t, Files.createTempDirectory(out, "cw").resolve("synth"));
  }

  /** Compile, validate against CRDs and CEL, and write: the whole of generate after parsing. */
  @Benchmark
  public TreeWriter.Report compileCheckAndWrite() throws IOException {
    GeneratedTree t = new PlatformRenderer(new RenderOptions(null, "bench")).render(platform);
    checks.check(platform, t);
    return new TreeWriter().write(t, Files.createTempDirectory(out, "ccw").resolve("synth"));
  }
}
