package dev.maas.plugin;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a goal's relative names resolve against: the project's, or the working folder outside
 * one.
 *
 * @param path the folder
 */
record ProjectFolder(Path path) {

  /** {@code basedir}, or the working folder when Maven runs without a project. */
  static ProjectFolder of(File basedir) {
    return new ProjectFolder(
        (basedir != null && !basedir.getPath().contains("${")
                ? basedir
                : new File(System.getProperty("user.dir")))
            .toPath());
  }

  /**
   * {@code file}, or {@code fallback} under this folder when it is unset or still holds a {@code
   * ${...}} expression: outside a project Maven leaves {@code ${project.build.directory}} in a
   * default as it is, which would otherwise become a folder of that literal name.
   */
  Path resolve(File file, String fallback) {
    return file == null || file.getPath().contains("${") ? path.resolve(fallback) : file.toPath();
  }

  /** {@link #resolve(File, String)} when that is a folder, else {@code null}. */
  Path existingFolder(File file, String fallback) {
    Path folder = resolve(file, fallback);
    return Files.isDirectory(folder) ? folder : null;
  }
}
