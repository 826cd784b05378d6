package dev.maas.validate;

import dev.maas.diag.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a rule reports, declared on the rule's class: the checking is code, the metadata sits here.
 * The rule's code is its class name in kebab case ({@code UniqueTierNames} → {@code
 * unique-tier-names}), so renaming a rule renames its code and the two cannot drift.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Rule {

  /** What the rule finds, in one line. */
  String summary();

  /** The severity of the rule's findings: errors for semantic rules, warnings for lint rules. */
  Severity severity() default Severity.ERROR;

  /**
   * The parts of the spec the rule reads, as JSON pointers ({@code /spec/tiers}). It runs when the
   * schema found nothing wrong in any of them, so one run reports every error it can without
   * following a malformed input. The whole document unless the rule says otherwise.
   */
  String[] inputs() default {""};
}
