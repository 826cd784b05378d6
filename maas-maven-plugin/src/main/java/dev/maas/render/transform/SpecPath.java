package dev.maas.render.transform;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The spec's path as the {@code maas.dev/spec} annotation records it: never an absolute path of the
 * machine that compiled it, so that two machines produce the same bytes.
 */
public final class SpecPath {

  private SpecPath() {}

  /**
   * {@code specFile} when it is relative (it is then relative to the project root); else its path
   * relative to the root of the Git work tree that holds it (the nearest folder above it with a
   * {@code .git} entry, a folder or, in a linked work tree, a file); else its file name alone.
   */
  public static String portable(String specFile) {
    Path path = Path.of(specFile);
    if (!path.isAbsolute()) {
      return specFile.replace('\\', '/');
    }
    Path file = path.normalize();
    for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir.relativize(file).toString().replace('\\', '/');
      }
    }
    return file.getFileName().toString();
  }
}
