package dev.maas.validate;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.DiagnosticCode;
import dev.maas.model.Platform;
import dev.maas.spec.SpecDocument;
import java.util.List;

/**
 * One check beyond the schema, run on a schema-valid spec. Each rule is its own small class,
 * annotated {@link Rule}.
 */
public interface SemanticRule {

  /**
   * The code of the rule's diagnostics: its class name in kebab case, e.g. {@code
   * unique-tier-names}.
   */
  default String code() {
    return codeOf(getClass());
  }

  /** The code of the rule class {@code type}. */
  static String codeOf(Class<?> type) {
    return DiagnosticCode.ofClassName(type.getSimpleName());
  }

  /** The parts of the spec the rule reads, as its {@link Rule#inputs()} declare them. */
  default List<String> inputs() {
    Rule rule = getClass().getAnnotation(Rule.class);
    return rule == null ? List.of("") : List.of(rule.inputs());
  }

  /**
   * The rule's findings, located in {@code document}.
   *
   * @param platform the bound model
   * @param document the source, to locate findings by JSON pointer
   */
  default List<Diagnostic> check(Platform platform, SpecDocument document) {
    Findings findings = new Findings(this, document);
    find(platform, findings);
    return findings.list();
  }

  /**
   * Reports what the rule finds in {@code platform} to {@code findings}, each at its JSON pointer.
   */
  void find(Platform platform, Findings findings);
}
