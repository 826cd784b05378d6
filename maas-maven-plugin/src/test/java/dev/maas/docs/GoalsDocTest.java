package dev.maas.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed docs/goals.md is exactly what the plugin descriptor of this build renders to; run
 * with {@code -Dmaas.updateDocs=true} to rewrite it after a goal or parameter changed.
 */
class GoalsDocTest {

  private static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  }

  /** The descriptor maven-plugin-plugin writes in process-classes, before the tests run. */
  private static Path descriptor() {
    Path path = repoRoot().resolve("maas-maven-plugin/target/classes/META-INF/maven/plugin.xml");
    assertTrue(
        Files.isRegularFile(path),
        path + " is missing: build the module first (./mvnw -q -pl maas-maven-plugin test)");
    return path;
  }

  @Test
  void committedGoalsPageMatchesTheDescriptor() throws IOException {
    String rendered = GoalsReference.read(descriptor()).render();
    Path doc = repoRoot().resolve("docs/goals.md");
    if (Boolean.getBoolean("maas.updateDocs")) {
      Files.writeString(doc, rendered, StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(doc), doc + " is missing; run: " + GoalsReference.REGENERATE);
    assertEquals(
        Files.readString(doc, StandardCharsets.UTF_8),
        rendered,
        "docs/goals.md is stale; run: " + GoalsReference.REGENERATE);
  }

  @Test
  void everyGoalAndContractPropertyIsListed() throws IOException {
    GoalsReference reference = GoalsReference.read(descriptor());
    List<String> goals =
        reference.goals().stream().map(GoalsReference.Goal::name).collect(Collectors.toList());
    assertTrue(
        goals.containsAll(List.of("validate", "generate", "publish", "schema", "help")),
        goals.toString());
    String rendered = reference.render();
    for (String property :
        List.of(
            "maas.spec",
            "maas.skip",
            "maas.failOnWarning",
            "maas.outputDirectory",
            "maas.crds",
            "maas.overlays",
            "maas.force",
            "maas.git.url",
            "maas.git.branch",
            "maas.git.path",
            "maas.schema.output")) {
      assertTrue(rendered.contains("| `" + property + "` |"), "docs/goals.md lists " + property);
    }
    GoalsReference.Goal generate =
        reference.goals().stream()
            .filter(g -> g.name().equals("generate"))
            .findFirst()
            .orElseThrow();
    GoalsReference.Parameter output =
        generate.parameters().stream()
            .filter(p -> p.name().equals("outputDirectory"))
            .findFirst()
            .orElseThrow();
    assertEquals("maas.outputDirectory", output.property());
    assertEquals("${project.build.directory}/maas", output.defaultValue());
    assertTrue(
        generate.parameters().stream().noneMatch(p -> p.name().equals("basedir")),
        "read-only parameters are not listed: " + generate.parameters());
  }

  @Test
  void renderingIsDeterministic() throws IOException {
    assertEquals(
        GoalsReference.read(descriptor()).render(), GoalsReference.read(descriptor()).render());
  }
}
