package dev.maas.bench;

import dev.maas.api.MaasCompiler;
import dev.maas.api.ValidateRequest;
import dev.maas.api.ValidateResult;
import dev.maas.check.OutputChecks;
import dev.maas.check.proof.PolicyProof;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.output.TreeWriter;
import dev.maas.render.PlatformRenderer;
import dev.maas.render.RenderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages of one generate in a fresh JVM, one after the other, each timed: what a build that
 * lives a few seconds pays per stage, the JIT's warm-up included. {@link ScaleRun} gives the same
 * stages after warm-up.
 *
 * <p>{@code java -cp tests/benchmarks/target/benchmarks.jar dev.maas.bench.ColdRun <spec> <out>
 * <crds>}; the parsed CRDs are kept in {@code <out>/.maas-cache} as generate keeps them, so run it
 * twice and read the second.
 */
public final class ColdRun {

  private ColdRun() {}

  public static void main(String[] args) {
    Path spec = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Path crds = Path.of(args[2]);
    long started = System.nanoTime();
    ValidateResult validation =
        new MaasCompiler().validate(new ValidateRequest(spec.toAbsolutePath().getParent(), spec));
    if (validation.errors() > 0) {
      throw new IllegalStateException(validation.errors() + " errors in " + spec);
    }
    Platform platform = validation.specs().get(0).platform();
    started = lap("parse + validate", started);
    GeneratedTree tree = new PlatformRenderer(new RenderOptions(null, "bench")).render(platform);
    started = lap("compile", started);
    List<Diagnostic> findings =
        new ArrayList<>(new OutputChecks(crds, out.resolve(".maas-cache")).structural(tree));
    started = lap("crd + cel checks", started);
    findings.addAll(new PolicyProof().prove(platform, tree).findings());
    started = lap("policy proof", started);
    if (findings.stream().anyMatch(Diagnostic::isError)) {
      throw new IllegalStateException(
          "the checks found errors, first: "
              + findings.stream().filter(Diagnostic::isError).findFirst().orElseThrow().render());
    }
    new TreeWriter().write(tree, out.resolve(platform.name()));
    lap("write", started);
  }

  private static long lap(String stage, long since) {
    long now = System.nanoTime();
    System.out.printf("  %-18s %6d ms%n", stage, (now - since) / 1_000_000);
    return now;
  }
}
