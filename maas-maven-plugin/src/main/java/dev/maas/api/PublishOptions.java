package dev.maas.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to publish and where: the generate request, plus overrides of the spec's {@code gitops}.
 *
 * @param generate how to compile the specs first, with the overrides of their GitOps target
 * @param login how to authenticate to the remote (never from the spec)
 * @param workDirectory where local clones are cached
 * @param dryRun do everything but push
 * @param pruneAll also delete what maas never writes (symbolic links, submodules) under the path;
 *     otherwise such entries stop the publication
 * @param author {@code Name <email>} for the commits' author and committer, or {@code null} for the
 *     CI's or the spec repository's Git identity
 * @param environment the process environment, where a CI's Git identity ({@code GIT_AUTHOR_NAME},
 *     ...) is read
 */
public record PublishOptions(
    GenerateRequest generate,
    GitLogin login,
    Path workDirectory,
    boolean dryRun,
    boolean pruneAll,
    String author,
    Map<String, String> environment) {

  /**
   * Options that prune only what maas owns, with commits by the CI's or the spec repository's Git
   * identity.
   */
  public PublishOptions(
      GenerateRequest generate, GitLogin login, Path workDirectory, boolean dryRun) {
    this(generate, login, workDirectory, dryRun, false, null, System.getenv());
  }
}
