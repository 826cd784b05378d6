package dev.maas.cel;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A predicate of the few forms the gateway's policies are made of — string attributes compared with
 * string literals ({@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code in
 * [..]}, {@code startsWith}, {@code endsWith}, {@code contains}), a map's key ({@code has()},
 * {@code "key" in map}), boolean literals, and {@code &&}, {@code ||} and {@code !} of those —
 * decided in Java without the interpreter, which costs tens of microseconds a call before the JIT
 * has compiled it.
 *
 * <p>It answers only where the interpreter cannot answer otherwise: a test decides only when its
 * attribute is a string (a map, for a key), where the runtime's string overloads are {@link
 * String#compareTo}, {@link String#equals}, {@link String#startsWith}, {@link String#endsWith} and
 * {@link String#contains}. Any other value (absent, {@code null}, a number, an unknown) leaves the
 * test undecided; a chain of {@code &&} ({@code ||}) is decided by one false (true) operand, as
 * CEL's absorb an undecided one, else by all of them; otherwise the whole expression goes to the
 * interpreter.
 */
final class CelDirect {

  /** What {@link #test} gives when the interpreter must decide. */
  static final int UNDECIDED = -1;

  private static final int FALSE = 0;
  private static final int TRUE = 1;

  private final Node root;

  private CelDirect(Node root) {
    this.root = root;
  }

  /**
   * The direct form of {@code expr}, or {@code null} when it is not made of these forms alone.
   *
   * @param variables the expression's variables: an attribute starts at one of them
   */
  static CelDirect of(CelExpr expr, Set<String> variables) {
    Node root = node(expr, variables);
    return root == null ? null : new CelDirect(root);
  }

  /** {@code 1} (true), {@code 0} (false) or {@link #UNDECIDED}. */
  int test(CelVariables vars) {
    return root.test(vars.values());
  }

  /** One part of the predicate. */
  private sealed interface Node {
    int test(Map<String, ?> vars);
  }

  /** A boolean literal. */
  private record Literal(int value) implements Node {
    @Override
    public int test(Map<String, ?> vars) {
      return value;
    }
  }

  /** {@code !operand}. */
  private record Not(Node operand) implements Node {
    @Override
    public int test(Map<String, ?> vars) {
      int value = operand.test(vars);
      return value == UNDECIDED ? UNDECIDED : 1 - value;
    }
  }

  /**
   * A chain of {@code &&} ({@code conjunction}) or {@code ||}: one operand of the absorbing value
   * decides whatever the others give, as CEL's operators are commutative over errors and unknowns.
   */
  private record Chain(boolean conjunction, List<Node> operands) implements Node {
    @Override
    public int test(Map<String, ?> vars) {
      int absorbing = conjunction ? FALSE : TRUE;
      boolean undecided = false;
      for (int i = 0; i < operands.size(); i++) {
        int value = operands.get(i).test(vars);
        if (value == absorbing) {
          return absorbing;
        }
        undecided |= value == UNDECIDED;
      }
      return undecided ? UNDECIDED : 1 - absorbing;
    }
  }

  /** The kinds of string test. */
  private enum Op {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    STARTS_WITH,
    ENDS_WITH,
    CONTAINS;

    boolean apply(String value, String literal) {
      return switch (this) {
        case EQ -> value.equals(literal);
        case NE -> !value.equals(literal);
        case LT -> value.compareTo(literal) < 0;
        case LE -> value.compareTo(literal) <= 0;
        case GT -> value.compareTo(literal) > 0;
        case GE -> value.compareTo(literal) >= 0;
        case STARTS_WITH -> value.startsWith(literal);
        case ENDS_WITH -> value.endsWith(literal);
        case CONTAINS -> value.contains(literal);
      };
    }

    /** The same test with its operands swapped ({@code "a" < x} is {@code x > "a"}). */
    Op swapped() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
        default -> this;
      };
    }
  }

  /** {@code attribute op literal}. */
  private record Compare(String[] attribute, Op op, String literal) implements Node {
    @Override
    public int test(Map<String, ?> vars) {
      return at(vars, attribute, attribute.length) instanceof String value
          ? (op.apply(value, literal) ? TRUE : FALSE)
          : UNDECIDED;
    }
  }

  /** {@code attribute in [literals]}. */
  private record In(String[] attribute, Set<String> literals) implements Node {
    @Override
    public int test(Map<String, ?> vars) {
      return at(vars, attribute, attribute.length) instanceof String value
          ? (literals.contains(value) ? TRUE : FALSE)
          : UNDECIDED;
    }
  }

  /**
   * {@code "key" in attribute} where the attribute is a map: whether it holds the key (a list or
   * anything else is left to the interpreter).
   */
  private record HasKey(String[] attribute, String key) implements Node {
    @Override
    public int test(Map<String, ?> vars) {
      return at(vars, attribute, attribute.length) instanceof Map<?, ?> map
          ? (map.containsKey(key) ? TRUE : FALSE)
          : UNDECIDED;
    }
  }

  /** {@code has(attribute)}: whether the map the attribute's parent is holds its last field. */
  private record Has(String[] attribute) implements Node {
    @Override
    public int test(Map<String, ?> vars) {
      return at(vars, attribute, attribute.length - 1) instanceof Map<?, ?> parent
          ? (parent.containsKey(attribute[attribute.length - 1]) ? TRUE : FALSE)
          : UNDECIDED;
    }
  }

  /**
   * The value at the first {@code length} fields of {@code chain}, or {@code null} when a field is
   * missing or is not in a map (the callers then leave the test undecided).
   */
  private static Object at(Map<String, ?> vars, String[] chain, int length) {
    Object at = vars;
    for (int i = 0; i < length; i++) {
      if (!(at instanceof Map<?, ?> map)) {
        return null;
      }
      at = map.get(chain[i]);
    }
    return at;
  }

  private static Node node(CelExpr expr, Set<String> variables) {
    switch (expr.getKind()) {
      case CONSTANT -> {
        CelConstant constant = expr.constant();
        return constant.getKind() == CelConstant.Kind.BOOLEAN_VALUE
            ? new Literal(constant.booleanValue() ? TRUE : FALSE)
            : null;
      }
      case SELECT -> {
        if (!expr.select().testOnly()) {
          return null;
        }
        String[] chain = chain(expr, variables, true);
        return chain == null ? null : new Has(chain);
      }
      case CALL -> {
        return call(expr, variables);
      }
      default -> {
        return null;
      }
    }
  }

  private static Node call(CelExpr expr, Set<String> variables) {
    var call = expr.call();
    String function = call.function();
    List<CelExpr> args = call.args();
    if (call.target().isPresent()) {
      Op op =
          switch (function) {
            case "startsWith" -> Op.STARTS_WITH;
            case "endsWith" -> Op.ENDS_WITH;
            case "contains" -> Op.CONTAINS;
            default -> null;
          };
      if (op == null || args.size() != 1) {
        return null;
      }
      String[] attribute = chain(call.target().get(), variables, false);
      String literal = string(args.get(0));
      return attribute == null || literal == null ? null : new Compare(attribute, op, literal);
    }
    switch (function) {
      case "!_" -> {
        Node operand = args.size() == 1 ? node(args.get(0), variables) : null;
        return operand == null ? null : new Not(operand);
      }
      case "_&&_", "_||_" -> {
        List<Node> operands = new ArrayList<>();
        for (CelExpr arg : args) {
          Node operand = node(arg, variables);
          if (operand == null) {
            return null;
          }
          // Nested chains of the same operator are one chain.
          if (operand instanceof Chain inner && inner.conjunction() == function.equals("_&&_")) {
            operands.addAll(inner.operands());
          } else {
            operands.add(operand);
          }
        }
        return new Chain(function.equals("_&&_"), List.copyOf(operands));
      }
      case "@in" -> {
        if (args.size() != 2) {
          return null;
        }
        String key = string(args.get(0));
        if (key != null) {
          String[] map = chain(args.get(1), variables, false);
          return map == null ? null : new HasKey(map, key);
        }
        if (args.get(1).getKind() != CelExpr.ExprKind.Kind.LIST) {
          return null;
        }
        String[] attribute = chain(args.get(0), variables, false);
        if (attribute == null || !args.get(1).list().optionalIndices().isEmpty()) {
          return null;
        }
        Set<String> literals = new HashSet<>();
        for (CelExpr element : args.get(1).list().elements()) {
          String literal = string(element);
          if (literal == null) {
            return null;
          }
          literals.add(literal);
        }
        return new In(attribute, Set.copyOf(literals));
      }
      default -> {
        Op op =
            switch (function) {
              case "_==_" -> Op.EQ;
              case "_!=_" -> Op.NE;
              case "_<_" -> Op.LT;
              case "_<=_" -> Op.LE;
              case "_>_" -> Op.GT;
              case "_>=_" -> Op.GE;
              default -> null;
            };
        if (op == null || args.size() != 2) {
          return null;
        }
        String[] attribute = chain(args.get(0), variables, false);
        String literal = string(args.get(1));
        if (attribute != null && literal != null) {
          return new Compare(attribute, op, literal);
        }
        attribute = chain(args.get(1), variables, false);
        literal = string(args.get(0));
        return attribute == null || literal == null
            ? null
            : new Compare(attribute, op.swapped(), literal);
      }
    }
  }

  /** A string literal's value, or {@code null}. */
  private static String string(CelExpr expr) {
    return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
            && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE
        ? expr.constant().stringValue()
        : null;
  }

  /**
   * {@code a.b.c} as {@code [a, b, c]} when it selects fields from one of {@code variables}, else
   * {@code null}; {@code has} says whether the outermost selection is {@code has()}'s.
   */
  private static String[] chain(CelExpr expr, Set<String> variables, boolean has) {
    List<String> reversed = new ArrayList<>();
    CelExpr at = expr;
    boolean outermost = true;
    while (at.getKind() == CelExpr.ExprKind.Kind.SELECT) {
      if (at.select().testOnly() != (has && outermost)) {
        return null;
      }
      reversed.add(at.select().field());
      at = at.select().operand();
      outermost = false;
    }
    if (at.getKind() != CelExpr.ExprKind.Kind.IDENT
        || !variables.contains(at.ident().name())
        || (has && reversed.isEmpty())) {
      return null;
    }
    reversed.add(at.ident().name());
    String[] chain = new String[reversed.size()];
    for (int i = 0; i < chain.length; i++) {
      // Interned, as the variables' keys written in code are: a map then finds the key by
      // identity, not by comparing characters, millions of times in a proof.
      chain[i] = reversed.get(reversed.size() - 1 - i).intern();
    }
    return chain;
  }
}
