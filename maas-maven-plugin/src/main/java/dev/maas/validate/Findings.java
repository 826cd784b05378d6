package dev.maas.validate;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.Severity;
import dev.maas.spec.SpecDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * What one rule finds: each finding located by its JSON pointer and reported under the rule's code
 * and severity.
 */
public final class Findings {

  private final String code;
  private final Severity severity;
  private final SpecDocument document;
  private final List<Diagnostic> found = new ArrayList<>();

  /** The findings of {@code rule} in {@code document}. */
  public Findings(SemanticRule rule, SpecDocument document) {
    Rule declared = rule.getClass().getAnnotation(Rule.class);
    this.code = rule.code();
    this.severity = declared == null ? Severity.ERROR : declared.severity();
    this.document = document;
  }

  /** A finding at the value {@code pointer} names. */
  public void at(String pointer, String message, String hint) {
    found.add(new Diagnostic(severity, code, document.locate(pointer), pointer, message, hint));
  }

  /** A finding at the key of {@code pointer}: for a mapping entry whose key is what is wrong. */
  public void atKey(String pointer, String message, String hint) {
    found.add(new Diagnostic(severity, code, document.locateKey(pointer), pointer, message, hint));
  }

  /** The line of the value at {@code pointer}, for a message that says where something else is. */
  public int line(String pointer) {
    return document.locate(pointer).line();
  }

  /** The line of the key of {@code pointer}. */
  public int keyLine(String pointer) {
    return document.locateKey(pointer).line();
  }

  /**
   * Whether the spec writes {@code pointer} itself (rather than the model filling in a default).
   */
  public boolean written(String pointer) {
    return document.find(pointer) != null;
  }

  /** The source the findings are located in. */
  public SpecDocument document() {
    return document;
  }

  /** Everything found, in the order found. */
  public List<Diagnostic> list() {
    return List.copyOf(found);
  }
}
