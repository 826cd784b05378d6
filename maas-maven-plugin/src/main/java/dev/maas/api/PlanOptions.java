package dev.maas.api;

import java.nio.file.Path;

/**
 * What to plan: the specs (as for generate), the base to compare with, and where the report goes.
 *
 * @param generate the specs, overlays, CRDs, plugin version and Git overrides (its output folder
 *     only keeps the parsed CRDs; no output is written)
 * @param base {@code maas.plan.base}: unset or {@code git:} for the GitOps branch, {@code
 *     git:<ref>}, or a folder
 * @param login how to authenticate to the remote
 * @param workDirectory where local clones of the remote are cached
 * @param output the Markdown report; the JSON twin is written beside it with the extension {@code
 *     .json}
 * @param spendIncreaseWarnPercent {@code maas.plan.spendIncreaseWarnPercent}: a rise of a tier's
 *     worst-case monthly spend past this percent is a breaking change
 */
public record PlanOptions(
    GenerateRequest generate,
    String base,
    GitLogin login,
    Path workDirectory,
    Path output,
    int spendIncreaseWarnPercent) {

  public PlanOptions {
    login = login == null ? GitLogin.none() : login;
  }

  /**
   * Options with the default spend warning ({@value dev.maas.plan.PlanCost#DEFAULT_WARN_PERCENT}%).
   */
  public PlanOptions(
      GenerateRequest generate, String base, GitLogin login, Path workDirectory, Path output) {
    this(generate, base, login, workDirectory, output, dev.maas.plan.PlanCost.DEFAULT_WARN_PERCENT);
  }

  /** The JSON twin of the Markdown report: {@code plan.md} → {@code plan.json}. */
  public Path jsonOutput() {
    String name = output.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return output.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
  }
}
