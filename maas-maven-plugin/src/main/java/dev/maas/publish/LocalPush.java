package dev.maas.publish;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.QuotedString;

/**
 * How a push reaches a repository on this machine. JGit receives such a push in-process and runs
 * none of the repository's hooks, so a pre-receive or update hook that guards a branch would be
 * skipped; git's own receive-pack, run as a process, runs them as a push from {@code git} would.
 */
final class LocalPush {

  private LocalPush() {}

  /** Whether {@code uri} names a repository on this machine: a path or a {@code file://} URL. */
  static boolean isLocal(URIish uri) {
    return (uri.getScheme() == null || uri.getScheme().equals("file")) && uri.getHost() == null;
  }

  /**
   * The command that runs git's receive-pack, or {@code null} when no {@code git} is on the PATH.
   */
  static String receivePackCommand(String pathVariable) {
    if (pathVariable == null) {
      return null;
    }
    for (String folder : pathVariable.split(File.pathSeparator)) {
      if (folder.isEmpty()) {
        continue;
      }
      Path git = Path.of(folder, "git");
      if (Files.isRegularFile(git) && Files.isExecutable(git)) {
        // Not "git receive-pack" spelled as JGit knows it: that spelling makes JGit receive
        // in-process again.
        return QuotedString.BOURNE.quote(git.toString()) + " receive-pack";
      }
    }
    return null;
  }

  /**
   * The hooks of the repository at {@code uri} that would run on a push, by name; empty when none
   * would.
   */
  static List<String> hooks(URIish uri) throws IOException {
    File dir = RepositoryCache.FileKey.resolve(new File(uri.getPath()), FS.DETECTED);
    List<String> found = new ArrayList<>();
    if (dir == null) {
      return found;
    }
    Path hooks = dir.toPath().resolve("hooks");
    if (!Files.isDirectory(hooks)) {
      return found;
    }
    try (Stream<Path> files = Files.list(hooks)) {
      files
          .filter(
              f ->
                  Files.isRegularFile(f)
                      && Files.isExecutable(f)
                      && !f.getFileName().toString().endsWith(".sample"))
          .map(f -> f.getFileName().toString())
          .filter(
              name ->
                  List.of(
                          "pre-receive",
                          "update",
                          "proc-receive",
                          "post-receive",
                          "post-update",
                          "reference-transaction",
                          "push-to-checkout")
                      .contains(name))
          .sorted()
          .forEach(found::add);
    }
    return found;
  }
}
