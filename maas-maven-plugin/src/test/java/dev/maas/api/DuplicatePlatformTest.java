package dev.maas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maas.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two specs of one folder naming the same platform: the second is in error, and names the first's
 * line.
 */
class DuplicatePlatformTest {

  @Test
  void secondSpecNamesTheFirstsFileAndLine(@TempDir Path dir) throws Exception {
    String acme =
        Files.readString(
            Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml"));
    Files.createDirectories(dir.resolve("specs"));
    Files.writeString(dir.resolve("specs/a.yaml"), acme);
    Files.writeString(dir.resolve("specs/b.yaml"), "# A copy under another file name.\n\n" + acme);

    GenerateResult result =
        new MaasCompiler()
            .generate(
                new GenerateRequest(
                    dir, dir.resolve("specs"), dir.resolve("out"), null, null, "test"));

    assertEquals(
        List.of(
            "specs/b.yaml:8:9: error: /metadata/name: platform `acme` is already defined at"
                + " specs/a.yaml:6:9 (give every platform its own metadata.name) [spec.duplicatePlatform]"),
        result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render).toList());
  }
}
