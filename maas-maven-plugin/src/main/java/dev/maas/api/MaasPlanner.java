package dev.maas.api;

import dev.maas.check.OutputChecks;
import dev.maas.check.proof.AccessMatrix;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.diag.Suggestions;
import dev.maas.diag.UserInputException;
import dev.maas.model.GitOps;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.output.GeneratedTree;
import dev.maas.output.TreeWriter;
import dev.maas.plan.Explainer;
import dev.maas.plan.Explanation;
import dev.maas.plan.PlanBase;
import dev.maas.plan.PlanReport;
import dev.maas.plan.PlatformPlan;
import dev.maas.publish.GitTreeReader;
import dev.maas.publish.PublishRequest;
import dev.maas.render.PlatformRenderer;
import dev.maas.render.RenderOptions;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans and explains: compiles the specs in memory (nothing in the output folder changes), proves the policies,
 * and compares the result with a base (the GitOps repository, a Git ref, or an earlier output folder).
 */
public final class MaasPlanner {

  private final MaasCompiler compiler;

  public MaasPlanner() {
    this(new MaasCompiler());
  }

  public MaasPlanner(MaasCompiler compiler) {
    this.compiler = compiler;
  }

  /** Compiles, proves, compares with the base, and writes the Markdown and JSON reports. */
  public PlanResult plan(PlanOptions options) {
    GenerateRequest request = options.generate();
    ValidateResult validation = compiler.validate(new ValidateRequest(request.baseDir(), request.spec()));
    if (validation.errors() > 0) {
      return new PlanResult(validation, List.of(), List.of(), null, Map.of(), null, null);
    }
    List<Diagnostic> overlays = OverlayFolders.check(request.baseDir(), request.overlaysDirectory(),
        validation.specs().stream().map(SpecReport::platform).toList());
    if (!overlays.isEmpty()) {
      return new PlanResult(validation, List.of(), overlays, null, Map.of(), null, null);
    }
    PlatformRenderer renderer = new PlatformRenderer(new RenderOptions(request.overlaysDirectory(),
        request.pluginVersion()));
    OutputChecks checks = MaasCompiler.checks(request);
    List<Diagnostic> findings = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    Map<String, AccessMatrix> proven = new LinkedHashMap<>();
    List<PlatformPlan> plans = new ArrayList<>();
    PlanBase base = PlanBase.parse(options.base(), request.baseDir());
    for (SpecReport spec : validation.specs()) {
      Platform platform = spec.platform();
      GeneratedTree tree = renderer.render(platform);
      OutputChecks.Result checked = checks.checkAll(platform, tree);
      findings.addAll(checked.findings());
      proven.put(platform.name(), checked.matrix());
      if (checked.findings().stream().anyMatch(Diagnostic::isError)) {
        continue;
      }
      try {
        Based before = base(base, options, platform, spec.displayName());
        plans.add(PlatformPlan.of(platform, before.description(), before.tree(), tree,
            options.spendIncreaseWarnPercent()));
      } catch (UserInputException e) {
        errors.addAll(e.diagnostics());
      }
    }
    if (findings.stream().anyMatch(Diagnostic::isError) || !errors.isEmpty()) {
      return new PlanResult(validation, List.copyOf(findings), List.copyOf(errors), null, proven, null, null);
    }
    PlanReport report = new PlanReport(plans);
    Path markdown = options.output();
    Path json = options.jsonOutput();
    try {
      write(markdown, report.markdown());
      write(json, report.json());
    } catch (IOException e) {
      errors.add(Diagnostic.error("plan.write", SourceLocation.ofFile(markdown.toString()), "",
          "cannot write the plan: " + e.getMessage(), "set maas.plan.output to a writable file"));
      return new PlanResult(validation, List.copyOf(findings), List.copyOf(errors), report, proven, null, null);
    }
    return new PlanResult(validation, List.copyOf(findings), List.of(), report, proven, markdown, json);
  }

  /** The base tree of one platform and what it is, in words. */
  private record Based(GeneratedTree tree, String description) {}

  private Based base(PlanBase base, PlanOptions options, Platform platform, String specName) {
    if (base instanceof PlanBase.Folder folder) {
      Path root = folder.path();
      if (!Files.isDirectory(root)) {
        throw new UserInputException(List.of(Diagnostic.error("plan.baseFolder", SourceLocation.ofFile(root.toString()),
            "", "the base folder does not exist",
            "set maas.plan.base to an earlier output folder (holding <platform>/base) or to git:<ref>")));
      }
      Path platformFolder = Files.isDirectory(root.resolve(platform.name()).resolve("base"))
          ? root.resolve(platform.name()) : Files.isDirectory(root.resolve("base")) ? root : null;
      if (platformFolder == null) {
        return new Based(new GeneratedTree(new TreeMap<>()), "the folder " + root + ", which holds no output of "
            + platform.name());
      }
      try {
        return new Based(new GeneratedTree(new TreeMap<>(TreeWriter.read(platformFolder))), "the folder "
            + platformFolder);
      } catch (IOException e) {
        throw new UserInputException(List.of(Diagnostic.error("plan.baseFolder",
            SourceLocation.ofFile(platformFolder.toString()), "", "cannot read the base folder: " + e.getMessage(),
            null)));
      }
    }
    PlanBase.Git git = (PlanBase.Git) base;
    GitOps gitops = platform.gitops();
    String url = options.gitUrl() != null ? options.gitUrl() : gitops == null ? null : gitops.repoURL();
    String branch = options.gitBranch() != null ? options.gitBranch() : gitops == null ? "main" : gitops.branch();
    String path = options.gitPath() != null ? options.gitPath() : gitops == null ? null : gitops.path();
    if (url == null || path == null) {
      throw new UserInputException(List.of(Diagnostic.error("plan.noBase", SourceLocation.ofFile(specName),
          "/spec/gitops", "the spec names no Git repository to compare with",
          "add spec.gitops, set maas.git.url and maas.git.path, or set maas.plan.base to an earlier output folder")));
    }
    Path work = PublishRequest.defaultWorkDir(options.workDirectory(), url);
    GitTreeReader.Snapshot snapshot = new GitTreeReader().read(url, branch == null ? "main" : branch, git.ref(), path,
        options.credentials(), work);
    return new Based(snapshot.tree(), snapshot.description());
  }

  private static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Explains what the gateway does with a request of the request's tier to its model, on every platform. */
  public ExplainResult explain(ExplainRequest request) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Explanation> explanations = new ArrayList<>();
    List<Path> files;
    try {
      files = SpecFiles.resolve(request.spec());
    } catch (UserInputException e) {
      return new ExplainResult(e.diagnostics(), List.of());
    }
    PlatformRenderer renderer = new PlatformRenderer(new RenderOptions(request.overlaysDirectory(),
        request.pluginVersion()));
    for (Path file : files) {
      String name = SpecFiles.displayName(request.baseDir(), file);
      SpecValidator.Outcome outcome = new SpecValidator().validate(file, name);
      diagnostics.addAll(outcome.diagnostics());
      Platform platform = outcome.platform();
      if (platform == null) {
        continue;
      }
      List<String> tiers = platform.tiers().stream().map(Tier::name).toList();
      List<String> models = platform.models().stream().map(Model::name).toList();
      boolean known = true;
      if (request.tier() == null || !tiers.contains(request.tier())) {
        diagnostics.add(request.tier() == null
            ? Diagnostic.error("explain.tier", SourceLocation.ofFile(name), "/spec/tiers",
                "-Dmaas.tier is required; tiers are: " + String.join(", ", tiers),
                "add -Dmaas.tier=" + (tiers.isEmpty() ? "<tier>" : tiers.get(0)))
            : Diagnostic.error("explain.tier", SourceLocation.ofFile(name), "/spec/tiers", "platform " + platform.name()
                + " has no tier `" + request.tier() + "` (tiers: " + String.join(", ", tiers) + ")",
                Suggestions.didYouMean(request.tier(), tiers)));
        known = false;
      }
      if (request.model() == null || !models.contains(request.model())) {
        diagnostics.add(request.model() == null
            ? Diagnostic.error("explain.model", SourceLocation.ofFile(name), "/spec/models",
                "-Dmaas.model is required; models are: " + String.join(", ", models),
                "add -Dmaas.model=" + (models.isEmpty() ? "<model>" : models.get(0)))
            : Diagnostic.error("explain.model", SourceLocation.ofFile(name), "/spec/models", "platform "
                + platform.name() + " has no model `" + request.model() + "` (models: " + String.join(", ", models) + ")",
                Suggestions.didYouMean(request.model(), models)));
        known = false;
      }
      if (known) {
        GeneratedTree tree = renderer.render(platform);
        explanations.add(new Explainer(platform, outcome.document(), tree).explain(request.tier(), request.model()));
      }
    }
    return new ExplainResult(List.copyOf(diagnostics), List.copyOf(explanations));
  }
}
