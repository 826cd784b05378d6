package dev.maas.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.output.ChangeType;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Layout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Writes each changed object's unified diff, and tells a change of provenance alone from a real
 * one.
 */
final class ObjectDiff {

  private ObjectDiff() {}

  /**
   * Every object added, changed or removed from {@code before} to {@code after}, in a stable order.
   */
  static List<ObjectDelta> between(GeneratedTree before, GeneratedTree after) {
    List<ObjectDelta> out = new ArrayList<>();
    for (dev.maas.output.ObjectDiff.Change change :
        dev.maas.output.ObjectDiff.between(before, after)) {
      dev.maas.output.ObjectDiff.Side was = change.before();
      dev.maas.output.ObjectDiff.Side is = change.after();
      boolean provenanceOnly =
          change.type() == ChangeType.CHANGED
              && was.body() != null
              && is.body() != null
              && Objects.equals(withoutProvenance(was.body()), withoutProvenance(is.body()));
      String diff =
          unified(
              was == null ? null : was.file(),
              was == null ? "" : was.text(),
              is == null ? null : is.file(),
              is == null ? "" : is.text());
      out.add(
          new ObjectDelta(
              change.type(),
              change.kind(),
              change.namespace(),
              change.name(),
              change.area(),
              change.any().file(),
              diff,
              provenanceOnly));
    }
    return out;
  }

  private static JsonNode withoutProvenance(JsonNode body) {
    ObjectNode copy = body.deepCopy();
    JsonNode annotations = copy.path("metadata").path("annotations");
    if (annotations instanceof ObjectNode map) {
      Layout.PROVENANCE.forEach(map::remove);
      if (map.isEmpty()) {
        ((ObjectNode) copy.get("metadata")).remove("annotations");
      }
    }
    if (copy.path("commonAnnotations") instanceof ObjectNode common) {
      Layout.PROVENANCE.forEach(common::remove);
      if (common.isEmpty()) {
        copy.remove("commonAnnotations");
      }
    }
    return copy;
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
    String header =
        "--- "
            + (oldFile == null ? "/dev/null" : "a/" + oldFile)
            + "\n"
            + "+++ "
            + (newFile == null ? "/dev/null" : "b/" + newFile)
            + "\n";
    return header + out.toString(StandardCharsets.UTF_8);
  }

  /** Whether two trees hold the same bytes at the same paths. */
  static boolean sameBytes(GeneratedTree a, GeneratedTree b) {
    return a.files().keySet().equals(b.files().keySet())
        && a.files().entrySet().stream()
            .allMatch(e -> Arrays.equals(e.getValue(), b.files().get(e.getKey())));
  }
}
