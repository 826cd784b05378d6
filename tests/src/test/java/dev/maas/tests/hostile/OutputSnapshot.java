package dev.maas.tests.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file and folder under a root, hidden ones included, with its bytes and modification time:
 * two snapshots are equal only when nothing under the root was written, added or removed.
 */
record OutputSnapshot(Map<String, Entry> entries) {

  /**
   * One file or folder: its bytes ({@code null} for a folder) and its modification time in
   * nanoseconds.
   */
  record Entry(byte[] bytes, long modifiedNanos) {

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e
          && Arrays.equals(bytes, e.bytes)
          && modifiedNanos == e.modifiedNanos;
    }

    @Override
    public int hashCode() {
      return Objects.hash(Arrays.hashCode(bytes), modifiedNanos);
    }

    @Override
    public String toString() {
      return (bytes == null ? "dir" : bytes.length + " bytes") + " @" + modifiedNanos;
    }
  }

  static OutputSnapshot of(Path root) throws IOException {
    Map<String, Entry> entries = new TreeMap<>();
    if (!Files.exists(root)) {
      return new OutputSnapshot(entries);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        long mtime =
            Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS)
                .to(java.util.concurrent.TimeUnit.NANOSECONDS);
        byte[] bytes =
            Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? null : Files.readAllBytes(p);
        entries.put(root.relativize(p).toString().replace('\\', '/'), new Entry(bytes, mtime));
      }
    }
    return new OutputSnapshot(entries);
  }

  /** The files only, without modification times: what a reader of the output sees. */
  Map<String, String> contentDigest() {
    Map<String, String> out = new TreeMap<>();
    entries.forEach(
        (path, e) -> {
          if (e.bytes() != null) {
            out.put(path, Integer.toHexString(Arrays.hashCode(e.bytes())) + "/" + e.bytes().length);
          }
        });
    return out;
  }

  /** The paths whose entry differs between this snapshot and {@code other}. */
  java.util.List<String> differences(OutputSnapshot other) {
    java.util.TreeSet<String> paths = new java.util.TreeSet<>(entries.keySet());
    paths.addAll(other.entries.keySet());
    return paths.stream()
        .filter(p -> !Objects.equals(entries.get(p), other.entries.get(p)))
        .toList();
  }
}
