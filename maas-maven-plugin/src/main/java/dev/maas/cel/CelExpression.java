package dev.maas.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/** A compiled CEL expression, ready to evaluate against variables. */
public final class CelExpression {

  private final String source;
  private final CelRuntime.Program program;

  CelExpression(String source, CelRuntime.Program program) {
    this.source = source;
    this.program = program;
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
    try {
      @SuppressWarnings("unchecked")
      Map<String, ?> plain = (Map<String, ?>) CelValues.plain(variables);
      return program.eval(plain);
    } catch (CelEvaluationException | RuntimeException e) {
      throw new CelFailure(source, "cannot evaluate: " + e.getMessage());
    }
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
