package dev.maas.plugin;

import dev.maas.api.GenerateRequest;
import dev.maas.api.MaasCompiler;
import dev.maas.api.PublishOptions;
import dev.maas.api.PublishResult;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.Diagnostics;
import dev.maas.publish.GitCredentials;
import dev.maas.publish.PublishReport;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Generates, then commits the output to the Git repository Argo CD watches and pushes it. A commit
 * is made only when something changed; a rejected push is rebuilt on the newer tip and retried;
 * history is never forced. Credentials come from {@code settings.xml} or the environment, never from
 * the spec or the POM.
 */
@Mojo(name = "publish", requiresProject = false, threadSafe = true)
public class PublishMojo extends GenerateMojo {

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
   * The {@code <server>} of {@code settings.xml} whose username and password (or token) authenticate
   * to the remote. Without it, the environment variables {@code MAAS_GIT_TOKEN}, or
   * {@code MAAS_GIT_USERNAME} and {@code MAAS_GIT_PASSWORD}, are used when set.
   */
  @Parameter(property = "maas.git.serverId")
  String serverId;

  /** Does everything but push, and prints what would be committed. */
  @Parameter(property = "maas.dryRun", defaultValue = "false")
  boolean dryRun;

  /** Where local clones of the remote are cached. */
  @Parameter(property = "maas.git.workDirectory", defaultValue = "${project.build.directory}/maas-git")
  File workDirectory;

  /** Maven's settings, where the {@code <server>} named by {@code maas.git.serverId} is looked up. */
  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  /** Decrypts passwords of settings.xml. */
  @Component
  SettingsDecrypter decrypter;

  @Override
  void run() throws MojoFailureException {
    GitCredentials credentials = credentials();
    Path out = outputPath();
    GenerateRequest request = generateRequest(out);
    Path work = workDirectory != null ? workDirectory.toPath() : baseDir().toPath().resolve("target/maas-git");
    PublishResult result = new MaasCompiler().publish(
        new PublishOptions(request, gitUrl, gitBranch, gitPath, credentials, work, dryRun));
    List<Diagnostic> all = new ArrayList<>(result.generate().validation().diagnostics());
    all.addAll(result.generate().checks());
    all.addAll(result.errors());
    long errors = all.stream().filter(Diagnostic::isError).count();
    for (PublishReport report : result.reports()) {
      getLog().info("maas: " + report.summary());
      if (report.outcome() == PublishReport.Outcome.DRY_RUN) {
        report.message().lines().forEach(line -> getLog().info("maas:   " + line));
        report.files().forEach(f -> getLog().info("maas:   " + f.type().name().toLowerCase() + " " + f.path()));
      }
    }
    report(all, errors, all.size() - errors, Diagnostics.total(errors, all.size() - errors));
  }

  private GitCredentials credentials() throws MojoFailureException {
    return GitAuth.resolve(serverId, settings, decrypter, getLog());
  }
}
