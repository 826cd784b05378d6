package dev.maas.plugin;

import dev.maas.api.GenerateRequest;
import dev.maas.api.PlanOptions;
import dev.maas.api.PlanResult;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows, for a pull-request review, what a change of the spec does: who can call what at what rate
 * before and after (computed from the generated policies), the changes in words with the breaking
 * ones flagged, a diagram, and every object's diff. Compiles in memory; the output folder and the
 * Git remote are never written.
 */
@Mojo(name = "plan", requiresProject = false, threadSafe = true)
public class PlanMojo extends GitGoal<GoalRequest<PlanOptions>> {

  /**
   * What to compare with: unset or {@code git:} for the tip of the GitOps branch (spec.gitops, or
   * the {@code maas.git.*} overrides); {@code git:<ref>} for a branch, tag, commit or revision of
   * that repository ({@code git:v1.4.0}, {@code git:main~1}); anything else is a folder of earlier
   * output (the output folder holding {@code <platform>/}, or one platform folder holding {@code
   * base/}).
   */
  @Parameter(property = "maas.plan.base")
  String base;

  /**
   * The Markdown report; its JSON twin is written beside it ({@code plan.json}). Both are also
   * logged. The parsed CRDs are kept beside it, in {@code .maas-cache}.
   */
  @Parameter(
      property = "maas.plan.output",
      defaultValue = "${project.build.directory}/maas/plan.md")
  File planOutput;

  /**
   * Fails the build when the plan has a breaking change (a tier or model removed, access lost, a
   * limit lowered).
   */
  @Parameter(property = "maas.plan.failOnBreaking", defaultValue = "false")
  boolean failOnBreaking;

  /**
   * A rise of a tier's worst-case monthly spend past this percent is a breaking change (the spend
   * table needs priced models).
   */
  @Parameter(property = "maas.plan.spendIncreaseWarnPercent", defaultValue = "20")
  int spendIncreaseWarnPercent;

  @Override
  public GoalRequest<PlanOptions> snapshot() throws MojoFailureException {
    Path output = folder().resolve(planOutput, "target/maas/plan.md");
    GitRemote git = gitRemote();
    // Nothing is written but the report: the CRD cache goes beside it.
    GenerateRequest compile =
        compileInputs().generate(output.toAbsolutePath().getParent(), false, git.target());
    return new GoalRequest<>(
        new PlanOptions(
            compile, base, git.login(), git.workDirectory(), output, spendIncreaseWarnPercent),
        new Gates(failOnWarning, failOnBreaking));
  }

  @Override
  void run(GoalRequest<PlanOptions> request) throws MojoFailureException {
    PlanResult result = compiler.plan(request.call());
    DiagnosticsLog diagnostics = diagnostics();
    diagnostics.report(result.diagnostics(), request.gates());
    result.lines().forEach(line -> getLog().info(line));
    getLog().info("maas: wrote the plan to " + result.markdown() + " and " + result.json());
    List<String> breaking = result.breaking();
    if (!breaking.isEmpty()) {
      breaking.forEach(b -> diagnostics.warn("maas: breaking: " + b));
      if (request.gates().failOnBreaking()) {
        throw new MojoFailureException(
            "maas: the plan has "
                + breaking.size()
                + " breaking change"
                + (breaking.size() == 1 ? "" : "s")
                + " (maas.plan.failOnBreaking=true): "
                + String.join("; ", breaking));
      }
    }
  }
}
