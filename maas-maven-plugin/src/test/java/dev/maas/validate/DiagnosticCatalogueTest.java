package dev.maas.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.diag.DiagnosticCode;
import dev.maas.diag.Severity;
import dev.maas.diag.StageCodes;
import dev.maas.validate.lint.LintRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every code the compiler reports is in the one catalogue, and a rule's code is its class name. */
class DiagnosticCatalogueTest {

  private static final Path MAIN = Path.of("src/main/java/dev/maas");

  /** A code literal of a stage outside the rules, e.g. {@code "publish.noTarget"}. */
  private static final Pattern STAGE_CODE =
      Pattern.compile(
          "\"((?:yaml|schema|overlays|suppression|render|k8s|crd|output|proof|plan|explain|publish)\\.[a-zA-Z][A-Za-z0-9.]*)\""
              + "|(?:error|fileError|ofFile)\\(\\s*\"(spec\\.[a-zA-Z]+)\"");

  /** Schema keywords that annotate or structure the schema and never fail on their own. */
  private static final Set<String> NOT_CONSTRAINTS =
      Set.of(
          "$defs",
          "$id",
          "$ref",
          "$schema",
          "default",
          "description",
          "markdownDescription",
          "examples",
          // Applicators: a failing "then" reports the code of its own constraint (schema.required).
          "if",
          "then",
          "items",
          "properties",
          "title",
          SchemaCheck.MESSAGE);

  private static List<Class<?>> ruleClasses() {
    List<Class<?>> classes = new ArrayList<>();
    SemanticRules.all().forEach(r -> classes.add(r.getClass()));
    LintRules.all().forEach(r -> classes.add(r.getClass()));
    classes.add(dev.maas.validate.rules.ArgoCdNamesAcrossSpecs.class);
    return classes;
  }

  @Test
  void aRulesCodeIsItsClassNameAndNoRuleNamesItsOwn() throws NoSuchMethodException {
    for (Class<?> type : ruleClasses()) {
      String kebab =
          type.getSimpleName()
              .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
              .toLowerCase(java.util.Locale.ROOT);
      assertEquals(kebab, SemanticRule.codeOf(type), type.getName());
      assertTrue(type.isAnnotationPresent(Rule.class), type.getName() + " declares no @Rule");
      assertTrue(
          Stream.of(type.getDeclaredMethods()).noneMatch(m -> m.getName().equals("code")),
          type.getName() + " names its own code; the code is its class name");
    }
    for (SemanticRule rule : SemanticRules.all()) {
      assertEquals(SemanticRule.codeOf(rule.getClass()), rule.code());
      assertEquals(
          Severity.ERROR, DiagnosticCatalogue.entryOf(rule.getClass()).severity(), rule.code());
    }
    for (SemanticRule lint : LintRules.all()) {
      assertEquals(
          Severity.WARNING, DiagnosticCatalogue.entryOf(lint.getClass()).severity(), lint.code());
    }
    assertEquals("unique-tier-names", new dev.maas.validate.rules.UniqueTierNames().code());
    assertEquals(
        "unlimited-without-limits", new dev.maas.validate.rules.UnlimitedWithoutLimits().code());
  }

  @Test
  void everyRuleClassOfTheRulePackagesRuns() throws IOException {
    Set<String> listed = new TreeSet<>();
    ruleClasses().forEach(c -> listed.add(c.getSimpleName()));
    Set<String> declared = new TreeSet<>();
    for (String folder : List.of("validate/rules", "validate/lint")) {
      try (Stream<Path> files = Files.list(MAIN.resolve(folder))) {
        for (Path file : files.toList()) {
          if (Files.readString(file).contains("\n@Rule(")) {
            declared.add(file.getFileName().toString().replace(".java", ""));
          }
        }
      }
    }
    assertEquals(
        declared, listed, "a class with @Rule that no rule list runs, or the other way round");
  }

  @Test
  void everyCodeInTheSourcesIsCataloguedAndEveryCatalogueEntryIsUsed() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (file.endsWith("diag/StageCodes.java")) {
          continue;
        }
        Matcher m = STAGE_CODE.matcher(Files.readString(file));
        while (m.find()) {
          used.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    Set<String> uncatalogued = new TreeSet<>(used);
    DiagnosticCatalogue.get().all().forEach(c -> uncatalogued.remove(c.code()));
    assertEquals(Set.of(), uncatalogued, "codes reported but not in StageCodes");
    Set<String> unused = new TreeSet<>();
    for (DiagnosticCode code : StageCodes.all()) {
      if (!code.code().startsWith("schema.") && !used.contains(code.code())) {
        unused.add(code.code());
      }
    }
    assertEquals(Set.of(), unused, "catalogue entries no code reports");
    assertTrue(used.size() >= 100, "only " + used.size() + " codes found: the scan is broken");
  }

  @Test
  void everyConstraintOfTheSchemaHasItsCode() {
    Set<String> keywords = new TreeSet<>();
    collect(PlatformSchema.get().tree(), keywords);
    keywords.removeAll(NOT_CONSTRAINTS);
    Set<String> expected = new TreeSet<>();
    keywords.forEach(k -> expected.add("schema." + k));
    Set<String> catalogued = new TreeSet<>();
    StageCodes.all().stream()
        .map(DiagnosticCode::code)
        .filter(c -> c.startsWith("schema."))
        .forEach(catalogued::add);
    assertEquals(expected, catalogued);
  }

  @Test
  void codesAndAnchorsAreUniqueAndEveryEntrySaysWhatItMeans() {
    Set<String> anchors = new HashSet<>();
    List<DiagnosticCode> all = DiagnosticCatalogue.get().all();
    assertTrue(all.size() > 150, "only " + all.size() + " codes");
    for (DiagnosticCode code : all) {
      assertTrue(anchors.add(code.anchor()), "anchor of " + code.code() + " is not unique");
      assertTrue(
          !code.summary().isBlank() && !code.summary().endsWith("."),
          code.code() + ": " + code.summary());
    }
  }

  private static void collect(JsonNode node, Set<String> keywords) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        keywords.add(field.getKey());
        switch (field.getKey()) {
          case "properties", "$defs" -> field.getValue().forEach(child -> collect(child, keywords));
          case "examples", "default", "enum", "const", "required", SchemaCheck.MESSAGE -> {}
          default -> collect(field.getValue(), keywords);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, keywords));
    }
  }
}
