package dev.maas.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.diag.Catalogue;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.DiagnosticCode;
import dev.maas.diag.Severity;
import dev.maas.diag.Suggestions;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.lint.LintRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The warnings a spec accepts ({@code spec.diagnostics.suppress}): each by code, optionally at one
 * place, with a reason. Only the warnings validation reports (the reader's and the lint rules') can
 * be suppressed; naming an error is an error, and a suppression that matches nothing is a warning,
 * so a stale one cannot hide the next finding.
 */
final class Suppressions {

  /** Where the list lies in a spec. */
  static final String LIST = "/spec/diagnostics/suppress";

  private static final String UNKNOWN = "suppression.unknownCode";
  private static final String NOT_SUPPRESSIBLE = "suppression.notSuppressible";
  private static final String UNUSED = "suppression.unused";

  /** The reader's warnings; with the lint rules', the findings a spec may accept. */
  private static final Set<String> READER_WARNINGS = Set.of("yaml.yaml11Boolean");

  /**
   * One entry of the list.
   *
   * @param index its place in the list
   * @param code the code it accepts
   * @param at the pointer under which it accepts it, or empty for the whole spec
   */
  record Suppression(int index, String code, String at) {

    String pointer() {
      return LIST + "/" + index;
    }

    boolean matches(Diagnostic d) {
      return !d.isError()
          && d.code().equals(code)
          && (at.isEmpty() || d.pointer().equals(at) || d.pointer().startsWith(at + "/"));
    }
  }

  private final SpecDocument document;
  private final List<Suppression> entries;

  private Suppressions(SpecDocument document, List<Suppression> entries) {
    this.document = document;
    this.entries = entries;
  }

  /**
   * The suppressions of {@code document}; none when the schema found the list malformed ({@code
   * wellFormed}).
   */
  static Suppressions of(SpecDocument document, boolean wellFormed) {
    List<Suppression> entries = new ArrayList<>();
    JsonNode list = wellFormed ? document.toJson().at(LIST) : null;
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        JsonNode entry = list.get(i);
        entries.add(new Suppression(i, entry.path("code").asText(), entry.path("at").asText("")));
      }
    }
    return new Suppressions(document, entries);
  }

  /** Errors for the entries that name no code, or a code a spec cannot suppress. */
  List<Diagnostic> errors(Catalogue catalogue) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> suppressible = suppressible();
    for (Suppression s : entries) {
      String pointer = s.pointer() + "/code";
      Optional<DiagnosticCode> known = catalogue.find(s.code());
      if (known.isEmpty()) {
        String hint = Suggestions.didYouMean(s.code(), suppressible);
        out.add(
            Diagnostic.error(
                UNKNOWN,
                document.locate(pointer),
                pointer,
                "no diagnostic has the code `" + s.code() + "`",
                hint != null ? hint : "copy the code from the end of the warning's line"));
      } else if (known.get().severity() == Severity.ERROR) {
        out.add(
            Diagnostic.error(
                NOT_SUPPRESSIBLE,
                document.locate(pointer),
                pointer,
                "`" + s.code() + "` is the code of an error; only warnings can be suppressed",
                "fix the error instead"));
      } else if (!suppressible.contains(s.code())) {
        out.add(
            Diagnostic.error(
                NOT_SUPPRESSIBLE,
                document.locate(pointer),
                pointer,
                "`"
                    + s.code()
                    + "` is not reported while validating a spec, so a spec cannot suppress it",
                "suppress one of: " + String.join(", ", suppressible)));
      }
    }
    return out;
  }

  /**
   * {@code diagnostics} without the warnings an entry accepts, and a warning for each entry that
   * accepted none. The lint rules run only on a spec without errors, so an entry is called unused
   * only then.
   */
  List<Diagnostic> apply(List<Diagnostic> diagnostics) {
    if (entries.isEmpty()) {
      return diagnostics;
    }
    Set<Suppression> used = new HashSet<>();
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      List<Suppression> matching = entries.stream().filter(s -> s.matches(d)).toList();
      used.addAll(matching);
      if (matching.isEmpty()) {
        out.add(d);
      }
    }
    if (out.stream().noneMatch(Diagnostic::isError)) {
      Set<String> suppressible = suppressible();
      for (Suppression s : entries) {
        if (!used.contains(s) && suppressible.contains(s.code())) {
          out.add(
              Diagnostic.warning(
                  UNUSED,
                  document.locate(s.pointer()),
                  s.pointer(),
                  "no `"
                      + s.code()
                      + "` warning "
                      + (s.at().isEmpty() ? "is found in the spec" : "is found at " + s.at())
                      + ", so this suppression accepts nothing",
                  "remove it"));
        }
      }
    }
    return out;
  }

  /** The codes a spec may suppress, sorted. */
  private static Set<String> suppressible() {
    Set<String> codes = new TreeSet<>(READER_WARNINGS);
    LintRules.all().forEach(rule -> codes.add(rule.code()));
    return codes;
  }
}
