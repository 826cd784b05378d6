package dev.maas.plan;

/**
 * One change of who can call what at what rate, in words.
 *
 * @param text e.g. {@code premium: tokens per 1m for llama-70b 20,000 → 40,000}
 * @param breaking whether a caller can be refused what it gets today (access lost, a limit lowered
 *     or added, a tier or model removed, members leaving a tier)
 * @param markdown the same words for Markdown: escaped, and free-text names (groups) in code spans,
 *     so that nothing from the spec renders as markup
 */
public record PolicyChange(String text, boolean breaking, String markdown) {

  /** A change whose every word is escaped for Markdown. */
  public PolicyChange(String text, boolean breaking) {
    this(text, breaking, Markdown.text(text));
  }

  /** Free text taken from the spec (a group): shown as code in Markdown. */
  record Name(String value) {}

  /**
   * A change from words ({@link String}, escaped in Markdown) and free-text names ({@link Name},
   * code in Markdown).
   */
  static PolicyChange of(boolean breaking, Object... parts) {
    StringBuilder text = new StringBuilder();
    StringBuilder markdown = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Name name) {
        text.append(name.value());
        markdown.append(Markdown.code(name.value()));
      } else {
        text.append(part);
        markdown.append(Markdown.text(String.valueOf(part)));
      }
    }
    return new PolicyChange(text.toString(), breaking, markdown.toString());
  }
}
