package dev.maas.validate;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.spec.SpecDocument;
import java.util.List;

/** One check beyond the schema, run on a schema-valid spec. Each rule is its own small class. */
public interface SemanticRule {

  /** A stable code for the rule's diagnostics, e.g. {@code semantic.uniqueTierNames}. */
  String code();

  /**
   * The rule's findings.
   *
   * @param platform the bound model
   * @param document the source, to locate findings by JSON pointer
   */
  List<Diagnostic> check(Platform platform, SpecDocument document);
}
