package dev.maas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import dev.maas.validate.Rendered;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of hand-written overlays that names no environment is an error, not silently left out.
 */
class OverlayFoldersTest {

  @TempDir Path dir;

  private GenerateResult generate() throws Exception {
    Path spec = dir.resolve("acme.yaml");
    Files.copy(
        Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml"),
        spec);
    return new MaasCompiler()
        .generate(
            new GenerateRequest(
                dir, spec, dir.resolve("out"), null, dir.resolve("overlays"), "test"));
  }

  @Test
  void misspelledEnvironmentFolderIsAnErrorWithTheName() throws Exception {
    Files.createDirectories(dir.resolve("overlays/prd"));
    Files.writeString(dir.resolve("overlays/prd/replicas.yaml"), "kind: Deployment\n");
    Files.createDirectories(dir.resolve("overlays/dev"));

    GenerateResult result = generate();

    assertTrue(result.hasErrors());
    List<String> errors =
        result.diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(Rendered::withoutCode)
            .toList();
    assertEquals(
        List.of(
            "overlays/prd/: error: hand-written overlays for environment `prd`, which no spec defines"
                + " (environments: dev, prod); they would be left out of every overlay (did you mean `prod`? rename the"
                + " folder to overlays/prod)"),
        errors);
    assertFalse(Files.exists(dir.resolve("out/acme")), "nothing is written");
  }

  @Test
  void folderOfNoEnvironmentAtAllSaysWhatToDo() throws Exception {
    Files.createDirectories(dir.resolve("overlays/staging-eu"));
    List<String> errors =
        generate().diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(Diagnostic::hint)
            .toList();
    assertEquals(List.of("rename the folder to an environment's name, or remove it"), errors);
  }

  @Test
  void foldersOfKnownEnvironmentsPass() throws Exception {
    Files.createDirectories(dir.resolve("overlays/prod"));
    assertFalse(generate().hasErrors());
  }
}
