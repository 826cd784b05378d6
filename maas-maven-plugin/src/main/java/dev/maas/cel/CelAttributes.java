package dev.maas.cel;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes of its variables an expression reads, found in its syntax tree: each is a chain of
 * field selections from a variable ({@code auth.identity.tier} is {@code [auth, identity, tier]}).
 * An expression's value depends on nothing else, so callers may reuse a value for equal attributes.
 */
final class CelAttributes {

  private final Set<String> variables;
  private final Set<List<String>> found = new HashSet<>();
  private boolean analysable = true;

  private CelAttributes(Set<String> variables) {
    this.variables = variables;
  }

  /**
   * The attributes {@code expr} reads, or empty when a comprehension's own variable hides one of
   * {@code variables}.
   */
  static Optional<Set<List<String>>> of(CelExpr expr, Set<String> variables) {
    CelAttributes walk = new CelAttributes(variables);
    walk.visit(expr, Set.of());
    return walk.analysable ? Optional.of(Set.copyOf(walk.found)) : Optional.empty();
  }

  private void visit(CelExpr expr, Set<String> hidden) {
    switch (expr.getKind()) {
      case IDENT -> {
        if (variables.contains(expr.ident().name())) {
          found.add(List.of(expr.ident().name()));
        }
      }
      case SELECT -> {
        List<String> chain = chain(expr);
        if (chain != null && variables.contains(chain.get(0)) && !hidden.contains(chain.get(0))) {
          // The whole selected value, or for has() its presence, is what the expression reads here.
          found.add(chain);
        } else {
          visit(expr.select().operand(), hidden);
        }
      }
      case CALL -> {
        expr.call().target().ifPresent(t -> visit(t, hidden));
        expr.call().args().forEach(a -> visit(a, hidden));
      }
      case LIST -> expr.list().elements().forEach(e -> visit(e, hidden));
      case MAP ->
          expr.map()
              .entries()
              .forEach(
                  e -> {
                    visit(e.key(), hidden);
                    visit(e.value(), hidden);
                  });
      case STRUCT -> expr.struct().entries().forEach(e -> visit(e.value(), hidden));
      case COMPREHENSION -> {
        var c = expr.comprehension();
        Set<String> inner = new HashSet<>(hidden);
        inner.add(c.iterVar());
        inner.add(c.accuVar());
        if (!c.iterVar2().isEmpty()) {
          inner.add(c.iterVar2());
        }
        if (inner.stream().anyMatch(variables::contains)) {
          // A loop variable named like a platform variable would make a chain ambiguous; do not
          // guess.
          analysable = false;
        }
        visit(c.iterRange(), hidden);
        visit(c.accuInit(), hidden);
        visit(c.loopCondition(), inner);
        visit(c.loopStep(), inner);
        visit(c.result(), inner);
      }
      default -> {
        // Constants read nothing.
      }
    }
  }

  /**
   * {@code a.b.c} as {@code [a, b, c]} when the chain starts at an identifier, else {@code null}.
   */
  private static List<String> chain(CelExpr expr) {
    List<String> reversed = new ArrayList<>();
    CelExpr at = expr;
    while (at.getKind() == CelExpr.ExprKind.Kind.SELECT) {
      reversed.add(at.select().field());
      at = at.select().operand();
    }
    if (at.getKind() != CelExpr.ExprKind.Kind.IDENT) {
      return null;
    }
    reversed.add(at.ident().name());
    List<String> chain = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      // Interned: the attribute is looked up in maps whose keys are written in code, which then
      // find it by identity.
      chain.add(reversed.get(i).intern());
    }
    return List.copyOf(chain);
  }
}
