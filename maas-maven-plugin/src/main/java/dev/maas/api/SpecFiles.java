package dev.maas.api;

import dev.maas.diag.UserInputException;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds the spec files a {@code maas.spec} value names: one file, or every YAML file in a folder.
 */
final class SpecFiles {

  private SpecFiles() {}

  static List<Path> resolve(Path spec) {
    if (Files.isRegularFile(spec)) {
      return List.of(spec);
    }
    if (Files.isDirectory(spec)) {
      // A loop, not a stream: this runs on every generate, also on an unchanged one, where a
      // stream's lambdas are a good part of the time.
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> list = Files.newDirectoryStream(spec)) {
        for (Path p : list) {
          String name = p.getFileName().toString();
          if ((name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(p)) {
            files.add(p);
          }
        }
        Collections.sort(files);
        if (files.isEmpty()) {
          throw UserInputException.ofFile(
              "spec.none",
              spec.toString(),
              "the folder holds no spec (*.yaml or *.yml)",
              "point maas.spec at a spec file or a folder of specs");
        }
        return Collections.unmodifiableList(files);
      } catch (IOException | DirectoryIteratorException e) {
        throw UserInputException.ofFile(
            "spec.io", spec.toString(), "cannot list the folder: " + e.getMessage(), null);
      }
    }
    throw UserInputException.ofFile(
        "spec.missing",
        spec.toString(),
        "no such file or folder",
        "set maas.spec to a spec file or a folder of specs, e.g. -Dmaas.spec=platform-specs");
  }

  /**
   * The name diagnostics use for {@code file}: relative to {@code baseDir} where it lies below it.
   */
  static String displayName(Path baseDir, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = baseDir.toAbsolutePath().normalize();
    return absolute.startsWith(base)
        ? base.relativize(absolute).toString().replace('\\', '/')
        : absolute.toString();
  }
}
