package dev.maas.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.GitLogin;
import dev.maas.api.GitTarget;
import dev.maas.api.MaasCompiler;
import dev.maas.api.PlanOptions;
import dev.maas.api.PlanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference spec, edits of it, and plans of those edits against a base. */
final class PlanFixture {

  static final String VERSION = "test";

  private PlanFixture() {}

  static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  }

  static String reference() throws IOException {
    return Files.readString(repoRoot().resolve("platform-specs/acme.yaml"));
  }

  /** {@code text} with {@code from} (which must occur exactly once) replaced by {@code to}. */
  static String edit(String text, String from, String to) {
    int at = text.indexOf(from);
    assertTrue(
        at >= 0 && text.indexOf(from, at + 1) < 0,
        () -> "`" + from + "` must occur once in the spec");
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  /** Writes {@code spec} as {@code <dir>/platform-specs/acme.yaml}. */
  static Path write(Path dir, String spec) throws IOException {
    Path file = dir.resolve("platform-specs/acme.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, spec);
    return file;
  }

  /** Generates {@code spec} into {@code <dir>/out} and returns that folder. */
  static Path generate(Path dir, String spec) throws IOException {
    Path file = write(dir, spec);
    Path out = dir.resolve("out");
    GenerateResult result =
        new MaasCompiler().generate(new GenerateRequest(dir, file, out, null, null, VERSION, true));
    assertFalse(
        result.hasErrors(), () -> result.validation().diagnostics() + " " + result.checks());
    return out;
  }

  /**
   * Plans {@code spec} (written under {@code dir}) against {@code base}, writing {@code
   * <dir>/plan.md}.
   */
  static PlanResult plan(Path dir, String spec, String base, String gitUrl, Path work)
      throws IOException {
    Path file = write(dir, spec);
    PlanOptions options =
        new PlanOptions(
            new GenerateRequest(
                dir,
                file,
                dir.resolve("unused"),
                null,
                null,
                VERSION,
                false,
                new GitTarget(gitUrl, null, null)),
            base,
            GitLogin.none(),
            work == null ? dir.resolve("git") : work,
            dir.resolve("report/plan.md"));
    PlanResult result = new MaasCompiler().plan(options);
    assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
    return result;
  }
}
