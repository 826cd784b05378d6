package dev.maas.commandline.user;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns; control characters in values are shown escaped, never
 * sent raw.
 */
final class Table {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(String... values) {
    List<String> row = new ArrayList<>();
    for (String v : values) {
      row.add(printable(v == null ? "" : v));
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> r : rows) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    line(out, header, widths);
    for (List<String> r : rows) {
      line(out, r, widths);
    }
    out.flush();
  }

  private static void line(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      b.append(
          i == cells.size() - 1
              ? cells.get(i)
              : String.format("%-" + widths[i] + "s  ", cells.get(i)));
    }
    out.println(b.toString().stripTrailing());
  }

  /**
   * {@code value} with control characters as {@code \\uXXXX}: a name from the spec cannot drive the
   * terminal.
   */
  static String printable(String value) {
    StringBuilder b = new StringBuilder();
    value
        .codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }
}
