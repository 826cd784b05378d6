package dev.maas.api;

import dev.maas.check.OutputChecks;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.spec.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The specs compiled once, in memory: parsed, validated, bound, rendered and checked. Every output
 * (the writer, the plan, the explanation, the Git publication) reads this; none of them runs a
 * stage again.
 *
 * @param validation the validation of every spec
 * @param stops errors found between validation and rendering (hand-written overlays that no
 *     environment takes)
 * @param platforms every platform compiled, in spec order; empty when validation or {@code stops}
 *     failed
 */
record Compilation(ValidateResult validation, List<Diagnostic> stops, List<Compiled> platforms) {

  /**
   * One platform, compiled.
   *
   * @param spec the report of its spec file
   * @param document the spec as parsed, with a location for every node
   * @param platform the platform, bound to where its output goes
   * @param tree the rendered manifests
   * @param checked what the read-only checks found, with the access matrix the proof checked
   */
  record Compiled(
      SpecReport spec,
      SpecDocument document,
      Platform platform,
      GeneratedTree tree,
      OutputChecks.Result checked) {}

  Compilation {
    stops = List.copyOf(stops);
    platforms = List.copyOf(platforms);
  }

  /** A compilation that stopped before rendering. */
  static Compilation stopped(ValidateResult validation, List<Diagnostic> stops) {
    return new Compilation(validation, stops, List.of());
  }

  /** The findings of the output checks, after the stops, in platform order. */
  List<Diagnostic> checks() {
    List<Diagnostic> out = new ArrayList<>(stops);
    platforms.forEach(p -> out.addAll(p.checked().findings()));
    return List.copyOf(out);
  }

  /** Whether validation, a stop or a check found an error: then no output step may run. */
  boolean hasErrors() {
    return validation.errors() > 0 || checks().stream().anyMatch(Diagnostic::isError);
  }

  /** Every diagnostic: the specs' first, then the output checks'. */
  List<Diagnostic> diagnostics() {
    return Stream.concat(validation.diagnostics().stream(), checks().stream()).toList();
  }
}
