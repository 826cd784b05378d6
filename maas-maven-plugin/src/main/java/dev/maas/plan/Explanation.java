package dev.maas.plan;

import java.util.List;

/**
 * Why the gateway treats a request of one tier to one model as it does.
 *
 * @param tier the tier
 * @param model the model
 * @param request the request evaluated, e.g. {@code POST /llm/llama-70b/v1/chat/completions}
 * @param allowed whether the gateway lets it through
 * @param rules each rule the request meets, with the spec line it came from
 */
public record Explanation(
    String tier, String model, String request, boolean allowed, List<Rule> rules) {

  /**
   * One rule a request meets.
   *
   * @param what the rule in words
   * @param source where the spec says it ({@code platform-specs/acme.yaml:44:9}), or where the
   *     policy says it
   */
  public record Rule(String what, String source) {}

  public Explanation {
    rules = List.copyOf(rules);
  }

  /** The explanation as lines to print. */
  public List<String> lines() {
    List<String> out = new java.util.ArrayList<>();
    out.add(
        "tier "
            + tier
            + " → model "
            + model
            + " ("
            + request
            + "): "
            + (allowed ? "ALLOWED" : "DENIED"));
    for (Rule rule : rules) {
      out.add("  " + rule.what() + (rule.source() == null ? "" : "  [" + rule.source() + "]"));
    }
    return out;
  }
}
