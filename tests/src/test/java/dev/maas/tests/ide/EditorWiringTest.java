package dev.maas.tests.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.validate.PlatformSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The files that tell editors which schema a spec uses point at the schema that exists. */
class EditorWiringTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODELINE =
      "# yaml-language-server: $schema=../schema/platform-spec.schema.json";

  @Test
  void everyPlatformSpecStartsWithTheSchemaModeline() throws IOException {
    Path root = NodeTools.repoRoot();
    assertTrue(
        Files.isRegularFile(
            root.resolve("platform-specs").resolve(MODELINE.substring(MODELINE.indexOf('=') + 1))),
        "the modeline's relative path resolves from platform-specs/");
    List<Path> specs;
    try (Stream<Path> list = Files.list(root.resolve("platform-specs"))) {
      specs =
          list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    assertFalse(specs.isEmpty());
    List<String> without = new ArrayList<>();
    for (Path spec : specs) {
      List<String> lines = Files.readAllLines(spec);
      if (lines.isEmpty() || !lines.get(0).equals(MODELINE)) {
        without.add(spec.getFileName().toString());
      }
    }
    assertEquals(List.of(), without, "specs whose first line is not `" + MODELINE + "`");
  }

  @Test
  void vscodeSettingsMapTheSchemaToSpecsAndCorpus() throws IOException {
    Path root = NodeTools.repoRoot();
    JsonNode schemas =
        JSON.readTree(root.resolve(".vscode/settings.json").toFile()).path("yaml.schemas");
    JsonNode globs = schemas.path("./schema/platform-spec.schema.json");
    assertTrue(Files.isRegularFile(root.resolve("schema/platform-spec.schema.json")));
    List<String> patterns = new ArrayList<>();
    globs.forEach(g -> patterns.add(g.asText()));
    assertEquals(List.of("platform-specs/*.yaml", "tests/corpus/**/*.yaml"), patterns);
  }

  @Test
  void catalogEntryNamesTheSchemaId() throws IOException {
    JsonNode catalog =
        JSON.readTree(NodeTools.repoRoot().resolve("docs/schemastore-catalog.json").toFile());
    JsonNode entry = catalog.path("schemas").get(0);
    String id = PlatformSchema.get().tree().path("$id").asText();
    assertEquals(id, entry.path("url").asText());
    assertEquals(id, entry.path("versions").path("v1alpha1").asText());
    assertTrue(
        entry.path("fileMatch").toString().contains("platform-specs/*.yaml"), entry.toString());
  }
}
