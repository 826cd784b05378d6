package dev.maas.cel;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.HexFormat;
import java.util.List;

/**
 * A syntax tree written out as text that tells trees apart: equal trees give equal text, different
 * trees different text (every name and string is written with its length before it, so no text of
 * one part can be read as the start of another). Writing costs a walk of the tree, where printing
 * it back as CEL also checks every field name against CEL's grammar with a regular expression.
 */
final class CelExprKey {

  private final StringBuilder out = new StringBuilder(128);

  private CelExprKey() {}

  /**
   * The text of {@code expr}, or {@code null} where it holds a comprehension (whose written form
   * may not tell apart what it does) or a constant of a kind no predicate writes (a timestamp or a
   * duration).
   */
  static String of(CelExpr expr) {
    CelExprKey key = new CelExprKey();
    return key.write(expr) ? key.out.toString() : null;
  }

  private boolean write(CelExpr expr) {
    switch (expr.getKind()) {
      case CONSTANT:
        return constant(expr.constant());
      case IDENT:
        out.append('I');
        text(expr.ident().name());
        return true;
      case SELECT:
        out.append(expr.select().testOnly() ? "H(" : "S(");
        if (!write(expr.select().operand())) {
          return false;
        }
        out.append(')');
        text(expr.select().field());
        return true;
      case CALL:
        out.append('C');
        text(expr.call().function());
        if (expr.call().target().isPresent()) {
          out.append('.');
          if (!write(expr.call().target().get())) {
            return false;
          }
        }
        return all('(', expr.call().args(), ')');
      case LIST:
        out.append('O').append(expr.list().optionalIndices());
        return all('[', expr.list().elements(), ']');
      case MAP:
        out.append('{');
        for (CelExpr.CelMap.Entry entry : expr.map().entries()) {
          out.append(entry.optionalEntry() ? '?' : ':');
          if (!write(entry.key()) || !write(entry.value())) {
            return false;
          }
        }
        out.append('}');
        return true;
      case STRUCT:
        out.append('R');
        text(expr.struct().messageName());
        out.append('{');
        for (CelExpr.CelStruct.Entry entry : expr.struct().entries()) {
          out.append(entry.optionalEntry() ? '?' : ':');
          text(entry.fieldKey());
          if (!write(entry.value())) {
            return false;
          }
        }
        out.append('}');
        return true;
      default:
        return false;
    }
  }

  private boolean all(char open, List<CelExpr> parts, char close) {
    out.append(open);
    for (int i = 0; i < parts.size(); i++) {
      out.append(',');
      if (!write(parts.get(i))) {
        return false;
      }
    }
    out.append(close);
    return true;
  }

  private boolean constant(CelConstant constant) {
    switch (constant.getKind()) {
      case NULL_VALUE -> out.append('n');
      case BOOLEAN_VALUE -> out.append(constant.booleanValue() ? 't' : 'f');
      case INT64_VALUE -> out.append('i').append(constant.int64Value()).append(';');
      case UINT64_VALUE -> out.append('u').append(constant.uint64Value()).append(';');
      case DOUBLE_VALUE ->
          out.append('d').append(Double.doubleToRawLongBits(constant.doubleValue())).append(';');
      case STRING_VALUE -> {
        out.append('s');
        text(constant.stringValue());
      }
      case BYTES_VALUE -> {
        out.append('y');
        text(HexFormat.of().formatHex(constant.bytesValue().toByteArray()));
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private void text(String text) {
    out.append(text.length()).append(':').append(text);
  }
}
