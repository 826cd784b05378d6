package dev.maas.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Collects every diagnostic of a run so that all are reported at once, then a total. */
public final class Diagnostics {

  /**
   * The order of {@link #sorted}, in a class of its own: {@link #total} is printed by runs that
   * sort nothing, and building this comparator's lambdas is most of a fresh JVM's cost of this
   * class.
   */
  private static final class Order {
    static final Comparator<Diagnostic> ORDER =
        Comparator.comparing((Diagnostic d) -> d.location().file())
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column())
            .thenComparing(Diagnostic::pointer)
            .thenComparing(Diagnostic::message);
  }

  private final List<Diagnostic> items = new ArrayList<>();

  /** Adds one diagnostic. */
  public void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  /** Adds several diagnostics. */
  public void addAll(Collection<Diagnostic> diagnostics) {
    items.addAll(diagnostics);
  }

  /** Every diagnostic, sorted by file, line, column, then pointer; duplicates removed. */
  public List<Diagnostic> sorted() {
    return items.stream().distinct().sorted(Order.ORDER).toList();
  }

  /** The number of errors. */
  public long errorCount() {
    return sorted().stream().filter(Diagnostic::isError).count();
  }

  /** The number of warnings. */
  public long warningCount() {
    return sorted().stream().filter(d -> !d.isError()).count();
  }

  /** Whether any error was found. */
  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  /** Whether nothing at all was found. */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** The closing total, e.g. {@code 2 errors, 1 warning}. */
  public String summary() {
    return total(errorCount(), warningCount());
  }

  /** Formats a total of errors and warnings the way compilers do. */
  public static String total(long errors, long warnings) {
    // A builder, not +: the first concatenation of each shape makes a fresh JVM spin classes.
    StringBuilder text = new StringBuilder();
    plural(text, errors, "error").append(", ");
    return plural(text, warnings, "warning").toString();
  }

  private static StringBuilder plural(StringBuilder text, long count, String word) {
    text.append(count).append(' ').append(word);
    return count == 1 ? text : text.append('s');
  }
}
