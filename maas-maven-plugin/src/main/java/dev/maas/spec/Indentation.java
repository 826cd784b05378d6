package dev.maas.spec;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Says in words what a wrong indentation is, at the line that has it: SnakeYAML names parser states
 * ({@code expected <block end>, but found '<block mapping start>'}) that a spec's author never
 * sees.
 */
final class Indentation {

  /** A wrong indentation: where (1-based), what, how to fix it. */
  record Finding(int line, int column, String message, String hint) {}

  private Indentation() {}

  /** The finding for {@code e} when it is a wrong indentation of a key line, else empty. */
  static Optional<Finding> explain(String text, MarkedYAMLException e) {
    Mark at = e.getProblemMark();
    String problem = String.valueOf(e.getProblem());
    List<String> lines = text.lines().toList();
    if (at == null || at.getLine() >= lines.size()) {
      return Optional.empty();
    }
    int row = at.getLine();
    String line = lines.get(row);
    int indent = indent(line);
    int prev = previousContent(lines, row);
    if (prev < 0 || !line.substring(indent).contains(":")) {
      return Optional.empty();
    }
    String key = key(line);
    String prevLine = lines.get(prev);
    int sibling = keyColumn(prevLine);
    String prevKey = key(prevLine);
    if (problem.startsWith("expected <block end>, but found '<block mapping start>'")
        && indent < sibling) {
      String message =
          "`"
              + key
              + "` is indented "
              + spaces(indent)
              + ", which lines up with no key above it: `"
              + prevKey
              + "` on line "
              + (prev + 1)
              + " is indented "
              + spaces(sibling);
      String hint = "indent it " + spaces(sibling) + " like `" + prevKey + "`";
      int parent = parent(lines, prev, indent);
      if (parent >= 0) {
        message +=
            ", `"
                + key(lines.get(parent))
                + "` on line "
                + (parent + 1)
                + " "
                + spaces(keyColumn(lines.get(parent)));
        String parentKey = key(lines.get(parent));
        hint +=
            " to keep it in `"
                + parentKey
                + "`, or "
                + spaces(keyColumn(lines.get(parent)))
                + " like `"
                + parentKey
                + "` to put it beside it";
      }
      return Optional.of(new Finding(row + 1, indent + 1, message, hint));
    }
    if (problem.startsWith("mapping values are not allowed here")
        && indent > sibling
        && hasValue(prevLine)) {
      return Optional.of(
          new Finding(
              row + 1,
              indent + 1,
              "`"
                  + key
                  + "` is indented "
                  + spaces(indent)
                  + ", more than `"
                  + prevKey
                  + "` on line "
                  + (prev + 1)
                  + " ("
                  + spaces(sibling)
                  + "), whose value is already written, so YAML"
                  + " reads the line as more of that value",
              "indent it " + spaces(sibling) + " like `" + prevKey + "`"));
    }
    return Optional.empty();
  }

  /**
   * The nearest plain key line above {@code from} that {@code indent} could close, with no list
   * item between.
   */
  private static int parent(List<String> lines, int from, int indent) {
    for (int i = from; i >= 0; i--) {
      String l = lines.get(i);
      if (isContent(l) && keyColumn(l) < indent) {
        return l.substring(indent(l)).startsWith("- ") ? -1 : i;
      }
      if (isContent(l) && l.substring(indent(l)).startsWith("- ")) {
        return -1;
      }
    }
    return -1;
  }

  private static int previousContent(List<String> lines, int row) {
    for (int i = row - 1; i >= 0; i--) {
      if (isContent(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isContent(String line) {
    String t = line.strip();
    return !t.isEmpty() && !t.startsWith("#") && !t.equals("---");
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Where the line's key starts: after a list item's dash. */
  private static int keyColumn(String line) {
    int i = indent(line);
    while (line.startsWith("- ", i)) {
      i += 2;
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
    }
    return i;
  }

  private static String key(String line) {
    String rest = line.substring(keyColumn(line));
    int colon = rest.indexOf(':');
    String key = (colon < 0 ? rest : rest.substring(0, colon)).strip();
    return key.length() > 40 ? key.substring(0, 40) + "…" : key;
  }

  private static boolean hasValue(String line) {
    String rest = line.substring(keyColumn(line));
    int colon = rest.indexOf(": ");
    return colon >= 0
        && !rest.substring(colon + 2).strip().isEmpty()
        && !rest.substring(colon + 2).strip().startsWith("#");
  }

  private static String spaces(int n) {
    return n + (n == 1 ? " space" : " spaces");
  }
}
