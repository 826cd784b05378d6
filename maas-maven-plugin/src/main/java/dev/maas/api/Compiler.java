package dev.maas.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.check.OutputChecks;
import dev.maas.check.proof.CelAhead;
import dev.maas.check.upstream.TargetEquivalence;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.diag.UserInputException;
import dev.maas.model.Platform;
import dev.maas.model.Target;
import dev.maas.render.KubeObject;
import dev.maas.render.NameClashes;
import dev.maas.render.PlatformRenderer;
import dev.maas.render.RenderOptions;
import dev.maas.render.RenderPipeline;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.SpecValidator;
import dev.maas.validate.rules.ArgoCdNamesAcrossSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The stages of a compilation, in order: parse, validate and bind every spec (then the rules across
 * specs), check the hand-written overlays, render each platform, and run the read-only checks on
 * what was rendered.
 */
final class Compiler {

  /** The folder under the output folder where the parsed CRDs are kept between runs. */
  static final String CRD_STORE = ".maas-cache";

  private final Supplier<SpecValidator> validator;

  Compiler(Supplier<SpecValidator> validator) {
    this.validator = validator;
  }

  /**
   * A validated spec file and, when valid, its document and what the generators made of its
   * platform.
   *
   * @param report the spec's diagnostics and, when valid, its platform
   * @param document the parsed document, or {@code null}
   * @param generated the generators' objects of a valid spec's platform, or {@code null}
   */
  private record Validated(
      SpecReport report, SpecDocument document, RenderPipeline.Generated generated) {}

  /**
   * Reads and checks every spec {@code spec} names; file names in diagnostics are relative to
   * {@code baseDir}.
   */
  ValidateResult validate(Path baseDir, Path spec) {
    RenderPipeline pipeline = RenderPipeline.standard(new RenderOptions(null, "validate"));
    return new ValidateResult(
        validated(baseDir, spec, pipeline).stream().map(Validated::report).toList());
  }

  /**
   * Every spec {@code spec} names, validated; the generators that find name clashes are those of
   * {@code pipeline}, whose renderer can then take their objects.
   */
  private List<Validated> validated(Path baseDir, Path spec, RenderPipeline pipeline) {
    List<Path> files;
    try {
      files = SpecFiles.resolve(spec);
    } catch (UserInputException e) {
      return List.of(
          new Validated(new SpecReport(spec.toString(), null, e.diagnostics()), null, null));
    }
    List<Validated> out = new ArrayList<>();
    List<ArgoCdNamesAcrossSpecs.Spec> valid = new ArrayList<>();
    for (Path file : files) {
      String name = SpecFiles.displayName(baseDir, file);
      // The generators start on the bound platform while the semantic rules run on this thread;
      // what they make is used only if the rules find no error.
      AtomicReference<RenderPipeline.GeneratorRun> early = new AtomicReference<>();
      SpecValidator.Outcome outcome =
          validator.get().validate(file, name, bound -> early.set(pipeline.start(bound)));
      List<Diagnostic> diagnostics = new ArrayList<>(outcome.diagnostics());
      Platform platform = outcome.platform();
      RenderPipeline.Generated generated = null;
      ArgoCdNamesAcrossSpecs.Spec first =
          platform == null
              ? null
              : valid.stream()
                  .filter(v -> v.platform().name().equals(outcome.platform().name()))
                  .findFirst()
                  .orElse(null);
      if (first != null) {
        // Both would write <output>/<name>/: the second spec is the one in error, and names the
        // first.
        SourceLocation other = first.document().locate("/metadata/name");
        diagnostics.add(
            Diagnostic.error(
                "spec.duplicatePlatform",
                outcome.document().locate("/metadata/name"),
                "/metadata/name",
                "platform `" + platform.name() + "` is already defined at " + other,
                "give every platform its own metadata.name"));
        platform = null;
      }
      if (platform != null) {
        // Names that only the generators know (a model named like the token service's route) are
        // checked here, so that validate refuses what generate could not write.
        RenderPipeline.GeneratorRun started = early.get();
        generated =
            started != null && started.platform() == platform
                ? started.join()
                : pipeline.generate(platform);
        List<Diagnostic> clashes = NameClashes.find(generated, outcome.document());
        if (!clashes.isEmpty()) {
          diagnostics.addAll(clashes);
          platform = null;
        }
      }
      if (platform != null) {
        ArgoCdNamesAcrossSpecs.Spec across =
            new ArgoCdNamesAcrossSpecs.Spec(outcome.document(), platform);
        valid.add(across);
        // A clash with an earlier spec of the folder is this spec's error.
        List<Diagnostic> clashes =
            ArgoCdNamesAcrossSpecs.check(valid).stream()
                .filter(d -> d.location().file().equals(name))
                .toList();
        if (!clashes.isEmpty()) {
          diagnostics.addAll(clashes);
          valid.remove(across);
          platform = null;
        }
      }
      out.add(
          new Validated(
              new SpecReport(name, platform, List.copyOf(diagnostics)),
              outcome.document(),
              platform == null ? null : generated));
    }
    return out;
  }

  /** The objects the generators made, in the order of their stages. */
  private static List<JsonNode> bodies(RenderPipeline.Generated generated) {
    List<JsonNode> bodies = new ArrayList<>();
    for (List<KubeObject> objects : generated.objects().values()) {
      for (KubeObject object : objects) {
        bodies.add(object.body());
      }
    }
    return bodies;
  }

  /** Runs every stage once; stops before rendering when a spec or the overlays are in error. */
  Compilation compile(GenerateRequest request) {
    StageClock clock = new StageClock();
    PlatformRenderer renderer =
        new PlatformRenderer(
            new RenderOptions(request.overlaysDirectory(), request.pluginVersion()));
    // Each spec's generated objects go to its render and are let go there: kept with the spec, the
    // whole platform's objects would stay in memory through the checks.
    List<Validated> specs = new ArrayList<>();
    List<RenderPipeline.Generated> made = new ArrayList<>();
    for (Validated spec : validated(request.baseDir(), request.spec(), renderer.pipeline())) {
      specs.add(new Validated(spec.report(), spec.document(), null));
      made.add(spec.generated());
    }
    clock.mark("validate");
    ValidateResult validation = new ValidateResult(specs.stream().map(Validated::report).toList());
    if (validation.errors() > 0) {
      return Compilation.stopped(validation, List.of());
    }
    List<Diagnostic> overlays =
        OverlayFolders.check(
            request.baseDir(),
            request.overlaysDirectory(),
            validation.specs().stream().map(SpecReport::platform).toList());
    if (!overlays.isEmpty()) {
      return Compilation.stopped(validation, overlays);
    }
    // Read while the platforms render; only after validation, so that a spec in error reads no CRD
    // at all.
    Path store =
        request.outputDirectory() == null ? null : request.outputDirectory().resolve(CRD_STORE);
    OutputChecks checks = new OutputChecks(request.crdsDirectory(), store);
    checks.prepare();
    List<Compilation.Compiled> compiled = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Validated spec = specs.get(i);
      // Where the output really goes: the Applications read what publish pushes.
      Platform platform = request.gitTarget().apply(spec.report().platform());
      // The generators already ran to find name clashes; unless the Git target changed the
      // platform, their objects are the output's.
      // The proof's predicates are compiled while the platform renders (the maas-crds target's
      // proof reads no gateway policy).
      RenderPipeline.Generated generated = made.set(i, null);
      CelAhead ahead =
          platform.target() == Target.KUADRANT && generated != null
              ? CelAhead.start(bodies(generated))
              : null;
      var tree = renderer.render(platform, generated);
      clock.mark("render");
      OutputChecks.Result result = checks.checkAll(platform, tree, ahead);
      if (platform.target() == Target.MAAS_CRDS) {
        // Both targets of one spec must grant the same: the kuadrant output is rendered to be
        // compared, not written.
        List<Diagnostic> findings = new ArrayList<>(result.findings());
        findings.addAll(
            new TargetEquivalence()
                .prove(platform, tree, renderer.render(platform.withTarget(Target.KUADRANT))));
        result = new OutputChecks.Result(List.copyOf(findings), result.proof());
      }
      clock.mark("check");
      compiled.add(
          new Compilation.Compiled(spec.report(), spec.document(), platform, tree, result));
    }
    return new Compilation(validation, List.of(), compiled);
  }
}
