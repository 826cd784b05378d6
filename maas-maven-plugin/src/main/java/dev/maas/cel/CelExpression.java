package dev.maas.cel;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelUnparser;
import dev.cel.parser.CelUnparserFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A compiled CEL expression, ready to evaluate against variables. */
public final class CelExpression {

  private static final String AND = "_&&_";
  private static final String OR = "_||_";
  private static final CelUnparser UNPARSER = CelUnparserFactory.newUnparser();

  // An operand's printed form, made when first asked for: the proof keys operands by key() and
  // prints only the few it reports.
  private volatile String source;
  private final String key;
  private final CelRuntime.Program program;
  private final Optional<Set<List<String>>> reads;
  private final Cel cel;
  private final CelAbstractSyntaxTree ast;
  private final Set<String> variables;
  // The predicate decided without the interpreter where its form allows (see CelDirect), or null.
  private final CelDirect direct;

  CelExpression(
      String source,
      CelRuntime.Program program,
      Optional<Set<List<String>>> reads,
      Cel cel,
      CelAbstractSyntaxTree ast,
      Set<String> variables) {
    this(source, source, program, reads, cel, ast, variables);
  }

  private CelExpression(
      String source,
      String key,
      CelRuntime.Program program,
      Optional<Set<List<String>>> reads,
      Cel cel,
      CelAbstractSyntaxTree ast,
      Set<String> variables) {
    this.source = source;
    this.key = key;
    this.program = program;
    this.reads = reads;
    this.cel = cel;
    this.ast = ast;
    this.variables = variables;
    this.direct = CelDirect.of(ast.getExpr(), variables);
  }

  /**
   * The operands of a top-level chain of {@code &&} (or of {@code ||}), each evaluable on its own.
   *
   * <p>CEL's {@code &&} and {@code ||} are commutative and absorb errors and unknowns where another
   * operand decides, so when every operand is typed boolean the expression is {@code true} exactly
   * when every operand (one operand) of a conjunction (disjunction) is {@code true}; any other
   * outcome of an operand (false, an error, an unknown) counts as not true. That is what lets a
   * caller decide the operands one by one. An operand the checker cannot prove boolean (a {@code
   * dyn} value) would not be absorbed, so such a chain is no junction.
   *
   * @param conjunction whether the operands are joined by {@code &&} (else by {@code ||})
   * @param operands the operands in the order written, nested chains of the same operator
   *     flattened; each one's {@link #source()} is the operand printed back, equal for equal
   *     operands
   */
  public record Junction(boolean conjunction, List<CelExpression> operands) {}

  /**
   * The expression as a {@link Junction}, or empty when its top is not {@code &&} or {@code ||} or
   * an operand is not typed boolean.
   */
  public Optional<Junction> junction() {
    CelExpr top = ast.getExpr();
    String operator = operator(top);
    if (operator == null) {
      return Optional.empty();
    }
    List<CelExpr> parts = new ArrayList<>();
    flatten(top, operator, parts);
    if (!parts.stream()
        .allMatch(part -> ast.getType(part.id()).filter(SimpleType.BOOL::equals).isPresent())) {
      // CEL absorbs an operand's error where another operand decides, but not a value of another
      // type:
      // {@code "a" || true} is an error. Only operands the checker proves boolean are decided one
      // by one.
      return Optional.empty();
    }
    List<CelExpression> operands = new ArrayList<>(parts.size());
    try {
      for (CelExpr part : parts) {
        // The part keeps the ids of the checked whole, so the whole's references and types serve it
        // unchanged.
        CelAbstractSyntaxTree partAst =
            CelAbstractSyntaxTree.newCheckedAst(
                part, ast.getSource(), ast.getReferenceMap(), ast.getTypeMap());
        String key = CelExprKey.of(part);
        operands.add(
            new CelExpression(
                null,
                key == null ? this.key + " #" + part.id() : key,
                cel.createProgram(partAst),
                CelAttributes.of(part, variables),
                cel,
                partAst,
                variables));
      }
    } catch (CelEvaluationException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(new Junction(operator.equals(AND), List.copyOf(operands)));
  }

  /**
   * An operand's printed form: the operand printed back as CEL; its key where it holds a
   * comprehension, whose printed form may not tell apart what it does.
   */
  private static String partSource(CelAbstractSyntaxTree partAst, String key) {
    if (!hasComprehension(partAst.getExpr())) {
      try {
        return UNPARSER.unparse(partAst);
      } catch (RuntimeException e) {
        // Falls through to the key, which names this operand alone.
      }
    }
    return key;
  }

  private static boolean hasComprehension(CelExpr expr) {
    return switch (expr.getKind()) {
      case COMPREHENSION -> true;
      case SELECT -> hasComprehension(expr.select().operand());
      case CALL ->
          expr.call().target().map(CelExpression::hasComprehension).orElse(false)
              || expr.call().args().stream().anyMatch(CelExpression::hasComprehension);
      case LIST -> expr.list().elements().stream().anyMatch(CelExpression::hasComprehension);
      case MAP ->
          expr.map().entries().stream()
              .anyMatch(e -> hasComprehension(e.key()) || hasComprehension(e.value()));
      case STRUCT -> expr.struct().entries().stream().anyMatch(e -> hasComprehension(e.value()));
      default -> false;
    };
  }

  private static String operator(CelExpr expr) {
    if (expr.getKind() != CelExpr.ExprKind.Kind.CALL
        || expr.call().target().isPresent()
        || expr.call().args().size() != 2) {
      return null;
    }
    String function = expr.call().function();
    return function.equals(AND) || function.equals(OR) ? function : null;
  }

  private static void flatten(CelExpr expr, String operator, List<CelExpr> into) {
    if (operator.equals(operator(expr))) {
      for (CelExpr arg : expr.call().args()) {
        flatten(arg, operator, into);
      }
    } else {
      into.add(expr);
    }
  }

  /**
   * The attributes of the variables this expression reads, each a chain of field names from a
   * variable ({@code [auth, identity, tier]}); its value depends on nothing else. Empty when that
   * cannot be told.
   */
  public Optional<Set<List<String>>> reads() {
    return reads;
  }

  /** The expression as written; an operand of a {@link Junction} printed back. */
  public String source() {
    String printed = source;
    if (printed == null) {
      printed = partSource(ast, key);
      source = printed;
    }
    return printed;
  }

  /**
   * What tells this expression apart: its source, or for an operand of a {@link Junction} its
   * syntax tree written out (see {@link CelExprKey}), equal for equal operands however they were
   * spaced; an operand holding a comprehension is keyed by its whole and its place there, as its
   * form may not tell apart what it does.
   */
  public String key() {
    return key;
  }

  /**
   * The value of this expression with {@code variables} bound.
   *
   * <p>Values are plain Java: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code
   * null}, {@code List} and {@code Map} (nested freely). Other Java numbers are widened to {@code
   * Long} or {@code Double} first, because the runtime dispatches arithmetic on those types only.
   */
  public Object evaluate(Map<String, ?> variables) throws CelFailure {
    return evaluate(CelVariables.of(variables));
  }

  /** The value of this expression with variables that were converted once for many expressions. */
  public Object evaluate(CelVariables variables) throws CelFailure {
    Boolean decided = decided(variables);
    return decided != null ? decided : interpreted(variables);
  }

  /**
   * The value when it is decided without the interpreter (see CelDirect), at the cost of a few
   * look-ups and string comparisons; else {@code null}. Where it is not {@code null} it is what
   * {@link #evaluate} gives.
   */
  public Boolean decided(CelVariables variables) {
    if (direct == null) {
      return null;
    }
    int decided = direct.test(variables);
    return decided == CelDirect.UNDECIDED ? null : decided == 1;
  }

  /** Whether a form of the expression is decided without the interpreter (see CelDirect). */
  boolean decidedDirectly() {
    return direct != null;
  }

  /** The value as the interpreter gives it, whatever the expression's form. */
  Object interpreted(CelVariables variables) throws CelFailure {
    Object value;
    try {
      value = program.eval(variables.resolver());
    } catch (CelEvaluationException | RuntimeException e) {
      throw new CelFailure(source(), "cannot evaluate: " + e.getMessage());
    }
    if (value instanceof CelUnknownSet) {
      // The runtime evaluates partially: a variable that was not given leaves the value unknown,
      // unless && or ||
      // decided without it.
      throw new CelFailure(
          source(), "cannot evaluate: it depends on a variable that was not given");
    }
    return value;
  }

  /** Evaluates a predicate; a result other than a boolean is a failure. */
  public boolean test(Map<String, ?> variables) throws CelFailure {
    Object value = evaluate(variables);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new CelFailure(
        source(),
        "expected a boolean, got " + (value == null ? "null" : typeName(value)) + ": " + value);
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
    return source();
  }
}
