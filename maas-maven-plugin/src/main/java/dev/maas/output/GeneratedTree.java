package dev.maas.output;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files a compilation produced: relative paths (with {@code /}) to their exact bytes, sorted.
 *
 * @param files path → content
 */
public record GeneratedTree(SortedMap<String, byte[]> files) {

  public GeneratedTree {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    files.forEach((path, bytes) -> copy.put(SafePaths.requireRelative(path), bytes.clone()));
    files = Collections.unmodifiableSortedMap(copy);
  }

  /** A tree built from text files. */
  public static GeneratedTree ofText(Map<String, String> textFiles) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    textFiles.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return new GeneratedTree(files);
  }

  /** The text of one file, or {@code null}. */
  public String text(String path) {
    byte[] bytes = files.get(path);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
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
    return files.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), other.files.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    int h = files.keySet().hashCode();
    for (byte[] b : files.values()) {
      h = 31 * h + java.util.Arrays.hashCode(b);
    }
    return h;
  }
}
