package dev.maas.validate;

import dev.maas.diag.Catalogue;
import dev.maas.diag.DiagnosticCode;
import dev.maas.diag.StageCodes;
import dev.maas.validate.lint.LintRules;
import dev.maas.validate.rules.ArgoCdNamesAcrossSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one catalogue of codes: each rule's own declaration, and the codes reported outside the
 * rules.
 */
public final class DiagnosticCatalogue {

  private static final Catalogue CATALOGUE =
      new Catalogue(sections().stream().flatMap(s -> s.codes().stream()).toList());

  private DiagnosticCatalogue() {}

  /** Every code. */
  public static Catalogue get() {
    return CATALOGUE;
  }

  /**
   * The catalogue in sections, in the order a run meets them: reading, schema, rules, lint, then
   * later stages.
   */
  public static List<StageCodes.Group> sections() {
    List<StageCodes.Group> sections = new ArrayList<>(StageCodes.groups());
    sections.add(
        2,
        new StageCodes.Group(
            "Semantic rules",
            entries(
                Stream.concat(
                        SemanticRules.all().stream().map(Object::getClass),
                        Stream.of(ArgoCdNamesAcrossSpecs.class))
                    .toList())));
    sections.add(
        3,
        new StageCodes.Group(
            "Lint rules",
            entries(LintRules.all().stream().<Class<?>>map(Object::getClass).toList())));
    return List.copyOf(sections);
  }

  /**
   * The codes validating one spec can report: reading, schema, the semantic and lint rules, the
   * spec's suppressions.
   */
  public static List<DiagnosticCode> validation() {
    List<DiagnosticCode> codes = new ArrayList<>(StageCodes.READING.codes());
    codes.addAll(StageCodes.SCHEMA.codes());
    codes.addAll(entries(SemanticRules.all().stream().<Class<?>>map(Object::getClass).toList()));
    codes.addAll(entries(LintRules.all().stream().<Class<?>>map(Object::getClass).toList()));
    codes.addAll(StageCodes.SUPPRESSIONS.codes());
    return List.copyOf(codes);
  }

  /** The rule classes' own declarations. */
  private static List<DiagnosticCode> entries(List<? extends Class<?>> ruleClasses) {
    return ruleClasses.stream().map(DiagnosticCatalogue::entryOf).toList();
  }

  /** The catalogue entry a rule class declares with {@link Rule}. */
  public static DiagnosticCode entryOf(Class<?> ruleClass) {
    Rule rule = ruleClass.getAnnotation(Rule.class);
    if (rule == null) {
      throw new IllegalStateException(ruleClass.getName() + " declares no @Rule");
    }
    return new DiagnosticCode(SemanticRule.codeOf(ruleClass), rule.severity(), rule.summary());
  }
}
