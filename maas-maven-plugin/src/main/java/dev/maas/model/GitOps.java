package dev.maas.model;

/**
 * Where the output is committed and how Argo CD syncs it.
 *
 * @param repoURL the Git repository
 * @param branch the branch
 * @param path the folder in the repository that holds this platform
 * @param argoNamespace Argo CD's namespace
 * @param argoProject the AppProject's name
 * @param destinationServer the cluster Argo CD deploys to when an environment names none (see
 *     {@link Environments#destination})
 * @param automated whether Argo CD syncs on its own
 * @param prune whether it deletes what left Git
 * @param selfHeal whether it reverts drift
 */
public record GitOps(
    String repoURL,
    String branch,
    String path,
    String argoNamespace,
    String argoProject,
    String destinationServer,
    boolean automated,
    boolean prune,
    boolean selfHeal) {

  /** The API server of the cluster Argo CD runs in. */
  public static final String IN_CLUSTER = "https://kubernetes.default.svc";

  /**
   * These settings with the repository, branch and folder replaced where an override is not {@code
   * null}.
   */
  public GitOps target(String url, String branchOverride, String pathOverride) {
    return new GitOps(
        url != null ? url : repoURL,
        branchOverride != null ? branchOverride : branch,
        pathOverride != null ? pathOverride : path,
        argoNamespace,
        argoProject,
        destinationServer,
        automated,
        prune,
        selfHeal);
  }

  /**
   * Keeps a password written into the URL's user part out of the generated (and committed) objects.
   */
  public static String withoutPassword(String url) {
    // The user part ends at the last '@' of the authority: a password may hold a raw '@' (as JGit's
    // URIish
    // reads it), so stopping at the first one would keep the rest of the password.
    java.util.regex.Matcher scheme =
        java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://").matcher(url);
    if (!scheme.find()) {
      return url;
    }
    int start = scheme.end();
    int slash = url.indexOf('/', start);
    int authorityEnd = slash < 0 ? url.length() : slash;
    int at = url.lastIndexOf('@', authorityEnd - 1);
    if (at < start || url.substring(start, at).indexOf(':') < 0) {
      return url;
    }
    return url.substring(0, start) + url.substring(at + 1);
  }
}
