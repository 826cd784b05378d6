package dev.maas.diag;

/** A place in a source file: the file as the user named it, a 1-based line and column. */
public record SourceLocation(String file, int line, int column) {

  /** A location for a whole file, when no finer position is known. */
  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, 0, 0);
  }

  @Override
  public String toString() {
    // A builder, not +: every warning an unchanged run replays is rendered in a fresh JVM.
    return line > 0
        ? new StringBuilder(file).append(':').append(line).append(':').append(column).toString()
        : file;
  }
}
