package dev.maas.plugin;

import dev.maas.api.GitTarget;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters of the goals that reach the GitOps repository (plan and publish), besides those of
 * compiling: its overrides, credentials and local clone cache.
 *
 * @param <R> the goal's request
 */
abstract class GitGoal<R> extends CompileGoal<R> {

  /** Overrides {@code spec.gitops.repoURL}. */
  @Parameter(property = "maas.git.url")
  String gitUrl;

  /** Overrides {@code spec.gitops.branch}. */
  @Parameter(property = "maas.git.branch")
  String gitBranch;

  /** Overrides {@code spec.gitops.path}. */
  @Parameter(property = "maas.git.path")
  String gitPath;

  /**
   * The {@code <server>} of {@code settings.xml} whose username and password (or token)
   * authenticate to the remote. Without it, the environment variables {@code MAAS_GIT_TOKEN}, or
   * {@code MAAS_GIT_USERNAME} and {@code MAAS_GIT_PASSWORD}, are used when set.
   */
  @Parameter(property = "maas.git.serverId")
  String serverId;

  /** Where local clones of the remote are cached. */
  @Parameter(
      property = "maas.git.workDirectory",
      defaultValue = "${project.build.directory}/maas-git")
  File workDirectory;

  /**
   * Maven's settings, where the {@code <server>} named by {@code maas.git.serverId} is looked up.
   */
  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  /** Decrypts passwords of settings.xml. */
  @Component SettingsDecrypter decrypter;

  /** The Git parameters as one value; the credentials from settings.xml, else the environment. */
  GitRemote gitRemote() throws MojoFailureException {
    return new GitRemote(
        new GitTarget(gitUrl, gitBranch, gitPath),
        GitAuth.resolve(serverId, settings, decrypter, getLog()),
        folder().resolve(workDirectory, "target/maas-git"));
  }
}
