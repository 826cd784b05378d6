package dev.maas.tests.publish;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GitLogin;
import dev.maas.api.GitTarget;
import dev.maas.api.MaasCompiler;
import dev.maas.api.PublishOptions;
import dev.maas.api.PublishResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Publishes a spec to a local bare repository through the compiler's API, as the goals do. */
final class ApiPublication {

  private ApiPublication() {}

  /** A copy of the reference spec {@code platform-specs/acme.yaml} in {@code folder}. */
  static Path referenceSpec(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path spec = folder.resolve("acme.yaml");
    Files.copy(
        Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml"),
        spec);
    return spec;
  }

  /**
   * Generates {@code spec} under {@code dir} and publishes it to {@code remote} over {@code
   * file://}, as {@code author} (or the default when null) with environment {@code env}.
   */
  static PublishResult publish(
      Path dir, Path spec, Path remote, String author, Map<String, String> env) {
    GenerateRequest generate =
        new GenerateRequest(
            dir,
            spec,
            dir.resolve("out"),
            null,
            null,
            "test",
            false,
            new GitTarget("file://" + remote, null, null));
    return new MaasCompiler()
        .publish(
            new PublishOptions(
                generate, GitLogin.none(), dir.resolve("clones"), false, false, author, env));
  }
}
