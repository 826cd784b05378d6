package dev.maas.bench;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.MaasCompiler;
import java.nio.file.Path;

/**
 * One generate in a fresh JVM, as the Mojo runs it, timed from the compiler's construction: {@code
 * java -cp benchmarks.jar dev.maas.bench.NoOpRun <spec> <out> [crds]}. Run it twice; the second run
 * finds its inputs unchanged and shows what the up-to-date check costs.
 */
public final class NoOpRun {

  private NoOpRun() {}

  public static void main(String[] args) {
    Path spec = Path.of(args[0]);
    Path crds = args.length > 2 ? Path.of(args[2]) : null;
    long started = System.nanoTime();
    GenerateResult result =
        new MaasCompiler()
            .generate(
                new GenerateRequest(
                    spec.toAbsolutePath().getParent(),
                    spec,
                    Path.of(args[1]),
                    crds,
                    null,
                    "bench",
                    false));
    System.out.printf(
        "generate: up to date %s, %d ms, errors %s%n",
        result.upToDate(), (System.nanoTime() - started) / 1_000_000, result.hasErrors());
  }
}
