package dev.maas.bench;

import dev.maas.tests.synthetic.SyntheticSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic spec for whole-process measurements: {@code java -cp benchmarks.jar
 * dev.maas.bench.WriteSyntheticSpec <file> [models] [tiers] [environments]}.
 */
public final class WriteSyntheticSpec {

  private WriteSyntheticSpec() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int models = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int tiers = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int environments = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.write(file, SyntheticSpecs.bytes(models, tiers, environments));
  }
}
