package dev.maas.output;

import java.util.regex.Pattern;

/** Keeps generated file names inside the output folder, whatever names the spec holds. */
public final class SafePaths {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private SafePaths() {}

  /**
   * Returns {@code path} when it is a relative path of plain segments (no {@code ..}, no absolute
   * start, no empty or hidden-only segment); throws otherwise.
   */
  public static String requireRelative(String path) {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
      throw new IllegalArgumentException("not a relative output path: " + path);
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
        throw new IllegalArgumentException(
            "not a safe output path segment `" + segment + "` in " + path);
      }
    }
    return path;
  }

  /**
   * The folder a user wrote as {@code path}, without surrounding blanks and leading or trailing
   * slashes, checked as {@link #requireRelative}.
   */
  public static String requireFolder(String path) {
    String folder = path.strip();
    while (folder.startsWith("/")) {
      folder = folder.substring(1);
    }
    while (folder.endsWith("/")) {
      folder = folder.substring(0, folder.length() - 1);
    }
    return requireRelative(folder);
  }
}
