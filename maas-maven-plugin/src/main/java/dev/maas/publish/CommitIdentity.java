package dev.maas.publish;

import dev.maas.diag.UserInputException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Who a publication's commits are by, and which commit of the spec's own repository they come from.
 *
 * @param author the commit's author
 * @param committer the commit's committer
 * @param sourceCommit the spec repository's {@code HEAD}, or {@code null} when the spec is in no
 *     Git work tree
 */
public record CommitIdentity(CommitAuthor author, CommitAuthor committer, String sourceCommit) {

  /**
   * The identity for specs at {@code spec}: {@code configured} ({@code Name <email>}) for both when
   * set; else the CI's Git identity ({@code GIT_AUTHOR_NAME}/{@code _EMAIL}, {@code
   * GIT_COMMITTER_NAME}/{@code _EMAIL}, each standing in for the other); else {@code
   * user.name}/{@code user.email} of the spec's repository; else {@link CommitAuthor#DEFAULT}.
   */
  public static CommitIdentity resolve(String configured, Map<String, String> env, Path spec) {
    Path dir =
        spec == null ? null : Files.isDirectory(spec) ? spec : spec.toAbsolutePath().getParent();
    try (Repository repo = repository(dir)) {
      String source = head(repo);
      if (configured != null && !configured.isBlank()) {
        CommitAuthor both =
            CommitAuthor.parse(configured)
                .orElseThrow(
                    () ->
                        UserInputException.ofFile(
                            "publish.author",
                            "maas.git.author",
                            "\"" + configured + "\" is not a Git identity",
                            "write it as Name <email>, e.g. -Dmaas.git.author="
                                + "'Jane Doe <jane@example.com>'"));
        return new CommitIdentity(both, both, source);
      }
      CommitAuthor author = fromEnv(env, "GIT_AUTHOR_");
      CommitAuthor committer = fromEnv(env, "GIT_COMMITTER_");
      CommitAuthor fallback = fromConfig(repo);
      return new CommitIdentity(
          author != null ? author : committer != null ? committer : fallback,
          committer != null ? committer : author != null ? author : fallback,
          source);
    }
  }

  private static CommitAuthor fromEnv(Map<String, String> env, String prefix) {
    String name = env.get(prefix + "NAME");
    String email = env.get(prefix + "EMAIL");
    return name == null || name.isBlank() || email == null || email.isBlank()
        ? null
        : new CommitAuthor(name, email);
  }

  private static CommitAuthor fromConfig(Repository repo) {
    if (repo == null) {
      return CommitAuthor.DEFAULT;
    }
    StoredConfig config = repo.getConfig();
    String name = config.getString("user", null, "name");
    String email = config.getString("user", null, "email");
    return name == null || name.isBlank() || email == null || email.isBlank()
        ? CommitAuthor.DEFAULT
        : new CommitAuthor(name, email);
  }

  /**
   * The work tree's repository around {@code dir}, or {@code null}: a spec outside Git is published
   * all the same.
   */
  private static Repository repository(Path dir) {
    if (dir == null) {
      return null;
    }
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
    File gitDir = builder.getGitDir();
    if (gitDir == null) {
      return null;
    }
    try {
      return builder.setMustExist(true).build();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String head(Repository repo) {
    if (repo == null) {
      return null;
    }
    try {
      ObjectId head = repo.resolve("HEAD");
      return head == null ? null : head.name();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
