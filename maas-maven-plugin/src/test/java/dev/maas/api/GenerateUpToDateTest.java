package dev.maas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.output.TreeWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unchanged re-run returns without rendering or writing; any input change compiles again. */
class GenerateUpToDateTest {

  @TempDir Path dir;
  private Path spec;
  private Path out;

  @BeforeEach
  void copyReferenceSpec() throws IOException {
    spec = dir.resolve("acme.yaml");
    Files.copy(
        Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml"),
        spec);
    out = dir.resolve("out");
  }

  /** Compiles the spec into the output folder; {@code force} compiles even when up to date. */
  private GenerateResult generate(boolean force) {
    return new MaasCompiler()
        .generate(new GenerateRequest(dir, spec, out, null, null, "test", force));
  }

  private GenerateResult generate(GenerateRequest request) {
    return new MaasCompiler().generate(request);
  }

  private static Map<Path, FileTime> mtimes(Path root) throws IOException {
    Map<Path, FileTime> times = new HashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        times.put(p, Files.getLastModifiedTime(p));
      }
    }
    return times;
  }

  @Test
  void secondRunIsUpToDateAndTouchesNothing() throws IOException {

    GenerateResult first = generate(false);
    assertFalse(first.upToDate());
    assertFalse(
        first.hasErrors(), () -> first.validation().diagnostics().toString() + first.checks());
    assertTrue(Files.isDirectory(out.resolve("acme")), "the platform folder is written");
    Map<Path, FileTime> before = mtimes(out);

    GenerateResult second = generate(false);
    assertTrue(second.upToDate());
    assertEquals(Map.of(), second.written());
    assertEquals(before, mtimes(out));

    // Forced, it compiles again, yet the writer still finds nothing to change.
    GenerateResult forced = generate(true);
    assertFalse(forced.upToDate());
    assertTrue(forced.written().values().stream().allMatch(TreeWriter.Report::isNoOp));
    assertEquals(before, mtimes(out));
  }

  @Test
  void unchangedRerunReportsTheSameWarnings() throws IOException {
    // Two warnings: the YAML 1.1 word, and a gated model without download credentials.
    Files.writeString(
        spec,
        Files.readString(spec)
            .replace("displayName: Free\n", "displayName: on\n")
            .replace("      credentials: {secretName: hf-token}\n", ""));

    GenerateResult first = generate(false);
    assertFalse(first.hasErrors(), () -> first.diagnostics().toString());
    assertEquals(2, first.diagnostics().size(), () -> first.diagnostics().toString());

    GenerateResult second = generate(false);
    assertTrue(second.upToDate());
    assertEquals(first.diagnostics(), second.diagnostics());
  }

  @Test
  void recordedWarningsKeepTabsLineBreaksAndBackslashes() {
    Diagnostic odd =
        Diagnostic.warning(
            "lint.x",
            new SourceLocation("a\tb.yaml", 3, 4),
            "/spec/x",
            "text \"a\\tb\"\nsecond\r line\t",
            null);
    Diagnostic plain =
        Diagnostic.warning("lint.y", SourceLocation.ofFile("c.yaml"), "", "m", "fix it");
    InputFingerprint.record(dir, "f", List.of("p"), List.of(odd, plain));
    assertEquals(List.of(odd, plain), InputFingerprint.warnings(dir));
  }

  @Test
  void theLightCheckAnswersExactlyWhenGenerateWouldNotCompile() throws IOException {
    GenerateRequest request = new GenerateRequest(dir, spec, out, null, null, "test", false);
    assertNull(MaasCompiler.upToDate(request), "no record yet");
    generate(false);
    GenerateResult unchanged = MaasCompiler.upToDate(request);
    assertEquals(generate(false), unchanged);
    assertTrue(unchanged.upToDate());
    assertNull(
        MaasCompiler.upToDate(new GenerateRequest(dir, spec, out, null, null, "test", true)),
        "forced");
    assertNull(
        MaasCompiler.upToDate(new GenerateRequest(dir, spec, out, null, null, "other", false)),
        "another compiler version");
    Files.writeString(spec, Files.readString(spec) + "# changed\n");
    assertNull(MaasCompiler.upToDate(request), "changed spec");
    Files.delete(spec);
    assertNull(
        MaasCompiler.upToDate(request), "a spec that cannot be read is for generate to report");
  }

  @Test
  void aFolderOfSpecsIsFingerprintedByItsSpecsOnly() throws IOException {
    GenerateRequest request = new GenerateRequest(dir, dir, out, null, null, "test", false);
    assertFalse(generate(request).upToDate());
    assertNotNull(MaasCompiler.upToDate(request));
    Files.writeString(dir.resolve("notes.txt"), "not a spec");
    assertNotNull(MaasCompiler.upToDate(request), "a file that is not a spec changes nothing");
    Files.copy(spec, dir.resolve("second.yml"));
    assertNull(MaasCompiler.upToDate(request), "a spec added to the folder");
  }

  @Test
  void changedSpecIsCompiledAgain() throws IOException {
    generate(false);

    Files.writeString(
        spec,
        Files.readString(spec).replace("limit: 20000, window: 1m", "limit: 40000, window: 1m"));
    GenerateResult again = generate(false);

    assertFalse(again.upToDate());
    TreeWriter.Report report = again.written().values().iterator().next();
    assertFalse(report.isNoOp(), "the changed limit is written");
  }

  @Test
  void invalidSpecLeavesEarlierOutputByteIdentical() throws IOException {
    generate(false);
    Map<String, byte[]> before = TreeWriter.read(out.resolve("acme"));

    Files.writeString(spec, Files.readString(spec).replace("window: 2m", "window: 2w"));
    GenerateResult broken = generate(false);

    assertTrue(broken.hasErrors());
    Map<String, byte[]> after = TreeWriter.read(out.resolve("acme"));
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, after.get(k)), k));
  }
}
