package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An Authorino pattern of a {@code patternMatching} rule, compiled: a predicate, {@code any} (one of its patterns
 * holds) or {@code all} (each holds). Selector patterns and references are outside what the proof evaluates and
 * refuse; so does an empty {@code all}.
 */
sealed interface Pattern {

  /** Whether the pattern holds with {@code vars}; a predicate that fails counts as false. */
  boolean holds(CelVariables vars);

  /**
   * What is left to decide of this pattern once the request's attributes alone are known: {@link Constant#TRUE},
   * {@link Constant#FALSE}, or the parts whose value depends on the identity. Parts are asked in order and the
   * asking stops where {@code any} or {@code all} is decided, as {@link #holds} stops. The residual depends on the
   * {@code request} variable alone.
   */
  Pattern residual(CelVariables vars);

  /** The pattern of a JSON pattern node, read the way Authorino reads it. */
  static Pattern of(JsonNode pattern, Function<String, Expr> expressions) {
    if (pattern.has("predicate")) {
      return new Leaf(expressions.apply(pattern.path("predicate").asText()));
    }
    if (pattern.path("any").isArray()) {
      List<Pattern> parts = new ArrayList<>();
      pattern.path("any").forEach(part -> parts.add(of(part, expressions)));
      return new Any(parts);
    }
    if (pattern.path("all").isArray() && !pattern.path("all").isEmpty()) {
      List<Pattern> parts = new ArrayList<>();
      pattern.path("all").forEach(part -> parts.add(of(part, expressions)));
      return new All(parts);
    }
    return Constant.FALSE;
  }

  /** A predicate. */
  record Leaf(Expr predicate) implements Pattern {

    @Override
    public boolean holds(CelVariables vars) {
      return predicate.test(vars);
    }

    @Override
    public Pattern residual(CelVariables vars) {
      Object alone = predicate.requestAlone(vars);
      if (alone == Expr.DEPENDS_ON_IDENTITY) {
        return this;
      }
      return Boolean.TRUE.equals(alone) ? Constant.TRUE : Constant.FALSE;
    }

  }

  /** One of the parts holds (none: it refuses). */
  record Any(List<Pattern> parts) implements Pattern {

    public Any {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean holds(CelVariables vars) {
      for (Pattern part : parts) {
        if (part.holds(vars)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Pattern residual(CelVariables vars) {
      List<Pattern> left = new ArrayList<>();
      for (Pattern part : parts) {
        Pattern rest = part.residual(vars);
        if (rest == Constant.TRUE) {
          return Constant.TRUE;
        }
        if (rest != Constant.FALSE) {
          left.add(rest);
        }
      }
      return left.isEmpty() ? Constant.FALSE : left.size() == 1 ? left.get(0) : new Any(left);
    }

  }

  /** Every part holds; there is at least one. */
  record All(List<Pattern> parts) implements Pattern {

    public All {
      parts = List.copyOf(parts);
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("an empty all refuses; it is Constant.FALSE");
      }
    }

    @Override
    public boolean holds(CelVariables vars) {
      for (Pattern part : parts) {
        if (!part.holds(vars)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Pattern residual(CelVariables vars) {
      List<Pattern> left = new ArrayList<>();
      for (Pattern part : parts) {
        Pattern rest = part.residual(vars);
        if (rest == Constant.FALSE) {
          return Constant.FALSE;
        }
        if (rest != Constant.TRUE) {
          left.add(rest);
        }
      }
      return left.isEmpty() ? Constant.TRUE : left.size() == 1 ? left.get(0) : new All(left);
    }

  }

  /** A pattern whose value is known: a decided residual, or a pattern the proof cannot evaluate (false). */
  enum Constant implements Pattern {
    TRUE,
    FALSE;

    @Override
    public boolean holds(CelVariables vars) {
      return this == TRUE;
    }

    @Override
    public Pattern residual(CelVariables vars) {
      return this;
    }
  }
}
