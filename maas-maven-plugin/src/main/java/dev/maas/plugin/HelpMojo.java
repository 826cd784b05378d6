package dev.maas.plugin;

import static dev.maas.plugin.DescriptorElements.child;
import static dev.maas.plugin.DescriptorElements.children;
import static dev.maas.plugin.DescriptorElements.text;

import dev.maas.diag.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Lists the goals of maas-maven-plugin, read from its plugin descriptor, on standard output (so
 * {@code -q} keeps it). {@code mvn maas:help -Ddetail=true -Dgoal=<goal-name>} adds each parameter.
 */
@Mojo(name = "help", requiresProject = false, threadSafe = true)
public class HelpMojo extends AbstractMojo implements ParameterSnapshot<HelpMojo.Request> {

  /** If {@code true}, lists every parameter a user can set, for each goal. */
  @Parameter(property = "detail", defaultValue = "false")
  boolean detail;

  /** The goal to show; all goals when unset. */
  @Parameter(property = "goal")
  String goal;

  /** The maximum length of a line; 80 when not positive. */
  @Parameter(property = "lineLength", defaultValue = "80")
  int lineLength;

  /** Where the listing goes: standard output, which {@code -q} does not silence. */
  PrintStream out = System.out;

  /**
   * What to list.
   *
   * @param goal the goal to show, or {@code null} for all
   * @param detail whether each parameter is listed
   * @param width the maximum length of a line
   */
  record Request(String goal, boolean detail, int width) {}

  @Override
  public Request snapshot() {
    return new Request(
        goal == null || goal.isBlank() ? null : goal, detail, lineLength > 0 ? lineLength : 80);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Request request = snapshot();
    String only = request.goal();
    int width = request.width();
    Element plugin = descriptor();
    String prefix = text(plugin, "goalPrefix");
    List<Element> mojos = children(child(plugin, "mojos"), "mojo");
    mojos.sort(Comparator.comparing(m -> text(m, "goal")));
    List<String> names = mojos.stream().map(m -> text(m, "goal")).toList();
    StringBuilder sb = new StringBuilder();
    if (only == null) {
      wrap(sb, text(plugin, "name") + " " + text(plugin, "version"), 0, width);
      wrap(sb, text(plugin, "description"), 1, width);
      sb.append('\n');
      wrap(sb, "This plugin has " + mojos.size() + " goals:", 0, width);
      sb.append('\n');
    } else if (!names.contains(only)) {
      String hint = Suggestions.didYouMean(only, names);
      throw new MojoFailureException(
          "maas: no goal `"
              + only
              + "` ("
              + (hint != null ? hint + " " : "")
              + "goals are: "
              + String.join(", ", names)
              + ")");
    }
    for (Element mojo : mojos) {
      if (only == null || only.equals(text(mojo, "goal"))) {
        goal(sb, prefix, mojo, request);
      }
    }
    out.print(sb);
    out.flush();
  }

  private static void goal(StringBuilder sb, String prefix, Element mojo, Request request) {
    int width = request.width();
    wrap(sb, prefix + ":" + text(mojo, "goal"), 0, width);
    wrap(sb, text(mojo, "description"), 1, width);
    sb.append('\n');
    if (!request.detail()) {
      return;
    }
    Element configuration = child(mojo, "configuration");
    List<Element> parameters =
        children(child(mojo, "parameters"), "parameter").stream()
            .filter(p -> "true".equals(text(p, "editable")))
            .toList();
    wrap(sb, "Available parameters:", 1, width);
    sb.append('\n');
    for (Element p : parameters) {
      String name = text(p, "name");
      Element config = configuration == null ? null : child(configuration, name);
      String defaultValue = config == null ? null : config.getAttribute("default-value");
      String expression = config == null ? null : config.getTextContent().trim();
      wrap(
          sb,
          name
              + (defaultValue == null || defaultValue.isEmpty()
                  ? ""
                  : " (Default: " + defaultValue + ")"),
          2,
          width);
      wrap(sb, text(p, "description"), 3, width);
      if (expression != null && expression.startsWith("${") && expression.endsWith("}")) {
        wrap(sb, "User property: " + expression.substring(2, expression.length() - 1), 3, width);
      }
      sb.append('\n');
    }
  }

  /**
   * Appends {@code text} indented by {@code level} steps of two spaces, broken at spaces to fit
   * {@code width}.
   */
  private static void wrap(StringBuilder sb, String text, int level, int width) {
    if (text == null || text.isEmpty()) {
      return;
    }
    String indent = "  ".repeat(level);
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.trim().split("\\s+")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        sb.append(line).append('\n');
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    sb.append(line).append('\n');
  }

  private Element descriptor() throws MojoExecutionException {
    try (InputStream in = HelpMojo.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      if (in == null) {
        throw new MojoExecutionException(
            "maas: the plugin descriptor META-INF/maven/plugin.xml is missing");
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    } catch (IOException | ParserConfigurationException | SAXException e) {
      throw new MojoExecutionException(
          "maas: cannot read the plugin descriptor: " + e.getMessage(), e);
    }
  }
}
