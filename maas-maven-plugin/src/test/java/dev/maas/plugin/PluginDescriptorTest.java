package dev.maas.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The generated plugin descriptor, which {@code mvn maas:help -Ddetail} prints: every goal and
 * every parameter has a description (taken from the Mojo's Javadoc).
 */
class PluginDescriptorTest {

  private static Map<String, Element> goals;
  private static String requiredMavenVersion;

  @BeforeAll
  static void readDescriptor() throws Exception {
    try (InputStream in =
        PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertNotNull(in, "the plugin descriptor is generated before the tests run");
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(in);
      requiredMavenVersion =
          doc.getElementsByTagName("requiredMavenVersion").item(0).getTextContent().trim();
      goals = new LinkedHashMap<>();
      NodeList mojos = doc.getElementsByTagName("mojo");
      for (int i = 0; i < mojos.getLength(); i++) {
        Element mojo = (Element) mojos.item(i);
        goals.put(child(mojo, "goal").getTextContent(), mojo);
      }
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
          for (Element parameter : parameters(mojo)) {
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

  private static List<Element> parameters(Element mojo) {
    List<Element> out = new ArrayList<>();
    Element parameters = child(mojo, "parameters");
    if (parameters != null) {
      for (Node n = parameters.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals("parameter")) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().trim();
  }
}
