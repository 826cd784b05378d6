package dev.maas.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maas.render.RenderOptions;
import dev.maas.render.RenderPipeline;
import dev.maas.render.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The stage table of docs/architecture.md lists the standard pipeline's stages, in order, with
 * their kinds.
 */
class ArchitectureDocTest {

  @Test
  void theStageTableIsThePipeline() throws IOException {
    Path doc =
        Path.of(System.getProperty("maas.repoRoot", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("docs/architecture.md");
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    Matcher row =
        Pattern.compile("^\\| `([a-z-]+)` \\| (generator|transformer|check) \\|", Pattern.MULTILINE)
            .matcher(text);
    List<String> documented = new ArrayList<>();
    while (row.find()) {
      documented.add(row.group(1) + " " + row.group(2));
    }
    List<String> actual = new ArrayList<>();
    for (Stage stage : RenderPipeline.standard(new RenderOptions(null, "x")).stages()) {
      actual.add(stage.name() + " " + stage.kind().name().toLowerCase(java.util.Locale.ROOT));
    }
    assertEquals(
        actual,
        documented,
        "the stage table of docs/architecture.md (update it with RenderPipeline.standard)");
  }
}
