package dev.maas.plan;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.LimitMatch;
import dev.maas.check.proof.Verdict;
import dev.maas.model.Model;
import dev.maas.model.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The cost side of an explanation of one tier × model: the model's cap, its price, the most tokens
 * the tier's counter admits in a month (the quota), and the worst-case spend if all of them went to
 * this model.
 */
final class CostExplainer {

  private CostExplainer() {}

  /**
   * The rules for {@code verdict}, a call of {@code model} (the {@code m}th model) by {@code tier};
   * {@code where} turns a JSON pointer into its spec location. None when the platform has no prices
   * and the model no cap: there is no cost to tell.
   */
  static List<Explanation.Rule> rules(
      boolean priced, Tier tier, Model model, int m, Verdict verdict, UnaryOperator<String> where) {
    List<Explanation.Rule> out = new ArrayList<>();
    if (!priced && model.cap() == null) {
      return out;
    }
    String modelPointer = "/spec/models/" + m;
    List<LimitMatch> caps = verdict.tokenLimits().stream().filter(LimitMatch::global).toList();
    List<LimitMatch> requestCaps =
        verdict.requestLimits().stream().filter(LimitMatch::global).toList();
    for (LimitMatch cap : concat(requestCaps, caps)) {
      out.add(
          new Explanation.Rule(
              "model cap "
                  + cap.key()
                  + ": "
                  + cap.ratesText()
                  + ", one counter for every"
                  + " caller of "
                  + model.name()
                  + " in every tier",
              where.apply(modelPointer + "/limits")));
    }
    LimitMatch own =
        verdict.tokenLimits().stream().filter(l -> !l.global()).findFirst().orElse(null);
    Long quota = own == null ? null : SpendTable.monthlyTokens(own.rates());
    Long capTokens =
        caps.isEmpty()
            ? null
            : caps.stream().mapToLong(c -> SpendTable.monthlyTokens(c.rates())).min().orElseThrow();
    String unit = own != null && own.perUser() ? " per user" : " for the whole tier";
    out.add(
        new Explanation.Rule(
            "quota: "
                + (quota == null
                    ? "no token limit, so no monthly quota"
                    : "at most "
                        + AccessMatrix.number(quota)
                        + " tokens in 30 days"
                        + unit
                        + " ("
                        + own.ratesText()
                        + ", the tightest of limit × ⌈30d ÷ window⌉)"),
            null));
    if (model.pricing() == null) {
      out.add(
          new Explanation.Rule(
              "price: none, so no spend is counted for " + model.name(),
              where.apply(modelPointer + "/name")));
      return out;
    }
    BigDecimal perToken = model.pricing().highestPerToken();
    out.add(
        new Explanation.Rule(
            "price: "
                + plain(model.pricing().inputPerMillion())
                + " "
                + model.pricing().currency()
                + " per million input tokens, "
                + plain(model.pricing().outputPerMillion())
                + " per million output tokens; every counted token priced at the"
                + " dearer, "
                + plain(model.pricing().highestPerMillion())
                + " per million",
            where.apply(modelPointer + "/pricing")));
    Long tokens =
        quota == null ? capTokens : capTokens == null ? quota : Math.min(quota, capTokens);
    out.add(
        new Explanation.Rule(
            "worst-case spend: "
                + (tokens == null
                    ? "unbounded (no token limit and no cap)"
                    : SpendTable.money(BigDecimal.valueOf(tokens).multiply(perToken))
                        + " "
                        + model.pricing().currency()
                        + " per 30 days"
                        + (tokens.equals(quota)
                            ? unit
                            : " for all callers, bounded by the model's cap")
                        + " = "
                        + AccessMatrix.number(tokens)
                        + " tokens × "
                        + plain(model.pricing().highestPerMillion())
                        + " per million"),
            null));
    return out;
  }

  private static List<LimitMatch> concat(List<LimitMatch> a, List<LimitMatch> b) {
    List<LimitMatch> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** A decimal as the spec writes it. */
  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
