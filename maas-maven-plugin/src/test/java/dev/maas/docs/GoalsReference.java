package dev.maas.docs;

import static dev.maas.plugin.DescriptorElements.child;
import static dev.maas.plugin.DescriptorElements.children;

import dev.maas.plugin.DescriptorElements;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Renders {@code docs/goals.md} from the plugin descriptor the build writes ({@code
 * META-INF/maven/plugin.xml}): each goal with its description, default phase, and the parameters a
 * user can set, with their property, default and description. The page depends on the descriptor
 * alone.
 */
final class GoalsReference {

  /** How to regenerate the page; printed in its header so that nobody edits it by hand. */
  static final String REGENERATE =
      "./mvnw -q -pl maas-maven-plugin test -Dtest=GoalsDocTest -Dmaas.updateDocs=true";

  /** One settable parameter of a goal. */
  record Parameter(
      String name,
      String type,
      String property,
      String defaultValue,
      boolean required,
      String description) {}

  /** One goal. */
  record Goal(
      String name,
      String description,
      String phase,
      boolean requiresProject,
      List<Parameter> parameters) {}

  private final String prefix;
  private final String groupId;
  private final String artifactId;
  private final String description;
  private final String javaVersion;
  private final String mavenVersion;
  private final List<Goal> goals;

  private GoalsReference(Element plugin) {
    this.prefix = text(plugin, "goalPrefix");
    this.groupId = text(plugin, "groupId");
    this.artifactId = text(plugin, "artifactId");
    this.description = text(plugin, "description");
    this.javaVersion = text(plugin, "requiredJavaVersion");
    this.mavenVersion = text(plugin, "requiredMavenVersion");
    List<Goal> goals = new ArrayList<>();
    for (Element mojo : children(child(plugin, "mojos"), "mojo")) {
      goals.add(goal(mojo));
    }
    goals.sort(Comparator.comparing(Goal::name));
    this.goals = List.copyOf(goals);
  }

  /** The reference of the descriptor at {@code descriptor}. */
  static GoalsReference read(Path descriptor) throws IOException {
    try (InputStream in = Files.newInputStream(descriptor)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(in);
      return new GoalsReference(document.getDocumentElement());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(descriptor + " is not a plugin descriptor: " + e.getMessage(), e);
    }
  }

  List<Goal> goals() {
    return goals;
  }

  private static Goal goal(Element mojo) {
    Element configuration = child(mojo, "configuration");
    List<Parameter> parameters = new ArrayList<>();
    Element declared = child(mojo, "parameters");
    if (declared != null) {
      for (Element parameter : children(declared, "parameter")) {
        if (!"true".equals(text(parameter, "editable"))) {
          continue; // read-only: set by Maven, not by the user
        }
        String name = text(parameter, "name");
        Element value = configuration == null ? null : child(configuration, name);
        String expression = value == null ? "" : value.getTextContent().trim();
        String property =
            expression.startsWith("${") && expression.endsWith("}")
                ? expression.substring(2, expression.length() - 1)
                : "";
        String defaultValue = value == null ? "" : value.getAttribute("default-value");
        parameters.add(
            new Parameter(
                name,
                simpleType(text(parameter, "type")),
                property,
                defaultValue,
                "true".equals(text(parameter, "required")),
                text(parameter, "description")));
      }
    }
    parameters.sort(Comparator.comparing(Parameter::name));
    return new Goal(
        text(mojo, "goal"),
        text(mojo, "description"),
        text(mojo, "phase"),
        !"false".equals(text(mojo, "requiresProject")),
        parameters);
  }

  /** The Markdown page. */
  String render() {
    StringBuilder out = new StringBuilder();
    out.append("# Goals and parameters\n\n");
    out.append(
            "<!-- Generated from the plugin descriptor by GoalsDocTest; do not edit. Regenerate with:\n     ")
        .append(REGENERATE)
        .append(" -->\n\n");
    out.append(description)
        .append(" Plugin `")
        .append(groupId)
        .append(':')
        .append(artifactId)
        .append("`, goal prefix `")
        .append(prefix)
        .append("`; needs Java ")
        .append(javaVersion)
        .append(" and Maven ")
        .append(mavenVersion)
        .append(" or newer.\n\n");
    out.append("From the repository root, after `./mvnw -q install -DskipTests`: `./mvnw -N ")
        .append(prefix)
        .append(":<goal> -D<property>=<value>`. Elsewhere, with the full coordinates: `mvn ")
        .append(groupId)
        .append(':')
        .append(artifactId)
        .append(":<version>:<goal>`. In a POM, a parameter is set by its name in ")
        .append("the plugin's `<configuration>`; on the command line, by its property. ")
        .append("[getting-started.md](getting-started.md) shows each goal at work.\n\n");
    out.append("| goal | does |\n| --- | --- |\n");
    for (Goal goal : goals) {
      out.append("| [`")
          .append(prefix)
          .append(':')
          .append(goal.name())
          .append("`](#")
          .append(prefix)
          .append(goal.name())
          .append(") | ")
          .append(cell(firstSentence(goal.description())))
          .append(" |\n");
    }
    for (Goal goal : goals) {
      out.append("\n## `").append(prefix).append(':').append(goal.name()).append("`\n\n");
      out.append(markdown(goal.description())).append("\n\n");
      List<String> facts = new ArrayList<>();
      facts.add(
          goal.phase().isEmpty()
              ? "Bound to no phase by default"
              : "Default phase: `" + goal.phase() + "`");
      facts.add(
          goal.requiresProject()
              ? "needs a project (a `pom.xml`)"
              : "runs with or without a project");
      out.append(String.join("; ", facts)).append(".\n\n");
      if (goal.parameters().isEmpty()) {
        out.append("No parameters.\n");
        continue;
      }
      out.append(
          "| parameter | property | type | default | description |\n| --- | --- | --- | --- | --- |\n");
      for (Parameter p : goal.parameters()) {
        out.append("| `")
            .append(p.name())
            .append("` | ")
            .append(p.property().isEmpty() ? "—" : "`" + p.property() + "`")
            .append(" | ")
            .append(p.type())
            .append(" | ")
            .append(
                p.defaultValue().isEmpty()
                    ? (p.required() ? "required" : "—")
                    : "`" + p.defaultValue() + "`")
            .append(" | ")
            .append(cell(markdown(p.description())))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  private static String simpleType(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  /** The descriptor's descriptions are Javadoc turned HTML; keep their words, mark code as code. */
  private static String markdown(String html) {
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher code =
        java.util.regex.Pattern.compile("<code>(.*?)</code>").matcher(html);
    int last = 0;
    while (code.find()) {
      out.append(prose(html.substring(last, code.start())))
          .append('`')
          .append(code.group(1))
          .append('`');
      last = code.end();
    }
    out.append(prose(html.substring(last)));
    return out.toString().replaceAll("\\s+", " ").trim();
  }

  /**
   * Text outside code: formatting tags go, and a placeholder such as {@code <platform>} stays
   * visible.
   */
  private static String prose(String html) {
    return html.replaceAll("</?(p|br|em|strong|i|b|ul|ol|li|a)( [^>]*)?/?>", "")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  private static String firstSentence(String text) {
    String plain = markdown(text);
    int end = plain.indexOf(". ");
    return end < 0 ? plain : plain.substring(0, end + 1);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /** The trimmed text of {@code parent}'s child {@code name}, or "" when it has none. */
  private static String text(Element parent, String name) {
    String text = DescriptorElements.text(parent, name);
    return text == null ? "" : text;
  }
}
