package dev.maas.plugin;

import static dev.maas.plugin.DescriptorXml.child;
import static dev.maas.plugin.DescriptorXml.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The generated plugin descriptor, which {@code mvn maas:help -Ddetail} prints: every goal and
 * every parameter has a description (taken from the Mojo's Javadoc).
 */
class PluginDescriptorTest {

  private static Map<String, Element> goals;
  private static String requiredMavenVersion;

  @BeforeAll
  static void readDescriptor() throws Exception {
    requiredMavenVersion = text(DescriptorXml.plugin(), "requiredMavenVersion");
    goals = new LinkedHashMap<>();
    for (Element mojo : DescriptorXml.mojos()) {
      goals.put(text(mojo, "goal"), mojo);
    }
  }

  @Test
  void everyGoalAndParameterIsDescribed() {
    List<String> undescribed = new ArrayList<>();
    goals.forEach(
        (goal, mojo) -> {
          if (text(mojo, "description").isBlank()) {
            undescribed.add(goal);
          }
          for (Element parameter : DescriptorXml.parameters(mojo)) {
            if (text(parameter, "description").isBlank()) {
              undescribed.add(goal + "." + text(parameter, "name"));
            }
          }
        });
    assertTrue(
        goals.keySet().containsAll(List.of("help", "validate", "generate", "schema")),
        "goals: " + goals.keySet());
    assertEquals(List.of(), undescribed, "goals or parameters without Javadoc");
  }

  @Test
  void mavensOlderThan363AreRefusedByTheDescriptor() {
    // Maven compares this to its own version before it runs a goal, and names it when it refuses.
    int[] required =
        Arrays.stream(requiredMavenVersion.split("\\.")).mapToInt(Integer::parseInt).toArray();
    int[] floor = {3, 6, 3};
    assertTrue(
        Arrays.compare(required, floor) >= 0, "requiredMavenVersion " + requiredMavenVersion);
    assertEquals(3, required.length, requiredMavenVersion);
  }

  @Test
  void schemaGoalRunsWithoutAProjectAndReadsItsProperties() {
    Element schema = goals.get("schema");
    assertEquals("false", text(schema, "requiresProject"));
    Map<String, String> expressions = new LinkedHashMap<>();
    Element configuration = child(schema, "configuration");
    for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        expressions.put(e.getTagName(), e.getTextContent());
      }
    }
    assertEquals("${maas.schema.output}", expressions.get("output"));
    assertEquals("${maas.skip}", expressions.get("skip"));
    assertEquals(
        "${project.build.directory}/maas/platform-spec.schema.json",
        child(configuration, "output").getAttribute("default-value"));
  }
}
