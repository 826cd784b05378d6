package dev.maas.render.monitoring;

import java.math.BigDecimal;

/** Spec text inside PromQL. */
final class PromQl {

  private PromQl() {}

  /** A label value inside double quotes. */
  static String label(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** {@code percent} % of {@code whole}, without trailing zeros: where a warning starts. */
  static BigDecimal percentOf(BigDecimal whole, int percent) {
    return whole
        .multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100))
        .stripTrailingZeros();
  }
}
