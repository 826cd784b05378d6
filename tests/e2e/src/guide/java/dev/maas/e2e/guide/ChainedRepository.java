package dev.maas.e2e.guide;

import java.nio.file.Path;

/**
 * The local Maven repository of the page's commands: a fresh one, with the build's own chained
 * read-only behind it, so that nothing is downloaded twice and nothing the commands install reaches
 * the repository other builds share.
 */
public final class ChainedRepository {

  private ChainedRepository() {}

  /** The Maven arguments that make {@code fresh} the local repository, in front of the build's. */
  public static String mavenArgs(Path fresh) {
    return "-Dmaven.repo.local=" + fresh + " -Dmaven.repo.local.tail=" + outer();
  }

  /** The build's own local repository ({@code maas.localRepository}), else the user's default. */
  private static Path outer() {
    String configured = System.getProperty("maas.localRepository", "");
    Path repo =
        configured.isBlank() || configured.startsWith("${")
            ? Path.of(System.getProperty("user.home"), ".m2", "repository")
            : Path.of(configured);
    return repo.toAbsolutePath();
  }
}
