package dev.maas.plugin;

import dev.maas.api.GitLogin;
import dev.maas.api.GitTarget;
import java.nio.file.Path;

/**
 * What the goals that reach the GitOps repository read: its overrides, credentials and local clone
 * cache.
 *
 * @param target the overrides of the specs' GitOps target
 * @param login the credentials for the remote
 * @param workDirectory where local clones are cached
 */
record GitRemote(GitTarget target, GitLogin login, Path workDirectory) {}
