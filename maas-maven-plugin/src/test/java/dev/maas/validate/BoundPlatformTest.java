package dev.maas.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform is handed on as soon as a spec the schema accepts is bound, before the semantic
 * rules: whether they then find an error or not; a spec the schema refuses hands on nothing.
 */
class BoundPlatformTest {

  @TempDir Path folder;

  private static String reference() throws IOException {
    return Files.readString(
        Path.of(System.getProperty("maas.repoRoot", ".."))
            .resolve("../shared/contract/example-platform.yaml"));
  }

  private Path spec(String text) throws IOException {
    Path file = folder.resolve("platform.yaml");
    Files.writeString(file, text);
    return file;
  }

  /** {@code text} validated, with the platforms it hands on into {@code bound}. */
  private SpecValidator.Outcome validate(String text, List<Platform> bound) throws IOException {
    return new SpecValidator().validate(spec(text), "platform.yaml", bound::add);
  }

  private static List<String> errors(SpecValidator.Outcome outcome) {
    return outcome.diagnostics().stream()
        .filter(Diagnostic::isError)
        .map(Diagnostic::code)
        .toList();
  }

  @Test
  void aValidSpecHandsOnTheVeryPlatformItBinds() throws IOException {
    List<Platform> bound = new ArrayList<>();
    SpecValidator.Outcome outcome = validate(reference(), bound);
    assertEquals(List.of(), errors(outcome));
    assertEquals(1, bound.size());
    assertSame(outcome.platform(), bound.get(0));
  }

  @Test
  void aSpecTheRulesRefuseHandsOnItsPlatformAndStillFails() throws IOException {
    String text = reference();
    assertTrue(text.contains("models: [granite-8b]"));
    List<Platform> bound = new ArrayList<>();
    SpecValidator.Outcome outcome =
        validate(text.replace("models: [granite-8b]", "models: [no-such-model]"), bound);
    assertEquals(1, bound.size());
    assertNull(outcome.platform());
    assertTrue(!errors(outcome).isEmpty(), "expected a rule's error");
  }

  @Test
  void aSpecTheSchemaRefusesHandsOnNothing() throws IOException {
    String text = reference();
    assertTrue(text.contains("level: 10"));
    List<Platform> bound = new ArrayList<>();
    SpecValidator.Outcome outcome = validate(text.replace("level: 10", "level: high"), bound);
    assertEquals(List.of(), bound);
    assertNull(outcome.platform());
    assertTrue(!errors(outcome).isEmpty(), "expected a schema error");
  }
}
