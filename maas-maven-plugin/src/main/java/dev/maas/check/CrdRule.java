package dev.maas.check;

/**
 * One {@code x-kubernetes-validations} entry of a CRD schema.
 *
 * @param rule the CEL expression, {@code self} bound to the node
 * @param message the message when the rule fails, or {@code null}
 * @param messageExpression a CEL expression giving the message, or {@code null}
 * @param fieldPath a path below the node that the failure is about, or {@code null}
 */
record CrdRule(String rule, String message, String messageExpression, String fieldPath) {

  /**
   * Whether the rule compares with the object's previous state, which a generated object does not
   * have.
   */
  boolean isTransition() {
    return rule.contains("oldSelf");
  }
}
