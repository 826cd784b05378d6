package dev.maas.api;

import dev.maas.check.OutputChecks;
import dev.maas.check.upstream.TargetEquivalence;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.diag.UserInputException;
import dev.maas.model.GitOps;
import dev.maas.model.Platform;
import dev.maas.model.Target;
import dev.maas.output.GeneratedTree;
import dev.maas.output.TreeWriter;
import dev.maas.publish.CommitIdentity;
import dev.maas.publish.GitPublisher;
import dev.maas.publish.PublishReport;
import dev.maas.publish.PublishRequest;
import dev.maas.render.NameClashes;
import dev.maas.render.PlatformRenderer;
import dev.maas.render.RenderOptions;
import dev.maas.validate.SpecValidator;
import dev.maas.validate.rules.ArgoCdNamesAcrossSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The compiler's one entry point: plain Java types in, results out; knows nothing of Maven. */
public final class MaasCompiler {

  private final Supplier<SpecValidator> validatorFactory;
  private final TreeWriter writer;
  private SpecValidator validator;

  /**
   * A compiler whose validator (and with it the JSON Schema) is made on first use: an up-to-date run never
   * loads it, which is most of what such a run would cost.
   */
  public MaasCompiler() {
    this(SpecValidator::new, new TreeWriter());
  }

  public MaasCompiler(SpecValidator validator) {
    this(() -> validator, new TreeWriter());
  }

  private MaasCompiler(Supplier<SpecValidator> validatorFactory, TreeWriter writer) {
    this.validatorFactory = validatorFactory;
    this.writer = writer;
  }

  /** This compiler, writing its output with {@code treeWriter} (one that injects faults, in tests). */
  public MaasCompiler withWriter(TreeWriter treeWriter) {
    return new MaasCompiler(validatorFactory, treeWriter);
  }

  private synchronized SpecValidator validator() {
    if (validator == null) {
      validator = validatorFactory.get();
    }
    return validator;
  }

  /** Reads and checks every spec the request names. */
  public ValidateResult validate(ValidateRequest request) {
    List<SpecReport> reports = new ArrayList<>();
    List<Path> files;
    try {
      files = SpecFiles.resolve(request.spec());
    } catch (UserInputException e) {
      return new ValidateResult(List.of(new SpecReport(request.spec().toString(), null, e.diagnostics())));
    }
    List<ArgoCdNamesAcrossSpecs.Spec> valid = new ArrayList<>();
    for (Path file : files) {
      String name = SpecFiles.displayName(request.baseDir(), file);
      SpecValidator.Outcome outcome = validator().validate(file, name);
      List<Diagnostic> diagnostics = new ArrayList<>(outcome.diagnostics());
      Platform platform = outcome.platform();
      ArgoCdNamesAcrossSpecs.Spec first = platform == null ? null : valid.stream()
          .filter(v -> v.platform().name().equals(outcome.platform().name())).findFirst().orElse(null);
      if (first != null) {
        // Both would write <output>/<name>/: the second spec is the one in error, and names the first.
        SourceLocation other = first.document().locate("/metadata/name");
        diagnostics.add(Diagnostic.error("spec.duplicatePlatform", outcome.document().locate("/metadata/name"),
            "/metadata/name", "platform `" + platform.name() + "` is already defined at " + other,
            "give every platform its own metadata.name"));
        platform = null;
      }
      if (platform != null) {
        // Names that only the generators know (a model named like the token service's route) are checked here,
        // so that validate refuses what generate could not write.
        List<Diagnostic> clashes = NameClashes.find(platform, outcome.document());
        if (!clashes.isEmpty()) {
          diagnostics.addAll(clashes);
          platform = null;
        }
      }
      if (platform != null) {
        ArgoCdNamesAcrossSpecs.Spec spec = new ArgoCdNamesAcrossSpecs.Spec(outcome.document(), platform);
        valid.add(spec);
        // A clash with an earlier spec of the folder is this spec's error.
        List<Diagnostic> clashes = ArgoCdNamesAcrossSpecs.check(valid).stream()
            .filter(d -> d.location().file().equals(name)).toList();
        if (!clashes.isEmpty()) {
          diagnostics.addAll(clashes);
          valid.remove(spec);
          platform = null;
        }
      }
      reports.add(new SpecReport(name, platform, List.copyOf(diagnostics)));
    }
    return new ValidateResult(List.copyOf(reports));
  }

  /**
   * Generates, then commits each platform's output to the Git repository its spec names (or the
   * overrides name) and pushes; a commit is made only when the output changed.
   */
  public PublishResult publish(PublishOptions options) {
    GitTarget target = new GitTarget(options.gitUrl(), options.gitBranch(), options.gitPath());
    GenerateRequest request = options.generate().withGitTarget(target);
    GenerateResult generated = generate(request);
    if (generated.hasErrors()) {
      return new PublishResult(generated, List.of(), List.of());
    }
    // The platforms to publish: from validation, which an up-to-date run skipped.
    ValidateResult validation = generated.upToDate()
        ? validate(new ValidateRequest(request.baseDir(), request.spec())) : generated.validation();
    List<PublishReport> reports = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    CommitIdentity identity;
    try {
      identity = CommitIdentity.resolve(options.author(), options.environment(), request.spec());
    } catch (UserInputException e) {
      return new PublishResult(generated, List.of(), e.diagnostics());
    }
    GitPublisher publisher = new GitPublisher();
    for (SpecReport spec : validation.specs()) {
      Platform platform = spec.platform();
      GitOps gitops = platform.gitops();
      String url = target.url(gitops);
      String branch = target.branch(gitops);
      String path = target.path(gitops);
      if (url == null || path == null) {
        errors.add(Diagnostic.error("publish.noTarget", SourceLocation.ofFile(spec.displayName()),
            "/spec/gitops", "the spec names no Git repository to publish to",
            "add spec.gitops.repoURL and spec.gitops.path, or set maas.git.url and maas.git.path"));
        continue;
      }
      try {
        GeneratedTree tree = new GeneratedTree(new TreeMap<>(
            TreeWriter.read(request.outputDirectory().resolve(platform.name()))));
        PublishRequest publish = PublishRequest
            .builder(tree, url, branch, path, PublishRequest.defaultWorkDir(options.workDirectory(), url))
            .credentials(options.credentials())
            .identity(identity)
            .provenance(platform.name(), platform.specHash(), request.pluginVersion())
            .dryRun(options.dryRun())
            .pruneAll(options.pruneAll())
            .origin(spec.displayName())
            .build();
        reports.add(publisher.publish(publish));
      } catch (UserInputException e) {
        errors.addAll(e.diagnostics());
      } catch (IOException e) {
        errors.add(Diagnostic.error("publish.output", SourceLocation.ofFile(spec.displayName()), "",
            "cannot read the generated output: " + e.getMessage(), "run maas:generate again"));
      }
    }
    return new PublishResult(generated, List.copyOf(reports), List.copyOf(errors));
  }

  /**
   * Validates, compiles, checks, and only when all of that succeeds writes every platform into
   * {@code <out>/<platform>/}; on any error nothing in the output folder changes.
   */
  public GenerateResult generate(GenerateRequest request) {
    String fingerprint = null;
    try {
      fingerprint = InputFingerprint.of(request, SpecFiles.resolve(request.spec()));
      if (!request.force() && InputFingerprint.upToDate(request.outputDirectory(), fingerprint)) {
        return new GenerateResult(new ValidateResult(List.of()), InputFingerprint.warnings(request.outputDirectory()),
            Map.of(), true);
      }
    } catch (UserInputException | UncheckedIOException e) {
      // A missing or unreadable spec is reported by validation below, with its location.
    }
    ValidateResult validation = validate(new ValidateRequest(request.baseDir(), request.spec()));
    if (validation.errors() > 0) {
      return new GenerateResult(validation, List.of(), Map.of());
    }
    List<Diagnostic> overlays = OverlayFolders.check(request.baseDir(), request.overlaysDirectory(),
        validation.specs().stream().map(SpecReport::platform).toList());
    if (!overlays.isEmpty()) {
      return new GenerateResult(validation, overlays, Map.of());
    }
    // Read while the platforms render; only after validation, so that a spec in error writes nothing at all.
    OutputChecks checks = checks(request);
    checks.prepare();
    PlatformRenderer renderer = new PlatformRenderer(new RenderOptions(request.overlaysDirectory(), request.pluginVersion()));
    Map<String, GeneratedTree> trees = new LinkedHashMap<>();
    List<Diagnostic> findings = new ArrayList<>();
    for (SpecReport spec : validation.specs()) {
      // Where the output really goes: the Applications read what publish pushes.
      Platform platform = request.gitTarget().apply(spec.platform());
      GeneratedTree tree = renderer.render(platform);
      findings.addAll(checks.check(platform, tree));
      if (platform.target() == Target.MAAS_CRDS) {
        // Both targets of one spec must grant the same: the kuadrant output is rendered to be compared, not written.
        findings.addAll(new TargetEquivalence().prove(platform, tree, renderer.render(platform.withTarget(Target.KUADRANT))));
      }
      trees.put(platform.name(), tree);
    }
    if (findings.stream().anyMatch(Diagnostic::isError)) {
      return new GenerateResult(validation, List.copyOf(findings), Map.of());
    }
    Map<Path, TreeWriter.Report> written = new LinkedHashMap<>();
    InputFingerprint.forgetUnless(request.outputDirectory(), fingerprint);
    for (Map.Entry<String, GeneratedTree> entry : trees.entrySet()) {
      Path target = request.outputDirectory().resolve(entry.getKey());
      written.put(target, writer.write(entry.getValue(), target));
    }
    if (fingerprint != null) {
      List<Diagnostic> warnings = new ArrayList<>(validation.diagnostics());
      warnings.addAll(findings);
      InputFingerprint.record(request.outputDirectory(), fingerprint, List.copyOf(trees.keySet()), warnings);
    }
    return new GenerateResult(validation, List.copyOf(findings), written);
  }

  /** The folder under the output folder where the parsed CRDs are kept between runs. */
  static final String CRD_STORE = ".maas-cache";

  /** The output checks of {@code request}, keeping the parsed CRDs beside the output. */
  static OutputChecks checks(GenerateRequest request) {
    Path store = request.outputDirectory() == null ? null : request.outputDirectory().resolve(CRD_STORE);
    return new OutputChecks(request.crdsDirectory(), store);
  }
}
