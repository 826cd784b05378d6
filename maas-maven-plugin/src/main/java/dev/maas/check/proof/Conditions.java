package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@code when} list, compiled: all its predicates must hold. A condition that is not a predicate
 * never holds (it stands as {@link Expr#NEVER}).
 *
 * @param predicates the predicates in the order written
 */
record Conditions(List<Expr> predicates) {

  static final Conditions NONE = new Conditions(List.of());

  Conditions {
    predicates = List.copyOf(predicates);
  }

  /** The conditions of a {@code when} node, read the way the policy's own evaluation read them. */
  static Conditions of(JsonNode when, Function<String, Expr> expressions) {
    List<Expr> predicates = new ArrayList<>();
    for (JsonNode condition : when) {
      predicates.add(
          condition.has("predicate")
              ? expressions.apply(condition.path("predicate").asText())
              : Expr.NEVER);
    }
    return predicates.isEmpty() ? NONE : new Conditions(predicates);
  }

  /** Whether every predicate holds with {@code vars}. */
  boolean hold(CelVariables vars) {
    return hold(vars, false);
  }

  /**
   * Whether every predicate holds with {@code vars}.
   *
   * @param askedPerRequest whether every identity asks them about the same request: see {@link
   *     Expr#value( CelVariables, boolean)}
   */
  boolean hold(CelVariables vars, boolean askedPerRequest) {
    for (int i = 0; i < predicates.size(); i++) {
      if (!Boolean.TRUE.equals(predicates.get(i).value(vars, askedPerRequest))) {
        return false;
      }
    }
    return true;
  }
}
