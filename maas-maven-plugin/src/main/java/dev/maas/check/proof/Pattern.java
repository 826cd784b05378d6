package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An Authorino pattern of a {@code patternMatching} rule, compiled: a predicate, {@code any} (one
 * of its patterns holds) or {@code all} (each holds). Selector patterns and references are outside
 * what the proof evaluates and refuse; so does an empty {@code all}.
 */
sealed interface Pattern {

  /** Whether the pattern holds with {@code vars}; a predicate that fails counts as false. */
  boolean holds(CelVariables vars);

  /**
   * What is left to decide of this pattern once the request's attributes alone are known: {@link
   * Constant#TRUE}, {@link Constant#FALSE}, or the parts whose value depends on the identity. Parts
   * are asked in order and the asking stops where {@code any} or {@code all} is decided, as {@link
   * #holds} stops.
   *
   * @param requestOnly the {@code request} variable alone, so that the residual depends on nothing
   *     else
   */
  Pattern residual(CelVariables requestOnly);

  /**
   * Adds to {@code into} the attributes under {@code request} its predicates read.
   *
   * @return false when what one of them reads cannot be told
   */
  boolean requestAttributes(Set<List<String>> into);

  /**
   * {@code list} with {@code part} added, made on the first part: most residuals leave none or one,
   * and a list made for nothing is most of what finding them allocates.
   */
  private static List<Pattern> added(List<Pattern> list, Pattern part) {
    List<Pattern> out = list == null ? new ArrayList<>(2) : list;
    out.add(part);
    return out;
  }

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

  /**
   * A predicate. Where it is a chain of {@code &&} or {@code ||}, its residual is found operand by
   * operand (each still evaluated by CEL): a model's access clause {@code path.startsWith(..) &&
   * tier in [..]} is then left as its tier test alone, whose value is remembered by tier.
   */
  final class Leaf implements Pattern {

    private final Expr predicate;
    private volatile Pattern operands;

    Leaf(Expr predicate) {
      this.predicate = predicate;
    }

    @Override
    public boolean holds(CelVariables vars) {
      return predicate.test(vars);
    }

    @Override
    public Pattern residual(CelVariables requestOnly) {
      Pattern split = operands();
      if (split != this) {
        return split.residual(requestOnly);
      }
      Object alone = predicate.requestAlone(requestOnly);
      if (alone == Expr.DEPENDS_ON_IDENTITY) {
        return this;
      }
      return Boolean.TRUE.equals(alone) ? Constant.TRUE : Constant.FALSE;
    }

    @Override
    public boolean requestAttributes(Set<List<String>> into) {
      List<List<String>> read = predicate.attributes();
      if (read == null) {
        return false;
      }
      read.stream().filter(a -> a.get(0).equals("request")).forEach(into::add);
      return true;
    }

    /**
     * The predicate as {@link All} or {@link Any} of its operands' leaves, or this leaf when it is
     * no chain.
     */
    Pattern operands() {
      Pattern split = operands;
      if (split == null) {
        synchronized (this) {
          split = operands;
          if (split == null) {
            split =
                predicate
                    .junction()
                    .<Pattern>map(
                        j -> {
                          List<Pattern> parts =
                              j.operands().stream().<Pattern>map(Leaf::new).toList();
                          return j.conjunction() ? new All(parts) : new Any(parts);
                        })
                    .orElse(this);
            operands = split;
          }
        }
      }
      return split;
    }

    @Override
    public String toString() {
      return "Leaf[" + predicate + "]";
    }
  }

  /** One of the parts holds (none: it refuses). */
  record Any(List<Pattern> parts) implements Pattern {

    public Any {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean holds(CelVariables vars) {
      for (int i = 0; i < parts.size(); i++) {
        if (parts.get(i).holds(vars)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Pattern residual(CelVariables requestOnly) {
      List<Pattern> left = null;
      for (int i = 0; i < parts.size(); i++) {
        Pattern rest = parts.get(i).residual(requestOnly);
        if (rest == Constant.TRUE) {
          return Constant.TRUE;
        }
        if (rest != Constant.FALSE) {
          left = added(left, rest);
        }
      }
      if (left == null) {
        return Constant.FALSE;
      }
      return left.size() == 1 ? left.get(0) : new Any(left);
    }

    @Override
    public boolean requestAttributes(Set<List<String>> into) {
      return parts.stream().allMatch(p -> p.requestAttributes(into));
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
      for (int i = 0; i < parts.size(); i++) {
        if (!parts.get(i).holds(vars)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Pattern residual(CelVariables requestOnly) {
      List<Pattern> left = null;
      for (int i = 0; i < parts.size(); i++) {
        Pattern rest = parts.get(i).residual(requestOnly);
        if (rest == Constant.FALSE) {
          return Constant.FALSE;
        }
        if (rest != Constant.TRUE) {
          left = added(left, rest);
        }
      }
      if (left == null) {
        return Constant.TRUE;
      }
      return left.size() == 1 ? left.get(0) : new All(left);
    }

    @Override
    public boolean requestAttributes(Set<List<String>> into) {
      return parts.stream().allMatch(p -> p.requestAttributes(into));
    }
  }

  /**
   * A pattern whose value is known: a decided residual, or a pattern the proof cannot evaluate
   * (false).
   */
  enum Constant implements Pattern {
    TRUE,
    FALSE;

    @Override
    public boolean holds(CelVariables vars) {
      return this == TRUE;
    }

    @Override
    public Pattern residual(CelVariables requestOnly) {
      return this;
    }

    @Override
    public boolean requestAttributes(Set<List<String>> into) {
      return true;
    }
  }
}
