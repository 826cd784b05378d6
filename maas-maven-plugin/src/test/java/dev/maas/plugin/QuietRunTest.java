package dev.maas.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under {@code -q} a goal still shows what was asked for, and every diagnostic. */
class QuietRunTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final QuietLog log = new QuietLog();

  private <T extends SpecGoal<?>> T quiet(T mojo, String spec) throws Exception {
    Path file = dir.resolve("acme.yaml");
    Files.writeString(file, spec);
    mojo.basedir = dir.toFile();
    mojo.spec = file.toFile();
    mojo.setLog(log);
    mojo.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    mojo.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    return mojo;
  }

  private static String reference() throws Exception {
    return Files.readString(
        Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml"));
  }

  private static String withWarning() throws Exception {
    // Two warnings: the YAML 1.1 word, and a gated model without download credentials.
    return reference()
        .replace("displayName: Free\n", "displayName: on\n")
        .replace("      credentials: {secretName: hf-token}\n", "");
  }

  @Test
  void explainPrintsItsAnswer() throws Exception {
    ExplainMojo mojo = quiet(new ExplainMojo(), reference());
    mojo.tier = "premium";
    mojo.model = "llama-70b";
    mojo.pluginVersion = "test";
    mojo.execute();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        printed.startsWith(
            "tier premium → model llama-70b (POST /llm/llama-70b/v1/chat/completions): ALLOWED\n"),
        printed);
    assertTrue(
        printed.contains("request limit premium-requests: 20 requests per 2m, per user"), printed);
  }

  @Test
  void warningsThatFailTheBuildShowAsErrors() throws Exception {
    ValidateMojo mojo = quiet(new ValidateMojo(), withWarning());
    mojo.failOnWarning = true;
    assertThrows(MojoFailureException.class, mojo::execute);
    assertEquals(3, log.errors.size(), log.errors::toString);
    assertTrue(
        log.errors
            .get(0)
            .startsWith("acme.yaml:29:20: warning: /spec/tiers/0/displayName: `on` is read as"),
        log.errors::toString);
    assertTrue(
        log.errors
            .get(1)
            .contains(": warning: /spec/models/1/uri: model `llama-70b` loads from Hugging Face"),
        log.errors::toString);
    assertEquals("0 errors, 2 warnings", log.errors.get(2));
  }

  @Test
  void warningsShowOnStandardErrorWhenTheyDoNotFailTheBuild() throws Exception {
    quiet(new ValidateMojo(), withWarning()).execute();
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(3, lines.size(), lines::toString);
    assertTrue(
        lines.get(0).startsWith("[WARNING] acme.yaml:29:20: warning: /spec/tiers/0/displayName:"),
        lines::toString);
    assertEquals("[WARNING] 0 errors, 2 warnings", lines.get(2));
    assertEquals(List.of(), log.errors);
  }
}
