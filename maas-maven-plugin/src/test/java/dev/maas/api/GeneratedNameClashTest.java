package dev.maas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.maas.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose generated objects would take the name of another generated object is refused by
 * validate, at the model's name, instead of failing generate with an internal error.
 */
class GeneratedNameClashTest {

  private static String reference() throws IOException {
    return Files.readString(
        Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml"));
  }

  private static List<String> validate(Path dir, String spec) throws IOException {
    Path file = dir.resolve("clash.yaml");
    Files.writeString(file, spec);
    return new MaasCompiler()
        .validate(new ValidateRequest(dir, file)).specs().stream()
            .flatMap(r -> r.diagnostics().stream())
            .map(Diagnostic::render)
            .toList();
  }

  @Test
  void aModelNamedLikeTheTokenServiceRouteIsAValidationError(@TempDir Path dir) throws IOException {
    String spec =
        reference()
            .replace("mnist-classifier", "token-service")
            .replace("namespace: vision", "namespace: maas-system");
    assertEquals(
        List.of(
            "clash.yaml:79:13: error: /spec/models/2/name: model `token-service` in namespace"
                + " `maas-system` makes HTTPRoute maas-system/acme-token-service, a name another object of the platform already"
                + " has: one would overwrite the other (rename the model, or serve it in another namespace) [render.generatedNameClash]"),
        validate(dir, spec));
    GenerateResult generated =
        new MaasCompiler()
            .generate(
                new GenerateRequest(
                    dir, dir.resolve("clash.yaml"), dir.resolve("out"), null, null, "test", true));
    assertFalse(Files.exists(dir.resolve("out/acme")), "nothing is written for a spec in error");
    assertEquals(1, generated.diagnostics().size());
  }

  @Test
  void theReferenceSpecHasNoClash(@TempDir Path dir) throws IOException {
    assertEquals(List.of(), validate(dir, reference()));
  }
}
