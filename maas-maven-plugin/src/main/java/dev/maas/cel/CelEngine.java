package dev.maas.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
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
 * extensions (Kuadrant and Kubernetes both offer them), so predicates such as
 * {@code request.path.split("/")[1]} compile. An engine is immutable and safe to share between threads.
 */
public final class CelEngine {

  /** Comprehensions in rules and predicates walk lists of bounded size; this cap stops a runaway one. */
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
    CelOptions options = CelOptions.current()
        .enableHeterogeneousNumericComparisons(true)
        .enableOptionalSyntax(true)
        .comprehensionMaxIterations(MAX_ITERATIONS)
        .build();
    var builder = CelFactory.standardCelBuilder()
        .setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addCompilerLibraries(CelExtensions.strings(), CelExtensions.lists(), CelExtensions.sets(options),
            CelExtensions.math(options), CelExtensions.optional())
        .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.lists(), CelExtensions.sets(options),
            CelExtensions.math(options), CelExtensions.optional());
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
      return new CelExpression(expression, cel.createProgram(ast), CelAttributes.of(ast.getExpr(), variables), cel, ast,
          variables);
    } catch (CelEvaluationException | dev.cel.common.CelValidationException e) {
      throw new CelFailure(expression, "cannot compile: " + e.getMessage());
    }
  }

  private static String issues(CelValidationResult result) {
    List<String> lines = new ArrayList<>();
    result.getErrors().forEach(issue -> lines.add(issue.getMessage()));
    return String.join("; ", lines);
  }
}
