package dev.maas.api;

import dev.maas.publish.GitCredentials;
import java.nio.file.Path;

/**
 * What to publish and where: the generate request, plus overrides of the spec's {@code gitops}.
 *
 * @param generate how to compile the specs first
 * @param gitUrl overrides {@code spec.gitops.repoURL}, or {@code null}
 * @param gitBranch overrides {@code spec.gitops.branch}, or {@code null}
 * @param gitPath overrides {@code spec.gitops.path}, or {@code null}
 * @param credentials how to authenticate to the remote (never from the spec)
 * @param workDirectory where local clones are cached
 * @param dryRun do everything but push
 * @param pruneAll also delete what maas never writes (symbolic links, submodules) under the path; otherwise such
 *     entries stop the publication
 */
public record PublishOptions(
    GenerateRequest generate,
    String gitUrl,
    String gitBranch,
    String gitPath,
    GitCredentials credentials,
    Path workDirectory,
    boolean dryRun,
    boolean pruneAll) {}
