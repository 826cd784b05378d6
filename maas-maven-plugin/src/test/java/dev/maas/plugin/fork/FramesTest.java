package dev.maas.plugin.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.GitTarget;
import dev.maas.api.ValidateResult;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What one side sends, the other reads back as it was; a cut-off answer reads as none. */
class FramesTest {

  @Test
  void requestArrivesAsSent() throws Exception {
    GenerateRequest request =
        new GenerateRequest(
            Path.of("/p"),
            Path.of("specs/spécs"),
            Path.of("/p/out"),
            Path.of("../crds"),
            Path.of("/p/overlays"),
            "1.0",
            true,
            new GitTarget("https://git.example/r.git", null, "clusters/a"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Frames.writeRequest(bytes, request);
    assertEquals(request, Frames.readRequest(new ByteArrayInputStream(bytes.toByteArray())));
    // Absent parts stay absent, and no override stays none.
    GenerateRequest bare =
        new GenerateRequest(null, Path.of("spec.yaml"), Path.of("out"), null, null, "1.0", false);
    bytes.reset();
    Frames.writeRequest(bytes, bare);
    assertEquals(bare, Frames.readRequest(new ByteArrayInputStream(bytes.toByteArray())));
  }

  @Test
  void diagnosticsArriveWithEveryField() throws Exception {
    List<Diagnostic> diagnostics =
        List.of(
            Diagnostic.error(
                "schema.enum", new SourceLocation("a.yaml", 3, 9), "/spec/x", "bad\nline ✓", null),
            Diagnostic.warning("w", SourceLocation.ofFile("b.yaml"), "", "m", "a hint"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Frames.writeResult(
        bytes, new GenerateResult(new ValidateResult(List.of()), diagnostics, Map.of()));
    ForkedOutcome outcome = Frames.readOutcome(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(new ForkedOutcome(diagnostics, false, List.of(), null, null), outcome);

    byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 1);
    assertNull(Frames.readOutcome(new ByteArrayInputStream(cut)));
  }
}
