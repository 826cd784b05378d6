package dev.maas.validate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token lifetimes above a year warn, and say why. */
class LongTokenLifetimesTest {

  private static final Path ROOT =
      Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();

  private static List<Diagnostic> found(String maxTtl) throws IOException {
    String contract = Files.readString(ROOT.resolve("../shared/contract/example-platform.yaml"));
    String spec = contract.replaceFirst("maxTTL: [0-9a-z]+", "maxTTL: " + maxTtl);
    return new SpecValidator()
        .validate(spec.getBytes(StandardCharsets.UTF_8), "spec.yaml").diagnostics().stream()
            .filter(d -> d.code().equals(new LongTokenLifetimes().code()))
            .toList();
  }

  @Test
  void twoHundredSeventyFourYearsWarnsAtMaxTtlWithTheReason() throws IOException {
    List<Diagnostic> found = found("99999d");
    assertEquals(1, found.size(), found.toString());
    Diagnostic warning = found.get(0);
    assertFalse(warning.isError());
    assertEquals("/spec/tokens/maxTTL", warning.pointer());
    assertTrue(warning.location().line() > 0);
    assertTrue(warning.message().contains("about 274 years"), warning.message());
    assertTrue(
        warning.message().contains("a leaked token stays valid that long"), warning.message());
    assertTrue(warning.message().contains("revocation"), warning.message());
  }

  @Test
  void aYearIsTheBound() throws IOException {
    assertEquals(List.of(), found("365d"));
    assertEquals(List.of(), found("8760h"));
    assertEquals(List.of(), found("720h"));
    assertEquals(1, found("366d").size());
    assertTrue(found("366d").get(0).message().contains("366 days"), found("366d").toString());
  }
}
