package dev.maas.plugin;

import dev.maas.api.GenerateRequest;
import dev.maas.api.MaasCompiler;
import dev.maas.api.PublishOptions;
import dev.maas.api.PublishResult;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.Diagnostics;
import dev.maas.publish.GitCredentials;
import dev.maas.publish.PublishReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates, then commits the output to the Git repository Argo CD watches and pushes it. A commit
 * is made only when something changed; a rejected push is rebuilt on the newer tip and retried;
 * history is never forced. Credentials come from {@code settings.xml} or the environment, never from
 * the spec or the POM.
 */
@Mojo(name = "publish", requiresProject = false, threadSafe = true)
public class PublishMojo extends AbstractGitMojo {

  /** Does everything but push, and prints what would be committed. */
  @Parameter(property = "maas.dryRun", defaultValue = "false")
  boolean dryRun;

  /**
   * What publish may delete under the Git path: {@code owned}, the files maas writes (a symbolic link or a submodule
   * there stops the publication), or {@code all}, every entry.
   */
  @Parameter(property = "maas.git.prune", defaultValue = "owned")
  String prune;

  /**
   * The commits' author and committer, {@code Name <email>}. Unset: the CI's Git identity ({@code GIT_AUTHOR_NAME},
   * {@code GIT_AUTHOR_EMAIL}, {@code GIT_COMMITTER_NAME}, {@code GIT_COMMITTER_EMAIL}), else {@code user.name} and
   * {@code user.email} of the spec's Git repository, else {@code maas <maas@localhost>}.
   */
  @Parameter(property = "maas.git.author")
  String author;

  @Override
  void run() throws MojoFailureException {
    GitCredentials credentials = credentials();
    Path out = outputPath();
    GenerateRequest request = generateRequest(out);
    Path work = workPath();
    if (!prune.equals("owned") && !prune.equals("all")) {
      throw new MojoFailureException("maas: maas.git.prune=" + prune + " is neither `owned` nor `all` (owned: delete"
          + " only files maas writes; all: also links and submodules under the path)");
    }
    PublishResult result = new MaasCompiler().publish(
        new PublishOptions(request, gitUrl, gitBranch, gitPath, credentials, work, dryRun, prune.equals("all"), author,
            System.getenv()));
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

}
