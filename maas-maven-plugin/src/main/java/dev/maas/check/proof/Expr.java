package dev.maas.check.proof;

import dev.maas.cel.CelEngine;
import dev.maas.cel.CelExpression;
import dev.maas.cel.CelFailure;
import dev.maas.cel.CelVariables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One CEL expression of the rendered policies, compiled together with the others of its evaluator
 * (or on first use), and the values the proof remembers for it. A value is remembered only by the
 * values of every attribute the expression reads, on which alone it depends.
 */
final class Expr {

  /** What {@link #value} gives for an expression that does not compile or evaluate. */
  static final Object FAILED = new Object();

  /**
   * What {@link #requestAlone} gives when the request's attributes alone do not decide the value.
   */
  static final Object DEPENDS_ON_IDENTITY = new Object();

  /** A condition that is not a predicate (Authorino then denies): never holds. */
  static final Expr NEVER = new Expr(null, null, null);

  // Checking is quadratic in the size of what is checked at once (dev.cel copies its map of type
  // substitutions at every assignability test): 12,000 characters at a time allocate a third less
  // than 40,000 and leave a few chunks per processor.
  private static final int CHUNK = 12_000;

  private final String source;
  private final CelEngine engine;
  private final Map<String, Expr> operands;
  private volatile Compiled compiled;

  /**
   * A compiled expression, the attributes it reads (sorted; {@code all} is {@code null} when they
   * cannot be told) and the values it was found to have for them.
   *
   * @param cel the program, {@code null} when it does not compile
   * @param request the attributes under {@code request}
   * @param all every attribute
   * @param readsIdentity whether it reads anything under {@code auth}
   * @param byAttributes its value by the values of all its attributes
   */
  private record Compiled(
      CelExpression cel,
      List<List<String>> request,
      List<List<String>> all,
      boolean readsIdentity,
      Map<Object, Object> byAttributes) {

    static final Compiled NOT_COMPILED = new Compiled(null, null, null, true, Map.of());

    static Compiled of(CelExpression cel) {
      if (cel.reads().isEmpty()) {
        return new Compiled(cel, null, null, true, Map.of());
      }
      List<List<String>> all =
          cel.reads().get().stream().sorted(Comparator.comparing(Object::toString)).toList();
      List<List<String>> request = all.stream().filter(c -> c.get(0).equals("request")).toList();
      return new Compiled(
          cel, request, all, request.size() < all.size(), new ConcurrentHashMap<>());
    }
  }

  /**
   * An expression that {@code engine} compiles the first time its value is asked.
   *
   * @param operands the operands of the expressions of one evaluator, by {@link
   *     CelExpression#key()}: one operand found in many expressions (a tier test shared by many
   *     models' clauses) is one expression with one set of remembered values; {@code null} to share
   *     none
   */
  Expr(String source, CelEngine engine, Map<String, Expr> operands) {
    this.source = source;
    this.engine = engine;
    this.operands = operands;
  }

  /** An expression compiled already (an operand of another); printed only when asked. */
  private Expr(CelExpression cel, Map<String, Expr> operands) {
    this.source = null;
    this.engine = null;
    this.operands = operands;
    this.compiled = Compiled.of(cel);
  }

  /**
   * The operands of the expression's top-level {@code &&} or {@code ||} chain, each its own
   * expression with its own remembered values; empty when it is no such chain or does not compile.
   * The expression is true exactly when all (one) of them are true: see {@link
   * CelExpression.Junction}.
   */
  Optional<Junction> junction() {
    Compiled c = compiled();
    if (c.cel() == null) {
      return Optional.empty();
    }
    return c.cel()
        .junction()
        .map(j -> new Junction(j.conjunction(), j.operands().stream().map(this::operand).toList()));
  }

  private Expr operand(CelExpression cel) {
    if (operands == null) {
      return new Expr(cel, null);
    }
    // Operands live apart from whole expressions: an operand's key (its syntax tree written out) is
    // never compiled.
    return operands.computeIfAbsent(cel.key(), k -> new Expr(cel, operands));
  }

  /**
   * An expression's operands.
   *
   * @param conjunction whether they are joined by {@code &&} (else {@code ||})
   * @param operands the operands in the order written
   */
  record Junction(boolean conjunction, List<Expr> operands) {}

  /** The expression as written, or for an operand as printed back. */
  String source() {
    Compiled c = compiled;
    return source == null && c != null && c.cel() != null ? c.cel().source() : source;
  }

  private Compiled compiled() {
    Compiled c = compiled;
    if (c == null) {
      synchronized (this) {
        c = compiled;
        if (c == null) {
          c = compile();
          compiled = c;
        }
      }
    }
    return c;
  }

  /**
   * Compiles many expressions together (see {@link CelEngine#compileAll}), on every processor; an
   * expression whose text {@code ready} holds takes that outcome instead.
   */
  static void compileAll(
      CelEngine engine, List<Expr> expressions, Map<String, CelEngine.Outcome> ready) {
    List<Expr> left = new ArrayList<>();
    for (Expr expression : expressions) {
      if (expression.source == null || expression.compiled != null) {
        continue;
      }
      CelEngine.Outcome outcome = ready.get(expression.source);
      if (outcome != null) {
        expression.settle(outcome);
      } else {
        left.add(expression);
      }
    }
    batches(left, Expr::source).parallelStream()
        .forEach(
            part -> {
              List<CelEngine.Outcome> outcomes =
                  engine.compileAll(part.stream().map(Expr::source).toList());
              for (int i = 0; i < part.size(); i++) {
                part.get(i).settle(outcomes.get(i));
              }
            });
  }

  /** {@code texts} in batches to compile together, in order. */
  static List<List<String>> batches(List<String> texts) {
    return batches(texts, text -> text);
  }

  private static <T> List<List<T>> batches(List<T> items, Function<T, String> text) {
    List<List<T>> batches = new ArrayList<>();
    List<T> batch = new ArrayList<>();
    int size = 0;
    for (T item : items) {
      int length = text.apply(item).length();
      // The parser takes at most 100,000 code points at once.
      if (!batch.isEmpty() && size + length > CHUNK) {
        batches.add(batch);
        batch = new ArrayList<>();
        size = 0;
      }
      batch.add(item);
      size += length + 16;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  private synchronized void settle(CelEngine.Outcome outcome) {
    if (compiled == null) {
      compiled =
          outcome.expression() == null ? Compiled.NOT_COMPILED : Compiled.of(outcome.expression());
    }
  }

  private Compiled compile() {
    if (source == null) {
      return Compiled.NOT_COMPILED;
    }
    try {
      return Compiled.of(engine.compile(source));
    } catch (CelFailure failure) {
      return Compiled.NOT_COMPILED;
    }
  }

  /**
   * Whether the expression is true; one that does not compile or evaluate counts as false, as
   * Authorino denies.
   */
  boolean test(CelVariables vars) {
    return Boolean.TRUE.equals(value(vars));
  }

  /**
   * The expression's value, or {@link #FAILED}. Values of expressions that read the identity only
   * (twenty tiers, thousands of requests) are remembered; those that read the request are not, as
   * every request has its own path.
   */
  Object value(CelVariables vars) {
    return value(vars, false);
  }

  /**
   * The expression's value, or {@link #FAILED}.
   *
   * @param askedPerRequest whether many identities ask it about the same request (a predicate every
   *     limit or every request shares), so that a value that reads the request is worth remembering
   *     too
   */
  Object value(CelVariables vars, boolean askedPerRequest) {
    Compiled c = compiled();
    if (c.cel() == null) {
      return FAILED;
    }
    // A value decided without the interpreter costs less than its key: not remembered.
    Boolean decided = c.cel().decided(vars);
    if (decided != null) {
      return decided;
    }
    if (c.all() == null || (!c.request().isEmpty() && !askedPerRequest)) {
      return evaluate(c.cel(), vars);
    }
    Object key = key(c.all(), vars);
    Object value = c.byAttributes().get(key);
    if (value == null) {
      value = evaluate(c.cel(), vars);
      c.byAttributes().putIfAbsent(key, value);
    }
    return value;
  }

  /**
   * The value the request's attributes alone ({@code requestOnly}: the {@code request} variable
   * only) give it, or {@link #DEPENDS_ON_IDENTITY}. With no {@code auth} at all, a value (rather
   * than an unknown) means the request alone decides: CEL's {@code &&} and {@code ||} decide
   * without an operand when the other one does. A failure with the request alone is not trusted:
   * the full evaluation decides then. The value depends on the {@code request} variable only,
   * whatever the expression reads.
   */
  Object requestAlone(CelVariables requestOnly) {
    Compiled c = compiled();
    if (c.cel() == null) {
      return FAILED;
    }
    if (c.all() == null || (c.request().isEmpty() && c.readsIdentity())) {
      return DEPENDS_ON_IDENTITY;
    }
    // Decided without the interpreter (a path range, a method): cheaper than the remembered value.
    Boolean decided = c.cel().decided(requestOnly);
    if (decided != null) {
      return decided;
    }
    // Every tier asks about the same request: remembered by the values of the request's attributes
    // it reads, apart from the values of whole evaluations.
    Object key = new RequestAlone(key(c.request(), requestOnly));
    Object value = c.byAttributes().get(key);
    if (value == null) {
      value = evaluate(c.cel(), requestOnly);
      value = value == FAILED ? DEPENDS_ON_IDENTITY : value;
      c.byAttributes().putIfAbsent(key, value);
    }
    return value;
  }

  /** The key of a value found with the request's attributes alone. */
  private record RequestAlone(Object requestValues) {}

  /**
   * Whether the value depends on the identity's attributes only: it reads no request and all it
   * reads is known.
   */
  boolean readsIdentityOnly() {
    Compiled c = compiled();
    return c.cel() != null && c.all() != null && c.request().isEmpty() && c.readsIdentity();
  }

  /**
   * The attributes the expression reads ({@code null} when they cannot be told or it does not
   * compile).
   */
  List<List<String>> attributes() {
    Compiled c = compiled();
    return c.cel() == null ? null : c.all();
  }

  /**
   * The values of {@code chains} in {@code vars}: the one value itself when there is one, else a
   * list.
   */
  static Object key(List<List<String>> chains, CelVariables vars) {
    if (chains.size() == 1) {
      return vars.attribute(chains.get(0));
    }
    List<Object> values = new ArrayList<>(chains.size());
    for (int i = 0; i < chains.size(); i++) {
      values.add(vars.attribute(chains.get(i)));
    }
    return values;
  }

  private static Object evaluate(CelExpression cel, CelVariables vars) {
    try {
      Object value = cel.evaluate(vars);
      return value == null ? FAILED : value;
    } catch (CelFailure failure) {
      return FAILED;
    }
  }

  @Override
  public String toString() {
    return String.valueOf(source());
  }
}
