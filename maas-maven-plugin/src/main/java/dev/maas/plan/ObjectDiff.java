package dev.maas.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.maas.output.GeneratedTree;
import dev.maas.publish.ChangeType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** Compares two trees object by object, and writes each changed object's unified diff. */
final class ObjectDiff {

  /** The annotations that record where an object came from, not what it is. */
  static final List<String> PROVENANCE = List.of("maas.dev/spec-hash", "maas.dev/generator", "maas.dev/spec");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private ObjectDiff() {}

  /** One object and its text. */
  private record Found(String kind, String namespace, String name, String area, String file, JsonNode body,
      String text) {}

  /** Every object added, changed or removed from {@code before} to {@code after}, in a stable order. */
  static List<ObjectDelta> between(GeneratedTree before, GeneratedTree after) {
    Map<String, Found> old = objects(before);
    Map<String, Found> now = objects(after);
    TreeSet<String> keys = new TreeSet<>(old.keySet());
    keys.addAll(now.keySet());
    List<ObjectDelta> out = new ArrayList<>();
    for (String key : keys) {
      Found was = old.get(key);
      Found is = now.get(key);
      if (was != null && is != null && Objects.equals(was.body(), is.body()) && was.text().equals(is.text())) {
        continue;
      }
      Found any = is != null ? is : was;
      ChangeType type = was == null ? ChangeType.ADDED : is == null ? ChangeType.REMOVED : ChangeType.CHANGED;
      boolean provenanceOnly = type == ChangeType.CHANGED && was.body() != null && is.body() != null
          && Objects.equals(withoutProvenance(was.body()), withoutProvenance(is.body()));
      String diff = unified(was == null ? null : was.file(), was == null ? "" : was.text(),
          is == null ? null : is.file(), is == null ? "" : is.text());
      out.add(new ObjectDelta(type, any.kind(), any.namespace(), any.name(), any.area(), any.file(), diff,
          provenanceOnly));
    }
    return out;
  }

  /** The objects of a tree by identity; a file with no named object stands for itself. */
  private static Map<String, Found> objects(GeneratedTree tree) {
    Map<String, Found> out = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      String path = file.getKey();
      String text = new String(file.getValue(), StandardCharsets.UTF_8);
      List<JsonNode> docs = path.endsWith(".yaml") || path.endsWith(".yml") ? documents(file.getValue()) : List.of();
      List<JsonNode> named = docs.stream().filter(d -> d.path("kind").isTextual()
          && d.path("metadata").path("name").isTextual()).toList();
      if (named.isEmpty()) {
        // A kustomization is compared as a tree too, so a change of its common provenance annotations alone
        // counts as provenance, like the same change on an object.
        JsonNode body = docs.size() == 1 ? docs.get(0) : null;
        out.put("1|" + path, new Found("file", "", path, area(path), path, body, text));
        continue;
      }
      for (JsonNode doc : named) {
        String kind = doc.path("kind").asText();
        String namespace = doc.path("metadata").path("namespace").asText("");
        String name = doc.path("metadata").path("name").asText();
        String shown = named.size() == 1 ? text : yaml(doc);
        out.put("0|" + area(path) + "|" + kind + "|" + namespace + "|" + name,
            new Found(kind, namespace, name, area(path), path, doc, shown));
      }
    }
    return out;
  }

  private static List<JsonNode> documents(byte[] bytes) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(bytes)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && doc.isObject()) {
          docs.add(doc);
        }
      }
    } catch (IOException | RuntimeException notYaml) {
      return List.of();
    }
    return docs;
  }

  private static String yaml(JsonNode doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode withoutProvenance(JsonNode body) {
    ObjectNode copy = body.deepCopy();
    JsonNode annotations = copy.path("metadata").path("annotations");
    if (annotations instanceof ObjectNode map) {
      PROVENANCE.forEach(map::remove);
      if (map.isEmpty()) {
        ((ObjectNode) copy.get("metadata")).remove("annotations");
      }
    }
    if (copy.path("commonAnnotations") instanceof ObjectNode common) {
      PROVENANCE.forEach(common::remove);
      if (common.isEmpty()) {
        copy.remove("commonAnnotations");
      }
    }
    return copy;
  }

  /** {@code base}, {@code overlays/<env>}, or the first folder of the path. */
  static String area(String path) {
    String[] segments = path.split("/");
    if (segments.length >= 3 && segments[0].equals("overlays")) {
      return segments[0] + "/" + segments[1];
    }
    return segments.length >= 2 ? segments[0] : "";
  }

  /** The unified diff of two texts with three lines of context, headed by their files. */
  static String unified(String oldFile, String oldText, String newFile, String newText) {
    RawText a = new RawText(oldText.getBytes(StandardCharsets.UTF_8));
    RawText b = new RawText(newText.getBytes(StandardCharsets.UTF_8));
    EditList edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(out)) {
      formatter.setContext(3);
      formatter.format(edits, a, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String header = "--- " + (oldFile == null ? "/dev/null" : "a/" + oldFile) + "\n"
        + "+++ " + (newFile == null ? "/dev/null" : "b/" + newFile) + "\n";
    return header + out.toString(StandardCharsets.UTF_8);
  }

  /** Whether two trees hold the same bytes at the same paths. */
  static boolean sameBytes(GeneratedTree a, GeneratedTree b) {
    return a.files().keySet().equals(b.files().keySet()) && a.files().entrySet().stream()
        .allMatch(e -> Arrays.equals(e.getValue(), b.files().get(e.getKey())));
  }
}
