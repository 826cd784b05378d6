package dev.maas.tests.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.diag.Diagnostic;
import dev.maas.validate.PlatformSchema;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema as an editor sees it: the real yaml-language-server, spoken to over LSP by
 * tests/ide/lsp-probe.mjs, flags, explains and completes platform specs.
 */
class LanguageServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void tooling() {
    NodeTools.assumeInstalled();
  }

  @Test
  void misspelledTierPropertyIsFlaggedOnExactlyItsLine() throws IOException {
    Path spec = NodeTools.ideDir().resolve("samples/schema-invalid-misspelled-tier-property.yaml");
    List<String> lines = Files.readAllLines(spec);
    int typoLine = indexOf(lines, "      levle: 0");
    JsonNode result = probe(List.of("--file", spec.toString()));

    List<JsonNode> onTypo = new ArrayList<>();
    for (JsonNode d : result.path("diagnostics")) {
      if (d.path("message").asText().contains("levle")) {
        onTypo.add(d);
      }
    }
    assertEquals(1, onTypo.size(), "one diagnostic names `levle`: " + result.path("diagnostics"));
    JsonNode typo = onTypo.get(0);
    assertEquals(typoLine, typo.path("line").asInt(), "the diagnostic is on the line of `levle:`");
    assertEquals(typoLine, typo.path("endLine").asInt());
    assertEquals(
        lines.get(typoLine).indexOf("levle"),
        typo.path("character").asInt(),
        "it starts at the key");
    assertEquals("Property levle is not allowed.", typo.path("message").asText());
    assertEquals(1, typo.path("severity").asInt(), "an error, not a warning");
    for (JsonNode d : result.path("diagnostics")) {
      int line = d.path("line").asInt();
      assertTrue(
          line == typoLine || line == typoLine - 1,
          "nothing else in the spec is flagged, except the tier that now lacks `level`: " + d);
    }

    // The compiler's own schema check points at the same line (1-based there).
    List<Diagnostic> compiler =
        new SpecValidator().validate(spec, spec.getFileName().toString()).diagnostics();
    assertTrue(
        compiler.stream()
            .anyMatch(d -> d.message().contains("`levle`") && d.location().line() == typoLine + 1),
        "maas:validate agrees on the line: " + compiler.stream().map(Diagnostic::render).toList());
  }

  @Test
  void hoverOnLevelShowsItsSchemaDescription() throws IOException {
    Path spec = NodeTools.repoRoot().resolve("platform-specs/acme.yaml");
    List<String> lines = Files.readAllLines(spec);
    int line = indexOf(lines, "      level: 0");
    JsonNode result = probe(List.of("--file", spec.toString(), "--hover", line + ":8"));

    assertEquals(
        0,
        result.path("diagnostics").size(),
        "the reference spec is clean: " + result.path("diagnostics"));
    String hover = result.path("hovers").get(0).path("text").asText();
    String description =
        PlatformSchema.get().at("#/$defs/tier/properties/level/markdownDescription").asText();
    assertFalse(description.isBlank());
    assertTrue(
        hover.contains("#### Level"), "the hover is titled with the schema's title: " + hover);
    assertTrue(hover.contains(description), "the hover shows the description of `level`: " + hover);
  }

  @Test
  void completionInsideATierOffersTheTierProperties(@TempDir Path dir) throws IOException {
    // A new tier with only its name, the cursor on the next line at the tier's indentation.
    Path schema = NodeTools.repoRoot().resolve("schema/platform-spec.schema.json");
    List<String> lines =
        new ArrayList<>(
            Files.readAllLines(NodeTools.repoRoot().resolve("platform-specs/acme.yaml")));
    lines.set(0, "# yaml-language-server: $schema=" + schema.toUri());
    int models = indexOf(lines, "  models:");
    lines.add(models, "    - name: trial");
    lines.add(models + 1, "      ");
    Path spec = dir.resolve("completion.yaml");
    Files.write(spec, lines);

    JsonNode result =
        probe(List.of("--file", spec.toString(), "--completion", (models + 1) + ":6"));
    Set<String> labels = new TreeSet<>();
    result.path("completions").get(0).path("labels").forEach(l -> labels.add(l.asText()));
    assertTrue(
        labels.containsAll(
            Set.of(
                "displayName",
                "description",
                "level",
                "groups",
                "limits",
                "models",
                "modelLimits",
                "unlimited")),
        "every tier property but `name` is offered: " + labels);
    assertFalse(labels.contains("name"), "`name` is already there: " + labels);
    assertFalse(
        labels.contains("apiVersion") || labels.contains("uri"), "only tier properties: " + labels);
  }

  @Test
  void vscodeSettingsMapSpecsAndCorpusToTheSchema(@TempDir Path workspace) throws IOException {
    // A copy of the workspace layout, with specs that carry no modeline: only .vscode/settings.json
    // can
    // give them the schema.
    Path root = NodeTools.repoRoot();
    Files.createDirectories(workspace.resolve(".vscode"));
    Files.copy(root.resolve(".vscode/settings.json"), workspace.resolve(".vscode/settings.json"));
    Files.createDirectories(workspace.resolve("schema"));
    Files.copy(
        root.resolve("schema/platform-spec.schema.json"),
        workspace.resolve("schema/platform-spec.schema.json"));
    List<String> typo =
        Files.readAllLines(
                NodeTools.ideDir().resolve("samples/schema-invalid-misspelled-tier-property.yaml"))
            .stream()
            .filter(l -> !l.startsWith("# yaml-language-server:"))
            .toList();
    Path spec = write(workspace.resolve("platform-specs/typo.yaml"), typo);
    Path corpus = write(workspace.resolve("tests/corpus/invalid/nested/typo.yaml"), typo);
    Path elsewhere = write(workspace.resolve("notes/typo.yaml"), typo);
    List<String> settings =
        List.of(
            "--workspace",
            workspace.toString(),
            "--settings",
            workspace.resolve(".vscode/settings.json").toString());

    for (Path mapped : List.of(spec, corpus)) {
      JsonNode result = probe(concat(List.of("--file", mapped.toString()), settings));
      assertTrue(
          result
              .path("diagnostics")
              .findValuesAsText("message")
              .contains("Property levle is not allowed."),
          workspace.relativize(mapped)
              + " is checked against the schema: "
              + result.path("diagnostics"));
    }
    JsonNode unmapped = probe(concat(List.of("--file", elsewhere.toString()), settings));
    assertEquals(
        0,
        unmapped.path("diagnostics").size(),
        "a YAML file outside the mapped folders is left alone");
  }

  private static JsonNode probe(List<String> args) throws IOException {
    NodeTools.Run run = NodeTools.node("lsp-probe.mjs", args, 120);
    assertEquals(0, run.exitCode(), "lsp-probe failed:\n" + run.stderr());
    return JSON.readTree(run.stdout());
  }

  private static int indexOf(List<String> lines, String line) {
    int index = lines.indexOf(line);
    assertTrue(index >= 0, "the spec has the line `" + line + "`");
    return index;
  }

  private static Path write(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, lines);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
