package dev.maas.plugin;

import dev.maas.api.SpecReport;
import dev.maas.api.ValidateRequest;
import dev.maas.api.ValidateResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks platform specs against the schema and the semantic rules; errors name file, line and
 * column.
 */
@Mojo(
    name = "validate",
    defaultPhase = LifecyclePhase.VALIDATE,
    requiresProject = false,
    threadSafe = true)
public class ValidateMojo extends SpecGoal<GoalRequest<ValidateRequest>> {

  @Override
  public GoalRequest<ValidateRequest> snapshot() {
    return new GoalRequest<>(new ValidateRequest(folder().path(), specPath()), gates());
  }

  @Override
  void run(GoalRequest<ValidateRequest> request) throws MojoFailureException {
    ValidateResult result = compiler.validate(request.call());
    diagnostics().report(result.diagnostics(), request.gates());
    for (SpecReport s : result.specs()) {
      getLog().info("maas: " + s.displayName() + " is valid (platform " + s.platformName() + ")");
    }
  }
}
