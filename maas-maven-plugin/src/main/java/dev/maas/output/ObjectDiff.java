package dev.maas.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The one object-level comparison of two manifest trees, which the plan and the publication both
 * read: objects are matched by area, kind, namespace and name (so one moved between files of an
 * area is the same object), and a file that holds no named object stands for itself.
 */
public final class ObjectDiff {

  private ObjectDiff() {}

  /**
   * One object, or one file without a named object, on one side.
   *
   * @param file the file that holds it
   * @param body the object, or for a file without a named object its only document ({@code null}
   *     when it has none or several)
   * @param text the file's text, or the object's own YAML when the file holds several objects
   */
  public record Side(String file, JsonNode body, String text) {}

  /**
   * An object (or file) that differs between the two trees.
   *
   * @param type what happens to it
   * @param kind its kind, or {@code file}
   * @param namespace its namespace, empty when none
   * @param name its name, or the file's path
   * @param area {@code base}, {@code overlays/<env>}, {@code argocd}
   * @param before its side in the first tree, or {@code null} when added
   * @param after its side in the second tree, or {@code null} when removed
   */
  public record Change(
      ChangeType type,
      String kind,
      String namespace,
      String name,
      String area,
      Side before,
      Side after) {

    /** Whether it is a file that holds no named object. */
    public boolean isFile() {
      return kind.equals("file");
    }

    /**
     * Whether both sides hold the same object, though its text differs (formatting, comments,
     * another file).
     */
    public boolean sameObject() {
      return type == ChangeType.CHANGED
          && before.body() != null
          && Objects.equals(before.body(), after.body());
    }

    /** The side after the change, or before it when removed. */
    public Side any() {
      return after != null ? after : before;
    }
  }

  /**
   * Every object and object-less file whose object or text differs from {@code before} to {@code
   * after}, sorted.
   */
  public static List<Change> between(GeneratedTree before, GeneratedTree after) {
    Map<String, Found> old = objects(before);
    Map<String, Found> now = objects(after);
    TreeSet<String> keys = new TreeSet<>(old.keySet());
    keys.addAll(now.keySet());
    List<Change> out = new ArrayList<>();
    for (String key : keys) {
      Found was = old.get(key);
      Found is = now.get(key);
      if (was != null
          && is != null
          && Objects.equals(was.side().body(), is.side().body())
          && was.side().text().equals(is.side().text())) {
        continue;
      }
      Found any = is != null ? is : was;
      ChangeType type =
          was == null ? ChangeType.ADDED : is == null ? ChangeType.REMOVED : ChangeType.CHANGED;
      out.add(
          new Change(
              type,
              any.kind(),
              any.namespace(),
              any.name(),
              any.area(),
              was == null ? null : was.side(),
              is == null ? null : is.side()));
    }
    return out;
  }

  /** One object and where it is. */
  private record Found(String kind, String namespace, String name, String area, Side side) {}

  /** The objects of a tree by identity; a file with no named object stands for itself. */
  private static Map<String, Found> objects(GeneratedTree tree) {
    Map<String, Found> out = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      String path = file.getKey();
      String text = new String(file.getValue(), StandardCharsets.UTF_8);
      GeneratedTree.Parsed parsed = tree.parsed(path);
      List<JsonNode> docs = parsed.error() == null ? parsed.objects() : List.of();
      List<JsonNode> named =
          docs.stream()
              .filter(
                  d -> d.path("kind").isTextual() && d.path("metadata").path("name").isTextual())
              .toList();
      String area = Layout.area(path);
      if (named.isEmpty()) {
        // A kustomization is compared as a tree too, so a change of its common provenance
        // annotations alone
        // counts as provenance, like the same change on an object.
        JsonNode body = docs.size() == 1 ? docs.get(0) : null;
        out.put("1|" + path, new Found("file", "", path, area, new Side(path, body, text)));
        continue;
      }
      for (JsonNode doc : named) {
        String kind = doc.path("kind").asText();
        String namespace = doc.path("metadata").path("namespace").asText("");
        String name = doc.path("metadata").path("name").asText();
        String shown = named.size() == 1 ? text : Yaml.write(doc);
        out.put(
            "0|" + area + "|" + kind + "|" + namespace + "|" + name,
            new Found(kind, namespace, name, area, new Side(path, doc, shown)));
      }
    }
    return out;
  }
}
