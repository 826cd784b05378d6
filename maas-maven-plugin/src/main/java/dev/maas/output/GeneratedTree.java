package dev.maas.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manifest tree a compilation produced: relative paths (with {@code /}) to their exact bytes,
 * sorted, and the YAML documents of each file, parsed once, when first asked for, from those same
 * bytes. The checks, the proof, the plan and the publication read these documents; the writer
 * writes the bytes.
 */
public final class GeneratedTree {

  /**
   * The documents of one file.
   *
   * @param documents every document, in order (empty for a file that is not YAML, or not valid
   *     YAML)
   * @param error why the file is not valid YAML, or {@code null}
   */
  public record Parsed(List<JsonNode> documents, String error) {

    /** The documents that are YAML mappings. */
    public List<JsonNode> objects() {
      return documents.stream().filter(JsonNode::isObject).toList();
    }
  }

  private final SortedMap<String, byte[]> files;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  /** A tree of {@code files}: path → content. */
  public GeneratedTree(SortedMap<String, byte[]> files) {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    files.forEach((path, bytes) -> copy.put(SafePaths.requireRelative(path), bytes.clone()));
    this.files = Collections.unmodifiableSortedMap(copy);
  }

  /** A tree built from text files. */
  public static GeneratedTree ofText(Map<String, String> textFiles) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    textFiles.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return new GeneratedTree(files);
  }

  /** The files: path → content. */
  public SortedMap<String, byte[]> files() {
    return files;
  }

  /** The text of one file, or {@code null}. */
  public String text(String path) {
    byte[] bytes = files.get(path);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The YAML documents of the file at {@code path}, parsed from its bytes on first use; nothing for
   * a file that is absent or not named {@code .yaml}/{@code .yml}. The trees are shared: readers
   * must not change them.
   */
  public Parsed parsed(String path) {
    return parsed.computeIfAbsent(
        path,
        p -> {
          byte[] bytes = files.get(p);
          if (bytes == null || !Layout.isYaml(p)) {
            return new Parsed(List.of(), null);
          }
          try {
            return new Parsed(List.copyOf(Yaml.documents(bytes)), null);
          } catch (IOException | RuntimeException e) {
            return new Parsed(List.of(), e.getMessage() == null ? e.toString() : e.getMessage());
          }
        });
  }

  /**
   * Parses every YAML file now, on every processor. Readers that each walk the tree in order (the
   * output checks and the policy proof run side by side) then find every file parsed, instead of
   * waiting on one another's parse of the same file, one file at a time.
   */
  public void parseAll() {
    files.keySet().parallelStream().filter(Layout::isYaml).forEach(this::parsed);
  }

  /** Whether the file at {@code path} was parsed already, so that its documents cost nothing. */
  public boolean isParsed(String path) {
    return parsed.containsKey(path);
  }

  /** This tree with every path put under {@code prefix}. */
  public GeneratedTree under(String prefix) {
    TreeMap<String, byte[]> moved = new TreeMap<>();
    files.forEach((path, bytes) -> moved.put(prefix + "/" + path, bytes));
    return new GeneratedTree(moved);
  }

  /** This tree and {@code other} together; {@code other} wins on the same path. */
  public GeneratedTree plus(GeneratedTree other) {
    TreeMap<String, byte[]> merged = new TreeMap<>(files);
    merged.putAll(other.files);
    return new GeneratedTree(merged);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GeneratedTree other) || !files.keySet().equals(other.files.keySet())) {
      return false;
    }
    return files.entrySet().stream()
        .allMatch(e -> Arrays.equals(e.getValue(), other.files.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    int h = files.keySet().hashCode();
    for (byte[] b : files.values()) {
      h = 31 * h + Arrays.hashCode(b);
    }
    return h;
  }

  @Override
  public String toString() {
    return "GeneratedTree" + files.keySet();
  }
}
