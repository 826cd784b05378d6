package dev.maas.model;

/**
 * Where the output is committed and how Argo CD syncs it.
 *
 * @param repoURL the Git repository
 * @param branch the branch
 * @param path the folder in the repository that holds this platform
 * @param argoNamespace Argo CD's namespace
 * @param argoProject the AppProject's name
 * @param destinationServer the cluster Argo CD deploys to
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
    boolean selfHeal) {}
