package dev.maas.plugin;

import dev.maas.api.GenerateRequest;
import dev.maas.api.PublishOptions;
import dev.maas.api.PublishResult;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates, then commits the output to the Git repository Argo CD watches and pushes it. A commit
 * is made only when something changed; a rejected push is rebuilt on the newer tip and retried;
 * history is never forced. Credentials come from {@code settings.xml} or the environment, never
 * from the spec or the POM.
 */
@Mojo(name = "publish", requiresProject = false, threadSafe = true)
public class PublishMojo extends GitGoal<GoalRequest<PublishOptions>> {

  /** Does everything but push, and prints what would be committed. */
  @Parameter(property = "maas.dryRun", defaultValue = "false")
  boolean dryRun;

  /**
   * What publish may delete under the Git path: {@code owned}, the files maas writes (a symbolic
   * link or a submodule there stops the publication), or {@code all}, every entry.
   */
  @Parameter(property = "maas.git.prune", defaultValue = "owned")
  String prune;

  /**
   * The commits' author and committer, {@code Name <email>}. Unset: the CI's Git identity ({@code
   * GIT_AUTHOR_NAME}, {@code GIT_AUTHOR_EMAIL}, {@code GIT_COMMITTER_NAME}, {@code
   * GIT_COMMITTER_EMAIL}), else {@code user.name} and {@code user.email} of the spec's Git
   * repository, else {@code maas <maas@localhost>}.
   */
  @Parameter(property = "maas.git.author")
  String author;

  /**
   * Where the output is written before it is pushed, as by generate ({@code <platform>/base}, ...).
   */
  @Parameter(property = "maas.outputDirectory", defaultValue = "${project.build.directory}/maas")
  File outputDirectory;

  @Override
  public GoalRequest<PublishOptions> snapshot() throws MojoFailureException {
    if (!prune.equals("owned") && !prune.equals("all")) {
      throw new MojoFailureException(
          "maas: maas.git.prune="
              + prune
              + " is neither `owned` nor `all` (owned: delete"
              + " only files maas writes; all: also links and submodules under the path)");
    }
    GitRemote git = gitRemote();
    GenerateRequest compile =
        compileInputs()
            .generate(folder().resolve(outputDirectory, "target/maas"), false, git.target());
    return new GoalRequest<>(
        new PublishOptions(
            compile,
            git.login(),
            git.workDirectory(),
            dryRun,
            prune.equals("all"),
            author,
            System.getenv()),
        gates());
  }

  @Override
  void run(GoalRequest<PublishOptions> request) throws MojoFailureException {
    PublishResult result = compiler.publish(request.call());
    result.lines().forEach(line -> getLog().info("maas: " + line));
    diagnostics().report(result.diagnostics(), request.gates());
  }
}
