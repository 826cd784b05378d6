package dev.maas.validate;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.UserInputException;
import dev.maas.model.Platform;
import dev.maas.spec.SpecDocument;
import dev.maas.spec.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads a spec and checks it: YAML, then the schema, then the semantic rules, then (on a spec
 * without errors) the lint rules; last, the warnings the spec suppresses are left out.
 */
public final class SpecValidator {

  /**
   * What validating one spec produced.
   *
   * @param document the parsed document, or {@code null} when the file could not be read as YAML
   * @param platform the bound model, or {@code null} when any error was found
   * @param diagnostics every error and warning, sorted
   */
  public record Outcome(SpecDocument document, Platform platform, List<Diagnostic> diagnostics) {

    /** Whether an error was found. */
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private final SpecReader reader;
  private final SchemaCheck schema;
  private final List<SemanticRule> rules;
  private final List<SemanticRule> lints;

  public SpecValidator() {
    this(
        new SpecReader(),
        new SchemaCheck(PlatformSchema.get()),
        SemanticRules.all(),
        dev.maas.validate.lint.LintRules.all());
  }

  /** A validator with the given rules and no lint rules. */
  public SpecValidator(SpecReader reader, SchemaCheck schema, List<SemanticRule> rules) {
    this(reader, schema, rules, List.of());
  }

  /**
   * A validator with the given rules, and lint rules that run only when nothing else found an
   * error.
   */
  public SpecValidator(
      SpecReader reader, SchemaCheck schema, List<SemanticRule> rules, List<SemanticRule> lints) {
    this.reader = reader;
    this.schema = schema;
    this.rules = List.copyOf(rules);
    this.lints = List.copyOf(lints);
  }

  /** Validates the spec in {@code file}, naming it {@code displayName} in diagnostics. */
  public Outcome validate(Path file, String displayName) {
    return validateRead(() -> reader.read(file, displayName), platform -> {});
  }

  /**
   * Validates the spec in {@code file} as {@link #validate(Path, String)} does, and hands {@code
   * bound} the platform as soon as a spec the schema accepts is bound, before the semantic rules
   * run: work on it can start beside them, to be dropped when they find an error.
   */
  public Outcome validate(Path file, String displayName, Consumer<Platform> bound) {
    return validateRead(() -> reader.read(file, displayName), bound);
  }

  /** Validates a spec given as bytes. */
  public Outcome validate(byte[] content, String displayName) {
    return validateRead(() -> reader.read(content, displayName), platform -> {});
  }

  /** Validates what {@code read} reads, or reports why it could not be read. */
  private Outcome validateRead(Supplier<SpecReader.Result> read, Consumer<Platform> bound) {
    SpecReader.Result result;
    try {
      result = read.get();
    } catch (UserInputException e) {
      return new Outcome(null, null, e.diagnostics());
    }
    return validate(result, bound);
  }

  private Outcome validate(SpecReader.Result read, Consumer<Platform> bound) {
    SpecDocument document = read.document();
    List<Diagnostic> diagnostics = new ArrayList<>(read.findings());
    java.util.Set<String> alreadyReported = new java.util.HashSet<>();
    read.findings().stream()
        .filter(Diagnostic::isError)
        .forEach(d -> alreadyReported.add(d.pointer()));
    // A node the reader already rejected (e.g. an ambiguous `010`) is not reported twice.
    schema.check(document).stream()
        .filter(d -> !alreadyReported.contains(d.pointer()))
        .forEach(diagnostics::add);
    List<String> malformed =
        diagnostics.stream().filter(Diagnostic::isError).map(SchemaCheck::affected).toList();
    Suppressions suppressions =
        Suppressions.of(
            document, malformed.stream().noneMatch(m -> overlaps(Suppressions.LIST, m)));
    Platform platform;
    try {
      platform = PlatformBinder.bind(document);
    } catch (RuntimeException e) {
      // Only a document the schema rejected can fail to bind; its schema errors say why.
      if (malformed.isEmpty()) {
        throw e;
      }
      return new Outcome(document, null, sorted(suppressions.apply(diagnostics)));
    }
    diagnostics.addAll(suppressions.errors(DiagnosticCatalogue.get()));
    if (malformed.isEmpty()) {
      bound.accept(platform);
    }
    for (SemanticRule rule : rules) {
      if (malformed.isEmpty()) {
        diagnostics.addAll(rule.check(platform, document));
      } else if (rule.inputs().stream()
          .noneMatch(in -> malformed.stream().anyMatch(m -> overlaps(in, m)))) {
        // A rule whose inputs are all well-formed: its findings are errors of their own, not echoes
        // of a schema error.
        rule.check(platform, document).stream()
            .filter(d -> !alreadyReported(diagnostics, d))
            .forEach(diagnostics::add);
      }
    }
    boolean failed = diagnostics.stream().anyMatch(Diagnostic::isError);
    if (!failed) {
      for (SemanticRule lint : lints) {
        diagnostics.addAll(lint.check(platform, document));
      }
    }
    return new Outcome(
        document,
        failed ? null : platform,
        FollowOnErrors.reduce(sorted(suppressions.apply(diagnostics))));
  }

  /**
   * Whether the part at {@code input} holds, or lies inside, the malformed part at {@code
   * malformed}.
   */
  private static boolean overlaps(String input, String malformed) {
    return within(malformed, input) || within(input, malformed);
  }

  private static boolean within(String pointer, String prefix) {
    return pointer.equals(prefix) || prefix.isEmpty() || pointer.startsWith(prefix + "/");
  }

  private static boolean alreadyReported(List<Diagnostic> diagnostics, Diagnostic d) {
    return diagnostics.stream().anyMatch(e -> e.isError() && e.pointer().equals(d.pointer()));
  }

  private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    dev.maas.diag.Diagnostics all = new dev.maas.diag.Diagnostics();
    all.addAll(diagnostics);
    return all.sorted();
  }
}
