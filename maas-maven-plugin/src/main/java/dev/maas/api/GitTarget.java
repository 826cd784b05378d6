package dev.maas.api;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.diag.UserInputException;
import dev.maas.model.GitOps;
import dev.maas.model.Platform;
import java.util.List;

/**
 * The overrides of a spec's GitOps target ({@code maas.git.url}, {@code maas.git.branch}, {@code
 * maas.git.path}): the one place that says where a platform's output really goes, so that what
 * publish pushes to and what the Argo CD Applications read are the same repository, branch and
 * folder.
 *
 * @param url overrides {@code spec.gitops.repoURL}, or {@code null}
 * @param branch overrides {@code spec.gitops.branch}, or {@code null}
 * @param path overrides {@code spec.gitops.path}, or {@code null}
 */
public record GitTarget(String url, String branch, String path) {

  /** No overrides: the spec's target. */
  public static final GitTarget SPEC = new GitTarget(null, null, null);

  /** Whether nothing is overridden. */
  public boolean none() {
    return url == null && branch == null && path == null;
  }

  /**
   * {@code platform} with its GitOps target overridden; unchanged when it has none or nothing is
   * overridden.
   */
  public Platform apply(Platform platform) {
    if (none() || platform.gitops() == null) {
      return platform;
    }
    return platform.withGitOps(platform.gitops().target(url, branch, path));
  }

  /**
   * The repository to publish to, or {@code null} when neither the spec nor the overrides name one.
   */
  public String url(GitOps gitops) {
    return url != null ? url : gitops == null ? null : gitops.repoURL();
  }

  /** The branch to publish to. */
  public String branch(GitOps gitops) {
    return branch != null ? branch : gitops == null ? "main" : gitops.branch();
  }

  /** The folder to publish to, or {@code null} when neither the spec nor the overrides name one. */
  public String path(GitOps gitops) {
    return path != null ? path : gitops == null ? null : gitops.path();
  }

  /**
   * Where a platform's output goes in Git: repository, branch and folder.
   *
   * @param url the repository
   * @param branch the branch
   * @param path the folder in the repository
   */
  public record Destination(String url, String branch, String path) {}

  /**
   * The repository, branch and folder of a spec whose GitOps section is {@code gitops}, with the
   * overrides applied; an error with {@code code} on the spec {@code file} when neither names a
   * repository and a folder.
   */
  Destination destination(GitOps gitops, String file, String code, String message, String hint) {
    String url = url(gitops);
    String path = path(gitops);
    if (url == null || path == null) {
      throw new UserInputException(
          List.of(
              Diagnostic.error(code, SourceLocation.ofFile(file), "/spec/gitops", message, hint)));
    }
    String branch = branch(gitops);
    return new Destination(url, branch == null ? "main" : branch, path);
  }
}
