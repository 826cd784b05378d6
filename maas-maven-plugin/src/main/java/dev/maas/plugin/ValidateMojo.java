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
public class ValidateMojo extends MaasMojo {

  @Override
  void run() throws MojoFailureException {
    ValidateResult result = compiler.validate(new ValidateRequest(baseDir(), specPath()));
    report(result.diagnostics());
    for (SpecReport s : result.specs()) {
      getLog().info("maas: " + s.displayName() + " is valid (platform " + s.platformName() + ")");
    }
  }
}
