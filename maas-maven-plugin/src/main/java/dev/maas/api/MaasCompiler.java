package dev.maas.api;

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
import dev.maas.publish.CommitIdentity;
import dev.maas.publish.GitPublisher;
import dev.maas.publish.GitTreeReader;
import dev.maas.publish.PublishReport;
import dev.maas.publish.PublishRequest;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The compiler's one entry point: plain Java types in, results out; knows nothing of Maven. Each
 * goal compiles the specs once ({@link Compiler}) and adds its own output step: the writer, the
 * plan, the explanation, the push.
 */
public final class MaasCompiler {

  /** The folder under the output folder where the parsed CRDs are kept between runs. */
  static final String CRD_STORE = Compiler.CRD_STORE;

  /** What a failed write leaves, and what to do: for front ends to print after the error. */
  public static final String FAILED_WRITE_HINT = TreeWriter.FAILED_WRITE_HINT;

  private final Supplier<SpecValidator> validatorFactory;
  private final TreeWriter writer;
  private SpecValidator validator;

  /**
   * A compiler whose validator (and with it the JSON Schema) is made on first use: an up-to-date
   * run never loads it, which is most of what such a run would cost.
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

  /**
   * This compiler, writing its output with {@code treeWriter} (one that injects faults, in tests).
   */
  public MaasCompiler withWriter(TreeWriter treeWriter) {
    return new MaasCompiler(validatorFactory, treeWriter);
  }

  private synchronized SpecValidator validator() {
    if (validator == null) {
      validator = validatorFactory.get();
    }
    return validator;
  }

  private Compiler compiler() {
    return new Compiler(this::validator);
  }

  /** The platform spec's JSON Schema (draft 2020-12), exactly as specs are validated with it. */
  public static String schema() {
    return dev.maas.validate.PlatformSchema.get().text();
  }

  /** Reads and checks every spec the request names. */
  public ValidateResult validate(ValidateRequest request) {
    return compiler().validate(request.baseDir(), request.spec());
  }

  /**
   * Validates, compiles, checks, and only when all of that succeeds writes every platform into
   * {@code <out>/<platform>/}; on any error nothing in the output folder changes.
   */
  public GenerateResult generate(GenerateRequest request) {
    StageClock clock = new StageClock();
    String fingerprint = fingerprint(request);
    clock.mark("fingerprint");
    GenerateResult unchanged = upToDate(request, fingerprint);
    if (unchanged != null) {
      return unchanged;
    }
    Compilation compilation = compiler().compile(request);
    clock = new StageClock();
    GenerateResult result = write(request, fingerprint, compilation);
    clock.mark("write");
    return result;
  }

  /**
   * What {@link #generate} returns for {@code request} when its inputs are unchanged since the last
   * run into its output folder, or {@code null} when the request must compile (forced, inputs
   * changed, no record). Reads the inputs and the record only, and loads nothing else of the
   * compiler, so a front end can answer an unchanged run before it builds anything of its own.
   */
  public static GenerateResult upToDate(GenerateRequest request) {
    return request.force() ? null : upToDate(request, fingerprint(request));
  }

  private static GenerateResult upToDate(GenerateRequest request, String fingerprint) {
    if (fingerprint == null
        || request.force()
        || !InputFingerprint.upToDate(request.outputDirectory(), fingerprint)) {
      return null;
    }
    return new GenerateResult(
        new ValidateResult(List.of()),
        InputFingerprint.warnings(request.outputDirectory()),
        Map.of(),
        true);
  }

  /**
   * The digest of the request's inputs, or {@code null} when a spec cannot be read (validation says
   * why).
   */
  private static String fingerprint(GenerateRequest request) {
    try {
      return InputFingerprint.of(request, SpecFiles.resolve(request.spec()));
    } catch (UserInputException | UncheckedIOException e) {
      return null;
    }
  }

  /**
   * The writer's step: every platform of a compilation without errors into its folder, atomically.
   */
  private GenerateResult write(
      GenerateRequest request, String fingerprint, Compilation compilation) {
    if (compilation.hasErrors()) {
      return new GenerateResult(compilation.validation(), compilation.checks(), Map.of());
    }
    Map<Path, TreeWriter.Report> written = new LinkedHashMap<>();
    InputFingerprint.forgetUnless(request.outputDirectory(), fingerprint);
    for (Compilation.Compiled platform : compilation.platforms()) {
      Path target = request.outputDirectory().resolve(platform.platform().name());
      written.put(target, writer.write(platform.tree(), target));
    }
    if (fingerprint != null) {
      InputFingerprint.record(
          request.outputDirectory(),
          fingerprint,
          compilation.platforms().stream().map(p -> p.platform().name()).toList(),
          compilation.diagnostics());
    }
    return new GenerateResult(compilation.validation(), compilation.checks(), written);
  }

  /**
   * Compiles and writes as {@link #generate} does, then commits each platform's output to the Git
   * repository its spec names (or the overrides name) and pushes; a commit is made only when the
   * output changed. What is pushed is the compilation's own tree, never read back from the output
   * folder.
   */
  public PublishResult publish(PublishOptions options) {
    GenerateRequest request = options.generate();
    Compilation compilation = compiler().compile(request);
    GenerateResult generated = write(request, fingerprint(request), compilation);
    if (generated.hasErrors()) {
      return new PublishResult(generated, List.of(), List.of());
    }
    CommitIdentity identity;
    try {
      identity = CommitIdentity.resolve(options.author(), options.environment(), request.spec());
    } catch (UserInputException e) {
      return new PublishResult(generated, List.of(), e.diagnostics());
    }
    List<PublishReport> reports = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    GitPublisher publisher = new GitPublisher();
    for (Compilation.Compiled compiled : compilation.platforms()) {
      Platform platform = compiled.platform();
      String origin = compiled.spec().displayName();
      try {
        GitTarget.Destination to =
            request
                .gitTarget()
                .destination(
                    compiled.spec().platform().gitops(),
                    origin,
                    "publish.noTarget",
                    "the spec names no Git repository to publish to",
                    "add spec.gitops.repoURL and spec.gitops.path, or set maas.git.url and maas.git.path");
        PublishRequest publish =
            PublishRequest.builder(
                    compiled.tree(),
                    to.url(),
                    to.branch(),
                    to.path(),
                    PublishRequest.defaultWorkDir(options.workDirectory(), to.url()))
                .credentials(options.login().credentials())
                .identity(identity)
                .provenance(platform.name(), platform.specHash(), request.pluginVersion())
                .dryRun(options.dryRun())
                .pruneAll(options.pruneAll())
                .origin(origin)
                .build();
        reports.add(publisher.publish(publish));
      } catch (UserInputException e) {
        errors.addAll(e.diagnostics());
      }
    }
    return new PublishResult(generated, List.copyOf(reports), List.copyOf(errors));
  }

  /**
   * Compiles in memory (nothing in the output folder changes), compares with the base, and writes
   * the reports.
   */
  public PlanResult plan(PlanOptions options) {
    GenerateRequest request = options.generate();
    Compilation compilation = compiler().compile(request);
    Map<String, dev.maas.check.proof.AccessMatrix> proven = new LinkedHashMap<>();
    compilation.platforms().forEach(p -> proven.put(p.platform().name(), p.checked().matrix()));
    if (compilation.hasErrors()) {
      return PlanResult.failed(compilation.validation(), compilation.checks(), List.of(), proven);
    }
    List<Diagnostic> errors = new ArrayList<>();
    List<PlatformPlan> plans = new ArrayList<>();
    PlanBase base = PlanBase.parse(options.base(), request.baseDir());
    for (Compilation.Compiled compiled : compilation.platforms()) {
      try {
        Based before = base(base, options, compiled);
        plans.add(
            PlatformPlan.of(
                compiled.platform(),
                before.description(),
                before.tree(),
                compiled.tree(),
                options.spendIncreaseWarnPercent()));
      } catch (UserInputException e) {
        errors.addAll(e.diagnostics());
      }
    }
    if (!errors.isEmpty()) {
      return PlanResult.failed(compilation.validation(), compilation.checks(), errors, proven);
    }
    PlanReport report = new PlanReport(plans);
    Path markdown = options.output();
    Path json = options.jsonOutput();
    try {
      write(markdown, report.markdown());
      write(json, report.json());
    } catch (IOException e) {
      return PlanResult.failed(
          compilation.validation(),
          compilation.checks(),
          List.of(
              Diagnostic.fileError(
                  "plan.write",
                  markdown.toString(),
                  "cannot write the plan: " + e.getMessage(),
                  "set maas.plan.output to a writable file")),
          proven);
    }
    return PlanResult.written(
        compilation.validation(),
        compilation.checks(),
        proven,
        new PlanResult.Written(report, markdown, json));
  }

  /** The base tree of one platform and what it is, in words. */
  private record Based(GeneratedTree tree, String description) {}

  private Based base(PlanBase base, PlanOptions options, Compilation.Compiled compiled) {
    Platform platform = compiled.platform();
    if (base instanceof PlanBase.Folder folder) {
      Path root = folder.path();
      if (!Files.isDirectory(root)) {
        throw UserInputException.ofFile(
            "plan.baseFolder",
            root.toString(),
            "the base folder does not exist",
            "set maas.plan.base to an earlier output folder (holding <platform>/base) or to git:<ref>");
      }
      Path platformFolder =
          Files.isDirectory(root.resolve(platform.name()).resolve("base"))
              ? root.resolve(platform.name())
              : Files.isDirectory(root.resolve("base")) ? root : null;
      if (platformFolder == null) {
        return new Based(
            new GeneratedTree(new TreeMap<>()),
            "the folder " + root + ", which holds no output of " + platform.name());
      }
      try {
        return new Based(
            new GeneratedTree(new TreeMap<>(TreeWriter.read(platformFolder))),
            "the folder " + platformFolder);
      } catch (IOException e) {
        throw UserInputException.ofFile(
            "plan.baseFolder",
            platformFolder.toString(),
            "cannot read the base folder: " + e.getMessage(),
            null);
      }
    }
    PlanBase.Git git = (PlanBase.Git) base;
    GitOps gitops = compiled.spec().platform().gitops();
    GitTarget.Destination from =
        options
            .generate()
            .gitTarget()
            .destination(
                gitops,
                compiled.spec().displayName(),
                "plan.noBase",
                "the spec names no Git repository to compare with",
                "add spec.gitops, set maas.git.url and maas.git.path, or set maas.plan.base to an earlier output folder");
    Path work = PublishRequest.defaultWorkDir(options.workDirectory(), from.url());
    GitTreeReader.Snapshot snapshot =
        new GitTreeReader()
            .read(
                from.url(),
                from.branch(),
                git.ref(),
                from.path(),
                options.login().credentials(),
                work);
    return new Based(snapshot.tree(), snapshot.description());
  }

  private static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * Explains what the gateway does with a request of the request's tier to its model, on every
   * platform.
   */
  public ExplainResult explain(ExplainRequest request) {
    Compilation compilation =
        compiler()
            .compile(
                new GenerateRequest(
                    request.baseDir(),
                    request.spec(),
                    null,
                    request.crdsDirectory(),
                    request.overlaysDirectory(),
                    request.pluginVersion()));
    List<Diagnostic> diagnostics = new ArrayList<>(compilation.diagnostics());
    if (compilation.hasErrors()) {
      return new ExplainResult(List.copyOf(diagnostics), List.of());
    }
    List<Explanation> explanations = new ArrayList<>();
    for (Compilation.Compiled compiled : compilation.platforms()) {
      Platform platform = compiled.platform();
      String name = compiled.spec().displayName();
      List<Diagnostic> unknown = new ArrayList<>();
      unknown(
          unknown,
          name,
          platform,
          "tier",
          "/spec/tiers",
          request.tier(),
          platform.tiers().stream().map(Tier::name).toList());
      unknown(
          unknown,
          name,
          platform,
          "model",
          "/spec/models",
          request.model(),
          platform.models().stream().map(Model::name).toList());
      diagnostics.addAll(unknown);
      if (unknown.isEmpty()) {
        explanations.add(
            new Explainer(platform, compiled.document(), compiled.tree())
                .explain(request.tier(), request.model()));
      }
    }
    return new ExplainResult(List.copyOf(diagnostics), List.copyOf(explanations));
  }

  /**
   * Adds an error when the {@code what} ({@code tier} or {@code model}) asked for is unset or not
   * one of {@code known}.
   */
  private static void unknown(
      List<Diagnostic> out,
      String file,
      Platform platform,
      String what,
      String pointer,
      String asked,
      List<String> known) {
    if (asked != null && known.contains(asked)) {
      return;
    }
    String plural = what + "s";
    // Spelled out, so that the catalogue finds each code where it is reported.
    String code = what.equals("tier") ? "explain.tier" : "explain.model";
    out.add(
        asked == null
            ? Diagnostic.error(
                code,
                SourceLocation.ofFile(file),
                pointer,
                "-Dmaas." + what + " is required; " + plural + " are: " + String.join(", ", known),
                "add -Dmaas." + what + "=" + (known.isEmpty() ? "<" + what + ">" : known.get(0)))
            : Diagnostic.error(
                code,
                SourceLocation.ofFile(file),
                pointer,
                "platform "
                    + platform.name()
                    + " has no "
                    + what
                    + " `"
                    + asked
                    + "` ("
                    + plural
                    + ": "
                    + String.join(", ", known)
                    + ")",
                Suggestions.didYouMean(asked, known)));
  }
}
