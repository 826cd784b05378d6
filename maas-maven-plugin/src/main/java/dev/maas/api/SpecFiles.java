package dev.maas.api;

import dev.maas.diag.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
      try (Stream<Path> list = Files.list(spec)) {
        List<Path> files =
            list.filter(Files::isRegularFile)
                .filter(
                    p ->
                        p.getFileName().toString().endsWith(".yaml")
                            || p.getFileName().toString().endsWith(".yml"))
                .sorted()
                .toList();
        if (files.isEmpty()) {
          throw UserInputException.ofFile(
              "spec.none",
              spec.toString(),
              "the folder holds no spec (*.yaml or *.yml)",
              "point maas.spec at a spec file or a folder of specs");
        }
        return files;
      } catch (IOException e) {
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
