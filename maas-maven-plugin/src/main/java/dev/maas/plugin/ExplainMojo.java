package dev.maas.plugin;

import dev.maas.api.ExplainRequest;
import dev.maas.api.ExplainResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Explains what the gateway does with a request of one tier to one model: allowed or denied and
 * why, each request and token limit with its rate and counter, and the spec line every rule comes
 * from. {@code mvn maas:explain -Dmaas.tier=premium -Dmaas.model=llama-70b}
 */
@Mojo(name = "explain", requiresProject = false, threadSafe = true)
public class ExplainMojo extends CompileGoal<GoalRequest<ExplainRequest>> {

  /** The caller's tier. */
  @Parameter(property = "maas.tier")
  String tier;

  /** The model called. */
  @Parameter(property = "maas.model")
  String model;

  @Override
  public GoalRequest<ExplainRequest> snapshot() {
    return new GoalRequest<>(compileInputs().explain(tier, model), gates());
  }

  @Override
  void run(GoalRequest<ExplainRequest> request) throws MojoFailureException {
    ExplainResult result = compiler.explain(request.call());
    diagnostics().report(result.diagnostics(), request.gates());
    result.lines().forEach(out::println);
  }
}
