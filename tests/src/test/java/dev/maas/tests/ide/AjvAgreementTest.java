package dev.maas.tests.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.UserInputException;
import dev.maas.spec.SpecReader;
import dev.maas.validate.PlatformSchema;
import dev.maas.validate.SchemaCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema means the same to ajv (the validator behind most editors and CI linters) as to the
 * plugin: for every spec in platform-specs/, tests/corpus/{valid,invalid}/ and tests/ide/samples/,
 * ajv-cli's verdict equals whether {@link SchemaCheck} reports a schema error.
 */
class AjvAgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERDICT =
      Pattern.compile("^(\\S+) (valid|invalid)$", Pattern.MULTILINE);

  /** One spec, what the plugin's schema check said, and (once run) what ajv said. */
  private record Spec(Path file, List<Diagnostic> schemaErrors) {}

  @Test
  void ajvAndThePluginAgreeOnEverySpec(@TempDir Path work) throws IOException {
    NodeTools.assumeInstalled();
    Path root = NodeTools.repoRoot();
    List<Path> files = new ArrayList<>();
    for (String folder :
        List.of(
            "platform-specs", "tests/corpus/valid", "tests/corpus/invalid", "tests/ide/samples")) {
      files.addAll(yamlFiles(root.resolve(folder)));
    }

    // The plugin's side: only specs its reader takes without a YAML-level error; those are not
    // schema errors.
    Map<Path, Spec> compared = new LinkedHashMap<>();
    List<String> notCompared = new ArrayList<>();
    SchemaCheck schema = new SchemaCheck(PlatformSchema.get());
    for (Path file : files) {
      try {
        SpecReader.Result read = new SpecReader().read(file, root.relativize(file).toString());
        if (read.findings().stream().anyMatch(Diagnostic::isError)) {
          notCompared.add(root.relativize(file) + " (YAML-level error in maas)");
          continue;
        }
        compared.put(file, new Spec(file, schema.check(read.document())));
      } catch (UserInputException e) {
        notCompared.add(root.relativize(file) + " (not readable as YAML by maas)");
      }
    }

    // ajv's side: YAML to JSON with the `yaml` package, then one ajv-cli run over all of them.
    List<Path> candidates = new ArrayList<>(compared.keySet());
    List<String> convertArgs = new ArrayList<>(List.of(work.resolve("json").toString()));
    candidates.forEach(p -> convertArgs.add(p.toString()));
    NodeTools.Run converted = NodeTools.node("yaml-to-json.mjs", convertArgs, 120);
    assertEquals(0, converted.exitCode(), converted.stderr());
    Map<String, Path> specOfJson = new LinkedHashMap<>();
    for (String line : converted.stdout().strip().split("\n")) {
      JsonNode entry = JSON.readTree(line);
      Path file = candidates.get(entry.path("index").asInt());
      if (entry.path("json").isTextual()) {
        specOfJson.put(entry.path("json").asText(), file);
      } else {
        compared.remove(file);
        notCompared.add(
            root.relativize(file)
                + " (not readable as YAML by the yaml package: "
                + entry.path("error").asText()
                + ")");
      }
    }
    assertTrue(
        specOfJson.size() >= 1 + yamlFiles(NodeTools.ideDir().resolve("samples")).size(),
        "the reference spec and every sample are compared; not compared: " + notCompared);

    List<String> command =
        new ArrayList<>(
            List.of(
                "node",
                "node_modules/ajv-cli/dist/index.js",
                "validate",
                "--spec=draft2020",
                "-c",
                "ajv-formats",
                "-c",
                "./editor-keywords.cjs",
                "-s",
                root.resolve("schema/platform-spec.schema.json").toString()));
    specOfJson
        .keySet()
        .forEach(
            json -> {
              command.add("-d");
              command.add(json);
            });
    NodeTools.Run ajv = NodeTools.run(command, NodeTools.ideDir(), 300);
    Map<String, Boolean> ajvValid = new LinkedHashMap<>();
    Matcher m = VERDICT.matcher(ajv.stdout() + "\n" + ajv.stderr());
    while (m.find()) {
      ajvValid.put(m.group(1), m.group(2).equals("valid"));
    }
    assertEquals(
        specOfJson.keySet(),
        ajvValid.keySet(),
        "ajv gave a verdict on every spec:\n" + ajv.stderr());

    List<String> disagreements = new ArrayList<>();
    int valid = 0;
    for (Map.Entry<String, Path> e : specOfJson.entrySet()) {
      Spec spec = compared.get(e.getValue());
      boolean pluginValid = spec.schemaErrors().isEmpty();
      boolean ajvSays = ajvValid.get(e.getKey());
      valid += pluginValid ? 1 : 0;
      if (pluginValid != ajvSays) {
        disagreements.add(
            root.relativize(spec.file())
                + ": ajv says "
                + (ajvSays ? "valid" : "invalid")
                + ", maas says "
                + (pluginValid
                    ? "valid"
                    : "invalid " + spec.schemaErrors().stream().map(Diagnostic::render).toList()));
      }
      String name = spec.file().getFileName().toString();
      if (spec.file().startsWith(NodeTools.ideDir().resolve("samples"))) {
        // The samples say in their names what the schema must make of them.
        assertEquals(
            name.startsWith("schema-invalid-"), !pluginValid, name + ": " + spec.schemaErrors());
      }
    }
    System.out.printf(
        "ajv agreement: %d specs compared, %d agree (%d schema-valid, %d schema-invalid), %d not compared %s%n",
        specOfJson.size(),
        specOfJson.size() - disagreements.size(),
        valid,
        specOfJson.size() - valid,
        notCompared.size(),
        notCompared);
    if (!disagreements.isEmpty()) {
      fail(
          "ajv and maas disagree on "
              + disagreements.size()
              + " of "
              + specOfJson.size()
              + " specs:\n"
              + String.join("\n", disagreements));
    }
  }

  private static List<Path> yamlFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
