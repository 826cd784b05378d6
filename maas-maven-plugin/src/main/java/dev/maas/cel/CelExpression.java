package dev.maas.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A compiled CEL expression, ready to evaluate against variables. */
public final class CelExpression {

  private final String source;
  private final CelRuntime.Program program;
  private final Optional<Set<List<String>>> reads;

  CelExpression(String source, CelRuntime.Program program, Optional<Set<List<String>>> reads) {
    this.source = source;
    this.program = program;
    this.reads = reads;
  }

  /**
   * The attributes of the variables this expression reads, each a chain of field names from a variable
   * ({@code [auth, identity, tier]}); its value depends on nothing else. Empty when that cannot be told.
   */
  public Optional<Set<List<String>>> reads() {
    return reads;
  }

  /** The expression as written. */
  public String source() {
    return source;
  }

  /**
   * The value of this expression with {@code variables} bound.
   *
   * <p>Values are plain Java: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null},
   * {@code List} and {@code Map} (nested freely). Other Java numbers are widened to {@code Long} or
   * {@code Double} first, because the runtime dispatches arithmetic on those types only.
   */
  public Object evaluate(Map<String, ?> variables) throws CelFailure {
    return evaluate(CelVariables.of(variables));
  }

  /** The value of this expression with variables that were converted once for many expressions. */
  public Object evaluate(CelVariables variables) throws CelFailure {
    Object value;
    try {
      value = program.eval(variables.values());
    } catch (CelEvaluationException | RuntimeException e) {
      throw new CelFailure(source, "cannot evaluate: " + e.getMessage());
    }
    if (value instanceof CelUnknownSet) {
      // The runtime evaluates partially: a variable that was not given leaves the value unknown, unless && or ||
      // decided without it.
      throw new CelFailure(source, "cannot evaluate: it depends on a variable that was not given");
    }
    return value;
  }

  /** Evaluates a predicate; a result other than a boolean is a failure. */
  public boolean test(Map<String, ?> variables) throws CelFailure {
    Object value = evaluate(variables);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new CelFailure(source, "expected a boolean, got " + (value == null ? "null" : typeName(value)) + ": " + value);
  }

  private static String typeName(Object value) {
    if (value instanceof String) {
      return "string";
    } else if (value instanceof Long || value instanceof Integer) {
      return "int";
    } else if (value instanceof Double) {
      return "double";
    } else if (value instanceof Map) {
      return "map";
    } else if (value instanceof Iterable) {
      return "list";
    }
    return value.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return source;
  }
}
