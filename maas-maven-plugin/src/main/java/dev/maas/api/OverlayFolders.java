package dev.maas.api;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.Suggestions;
import dev.maas.model.Environment;
import dev.maas.model.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks that every folder of hand-written overlays names an environment: any other would be
 * silently left out.
 */
final class OverlayFolders {

  private OverlayFolders() {}

  /**
   * An error for each sub-folder of {@code overlays} that is no environment of any of {@code
   * platforms}.
   */
  static List<Diagnostic> check(Path baseDir, Path overlays, Collection<Platform> platforms) {
    if (overlays == null || !Files.isDirectory(overlays) || platforms.isEmpty()) {
      return List.of();
    }
    TreeSet<String> environments = new TreeSet<>();
    platforms.forEach(
        p -> p.environments().stream().map(Environment::name).forEach(environments::add));
    List<Diagnostic> out = new ArrayList<>();
    try (Stream<Path> list = Files.list(overlays)) {
      for (Path folder : list.filter(Files::isDirectory).sorted().toList()) {
        String name = folder.getFileName().toString();
        if (environments.contains(name)) {
          continue;
        }
        String hint =
            Suggestions.closest(name, environments)
                .map(
                    c ->
                        "did you mean `"
                            + c
                            + "`? rename the folder to "
                            + SpecFiles.displayName(baseDir, overlays.resolve(c)))
                .orElse("rename the folder to an environment's name, or remove it");
        out.add(
            Diagnostic.fileError(
                "overlays.unknownEnvironment",
                SpecFiles.displayName(baseDir, folder) + "/",
                "hand-written overlays for environment `"
                    + name
                    + "`, which no spec defines (environments: "
                    + String.join(", ", environments)
                    + "); they would be left out of every overlay",
                hint));
      }
    } catch (IOException e) {
      out.add(
          Diagnostic.fileError(
              "overlays.io",
              SpecFiles.displayName(baseDir, overlays),
              "cannot list the hand-written overlays: " + e.getMessage(),
              null));
    }
    return out;
  }
}
