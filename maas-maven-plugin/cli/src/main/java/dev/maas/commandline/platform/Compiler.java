package dev.maas.commandline.platform;

import dev.maas.api.ExplainRequest;
import dev.maas.api.ExplainResult;
import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.GitLogin;
import dev.maas.api.GitTarget;
import dev.maas.api.MaasCompiler;
import dev.maas.api.PlanOptions;
import dev.maas.api.PlanResult;
import dev.maas.api.PublishOptions;
import dev.maas.api.PublishResult;
import dev.maas.api.ValidateRequest;
import dev.maas.api.ValidateResult;
import java.nio.file.Path;
import java.util.Map;

/**
 * The only place the command line calls the compiler: one method per command, each one call of
 * {@code dev.maas.api} (or the schema's text), so a change of that API is a change here only.
 */
final class Compiler {

  /** The version recorded in provenance, as the Maven goals record the plugin's. */
  static final String VERSION = "cli";

  private Compiler() {}

  static ValidateResult validate(Path base, Path spec) {
    return new MaasCompiler().validate(new ValidateRequest(base, spec));
  }

  static GenerateRequest generateRequest(
      Path base, Path spec, Path output, Path crds, Path overlays, boolean force) {
    return new GenerateRequest(base, spec, output, crds, overlays, VERSION, force);
  }

  static GenerateResult generate(GenerateRequest request) {
    return new MaasCompiler().generate(request);
  }

  static PlanResult plan(
      GenerateRequest request,
      String baseRef,
      String gitUrl,
      String gitBranch,
      String gitPath,
      GitLogin login,
      Path work,
      Path output) {
    return new MaasCompiler()
        .plan(
            new PlanOptions(
                withTarget(request, gitUrl, gitBranch, gitPath), baseRef, login, work, output));
  }

  static ExplainResult explain(Path base, Path spec, Path overlays, String tier, String model) {
    return new MaasCompiler()
        .explain(new ExplainRequest(base, spec, overlays, VERSION, tier, model));
  }

  static PublishResult publish(
      GenerateRequest request,
      String gitUrl,
      String gitBranch,
      String gitPath,
      GitLogin login,
      Path work,
      boolean dryRun,
      boolean pruneAll,
      String author,
      Map<String, String> environment) {
    return new MaasCompiler()
        .publish(
            new PublishOptions(
                withTarget(request, gitUrl, gitBranch, gitPath),
                login,
                work,
                dryRun,
                pruneAll,
                author,
                environment));
  }

  static String schema() {
    return MaasCompiler.schema();
  }

  /** {@code request} with the command line's overrides of the specs' GitOps target. */
  private static GenerateRequest withTarget(
      GenerateRequest request, String url, String branch, String path) {
    return new GenerateRequest(
        request.baseDir(),
        request.spec(),
        request.outputDirectory(),
        request.crdsDirectory(),
        request.overlaysDirectory(),
        request.pluginVersion(),
        request.force(),
        new GitTarget(url, branch, path));
  }

  /** Git credentials from the environment, as the goals read them without a settings.xml server. */
  static GitLogin credentials(Map<String, String> environment) {
    return GitLogin.fromEnvironment(environment);
  }
}
