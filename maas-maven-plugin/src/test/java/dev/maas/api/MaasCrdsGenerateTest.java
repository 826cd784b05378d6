package dev.maas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generate of a {@code maas-crds} spec checks the MaaS resources against the real CRDs and proves
 * both targets grant the same before it writes; a spec whose two targets could not agree never
 * reaches the disk.
 */
class MaasCrdsGenerateTest {

  private static final Path REPO = Path.of(System.getProperty("maas.repoRoot", ".."));
  private static final Path CRDS = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
  private static final String SPEC =
      "maas-maven-plugin/src/test/resources/targets/acme-maas-crds.yaml";

  @TempDir Path dir;

  @Test
  void theReferenceSpecGeneratesForUpstreamMaas() throws IOException {
    Path spec = Files.copy(REPO.resolve(SPEC), dir.resolve("acme.yaml"));
    Path out = dir.resolve("out");
    GenerateResult result =
        new MaasCompiler().generate(new GenerateRequest(dir, spec, out, CRDS, null, "test", false));
    assertEquals(List.of(), result.checks().stream().map(Diagnostic::render).toList());
    assertFalse(result.hasErrors(), () -> result.validation().diagnostics().toString());
    assertTrue(Files.isRegularFile(out.resolve("acme/base/maassubscription-acme-premium.yaml")));
    assertFalse(
        Files.exists(out.resolve("acme/base/tokenratelimitpolicy-acme-token-limits.yaml")),
        "the kuadrant output is rendered to be compared, never written");
  }
}
