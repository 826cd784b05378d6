package dev.maas.render.monitoring;

/** Spec text inside PromQL. */
final class PromQl {

  private PromQl() {}

  /** A label value inside double quotes. */
  static String label(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
