package dev.maas.plugin;

import dev.maas.api.GitLogin;
import dev.maas.api.GitTarget;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameter group of the goals that reach the GitOps repository (plan and publish): its
 * overrides, credentials and local clone cache.
 */
abstract class GitMojo extends CompileMojo {

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

  /** The credentials for the remote: settings.xml, else the environment, else none. */
  GitLogin login() throws MojoFailureException {
    return GitAuth.resolve(serverId, settings, decrypter, getLog());
  }

  /** The overrides of the specs' GitOps target. */
  GitTarget gitTarget() {
    return new GitTarget(gitUrl, gitBranch, gitPath);
  }

  /** The folder of cached clones, also outside a project. */
  Path workPath() {
    return pathOr(workDirectory, "target/maas-git");
  }
}
