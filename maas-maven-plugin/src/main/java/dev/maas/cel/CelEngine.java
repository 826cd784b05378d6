package dev.maas.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles CEL expressions over a fixed set of dynamically typed variables.
 *
 * <p>The environment has the standard library, macros, and the string, list, set, math and optional
 * extensions (Kuadrant and Kubernetes both offer them), so predicates such as {@code
 * request.path.split("/")[1]} compile. An engine is immutable and safe to share between threads.
 */
public final class CelEngine {

  /**
   * Comprehensions in rules and predicates walk lists of bounded size; this cap stops a runaway
   * one.
   */
  private static final int MAX_ITERATIONS = 1_000_000;

  private final Cel cel;
  private final Set<String> variables;

  private CelEngine(Cel cel, Set<String> variables) {
    this.cel = cel;
    this.variables = variables;
  }

  /** An engine whose expressions may use {@code variables}, each of any type. */
  public static CelEngine withVariables(String... variables) {
    return withVariables(List.of(variables));
  }

  /** An engine whose expressions may use {@code variables}, each of any type. */
  public static CelEngine withVariables(Collection<String> variables) {
    CelOptions options =
        CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .enableOptionalSyntax(true)
            .comprehensionMaxIterations(MAX_ITERATIONS)
            .build();
    var builder =
        CelFactory.standardCelBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(
                CelExtensions.strings(),
                CelExtensions.lists(),
                CelExtensions.sets(options),
                CelExtensions.math(options),
                CelExtensions.optional())
            .addRuntimeLibraries(
                CelExtensions.strings(),
                CelExtensions.lists(),
                CelExtensions.sets(options),
                CelExtensions.math(options),
                CelExtensions.optional());
    Set<String> names = new TreeSet<>(variables);
    for (String name : names) {
      builder.addVar(name, SimpleType.DYN);
    }
    return new CelEngine(builder.build(), Set.copyOf(names));
  }

  /** The variables an expression may use. */
  public Set<String> variables() {
    return variables;
  }

  /** Parses and checks {@code expression} once; the result can be evaluated many times. */
  public CelExpression compile(String expression) throws CelFailure {
    CelValidationResult result;
    try {
      result = cel.compile(expression);
    } catch (RuntimeException e) {
      throw new CelFailure(expression, "cannot compile: " + e.getMessage());
    }
    if (result.hasError()) {
      throw new CelFailure(expression, "cannot compile: " + issues(result));
    }
    try {
      var ast = result.getAst();
      return new CelExpression(
          expression,
          cel.createProgram(ast),
          CelAttributes.of(ast.getExpr(), variables),
          cel,
          ast,
          variables);
    } catch (CelEvaluationException | dev.cel.common.CelValidationException e) {
      throw new CelFailure(expression, "cannot compile: " + e.getMessage());
    }
  }

  /**
   * What compiling one expression gave.
   *
   * @param expression the compiled expression, or {@code null}
   * @param failure why it does not compile, or {@code null}
   */
  public record Outcome(CelExpression expression, CelFailure failure) {}

  /**
   * Compiles many expressions, each as {@link #compile} would, at the cost of few compilations:
   * checking an expression first builds the whole environment of declarations, which costs more
   * than checking a short predicate. The expressions are checked together as the elements of one
   * list, each wrapped in {@code dyn(..)} so that none lends its types to another, and every
   * element is then taken apart. The list is trusted only when it has one element per expression,
   * each a {@code dyn} call that starts in its own wrapping (an expression that does not end where
   * its text ends, such as an open string or bracket, moves one); otherwise, or when any expression
   * does not compile, each is compiled alone.
   *
   * @return the outcomes, in the order of {@code expressions}
   */
  public List<Outcome> compileAll(List<String> expressions) {
    if (expressions.size() > 1) {
      List<Outcome> together = together(expressions);
      if (together != null) {
        return together;
      }
    }
    List<Outcome> out = new ArrayList<>(expressions.size());
    for (String expression : expressions) {
      try {
        out.add(new Outcome(compile(expression), null));
      } catch (CelFailure failure) {
        out.add(new Outcome(null, failure));
      }
    }
    return out;
  }

  private static final String OPEN = "dyn(\n";
  private static final String CLOSE = "\n),\n";

  private List<Outcome> together(List<String> expressions) {
    StringBuilder text = new StringBuilder("[\n");
    List<int[]> wrappings = new ArrayList<>();
    List<String> all = new ArrayList<>(expressions);
    // A last element of known text closes the list, so that the last expression's end is checked
    // like the others'.
    all.add("true");
    for (String expression : all) {
      int start = text.codePointCount(0, text.length());
      text.append(OPEN);
      wrappings.add(new int[] {start, start + OPEN.length()});
      text.append(expression).append(CLOSE);
    }
    text.append(']');
    CelAbstractSyntaxTree ast;
    try {
      CelValidationResult result = cel.compile(text.toString());
      if (result.hasError()) {
        return null;
      }
      ast = result.getAst();
    } catch (RuntimeException | dev.cel.common.CelValidationException e) {
      return null;
    }
    CelExpr top = ast.getExpr();
    if (top.getKind() != CelExpr.ExprKind.Kind.LIST
        || top.list().elements().size() != all.size()
        || !top.list().optionalIndices().isEmpty()) {
      return null;
    }
    List<Outcome> out = new ArrayList<>(expressions.size());
    for (int i = 0; i < all.size(); i++) {
      CelExpr element = top.list().elements().get(i);
      Integer at = ast.getSource().getPositionsMap().get(element.id());
      if (element.getKind() != CelExpr.ExprKind.Kind.CALL
          || element.call().target().isPresent()
          || !element.call().function().equals("dyn")
          || element.call().args().size() != 1
          || at == null
          || at < wrappings.get(i)[0]
          || at >= wrappings.get(i)[1]) {
        return null;
      }
      if (i < expressions.size()) {
        CelExpr part = element.call().args().get(0);
        CelAbstractSyntaxTree partAst =
            CelAbstractSyntaxTree.newCheckedAst(
                part, ast.getSource(), ast.getReferenceMap(), ast.getTypeMap());
        try {
          out.add(
              new Outcome(
                  new CelExpression(
                      expressions.get(i),
                      cel.createProgram(partAst),
                      CelAttributes.of(part, variables),
                      cel,
                      partAst,
                      variables),
                  null));
        } catch (CelEvaluationException | RuntimeException e) {
          return null;
        }
      }
    }
    return out;
  }

  private static String issues(CelValidationResult result) {
    List<String> lines = new ArrayList<>();
    result.getErrors().forEach(issue -> lines.add(issue.getMessage()));
    return String.join("; ", lines);
  }
}
