package dev.maas.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost side of a plan: each tier's worst-case monthly spend before and after, and the counters
 * the change restarts from zero.
 *
 * @param currency the currency of the amounts, or {@code null} when neither side has prices
 * @param before the base side's rows, by tier
 * @param after the new side's rows, in tier order
 * @param warnPercent a rise of worst-case spend past this percent is breaking
 * @param resets the counters that restart from zero
 */
public record PlanCost(
    String currency,
    Map<String, SpendTable.Row> before,
    List<SpendTable.Row> after,
    int warnPercent,
    List<QuotaContinuity.Reset> resets) {

  /** The default of {@code maas.plan.spendIncreaseWarnPercent}. */
  public static final int DEFAULT_WARN_PERCENT = 20;

  /** No cost side. */
  static final PlanCost NONE =
      new PlanCost(null, Map.of(), List.of(), DEFAULT_WARN_PERCENT, List.of());

  /** The cost side of the change from {@code before} to {@code after}. */
  static PlanCost between(PlatformSide before, PlatformSide after, int warnPercent) {
    PriceTable oldPrices = PriceTable.of(before.tree());
    PriceTable newPrices = PriceTable.of(after.tree());
    Map<String, SpendTable.Row> old = new LinkedHashMap<>();
    SpendTable.of(before.matrix(), oldPrices).forEach(r -> old.put(r.tier(), r));
    String currency = newPrices.currency() != null ? newPrices.currency() : oldPrices.currency();
    return new PlanCost(
        currency,
        old,
        SpendTable.of(after.matrix(), newPrices),
        warnPercent,
        QuotaContinuity.between(before, after));
  }

  /** The changes to list with the plan's others: spend rises and falls, then counter resets. */
  List<PolicyChange> changes() {
    List<PolicyChange> out = new ArrayList<>();
    for (SpendTable.Row now : after) {
      SpendTable.Row was = before.get(now.tier());
      if (was == null || java.util.Objects.equals(amountKey(was), amountKey(now))) {
        continue;
      }
      BigDecimal percent = SpendTable.increasePercent(was.amount(), now.amount());
      boolean unbounded = was.amount() != null && now.amount() == null;
      boolean breaking =
          unbounded || percent != null && percent.compareTo(BigDecimal.valueOf(warnPercent)) > 0;
      out.add(
          PolicyChange.of(
              breaking,
              now.tier(),
              ": worst-case spend per month "
                  + amount(was)
                  + " → "
                  + amount(now)
                  + " "
                  + currency
                  + (now.perUser() ? " per user" : "")
                  + (percent == null
                      ? ""
                      : " ("
                          + (percent.signum() >= 0 ? "+" : "")
                          + percent.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString()
                          + "%"
                          + (breaking
                              ? ", past maas.plan.spendIncreaseWarnPercent=" + warnPercent
                              : "")
                          + ")")));
    }
    resets.forEach(r -> out.add(PolicyChange.of(false, r.text())));
    return out;
  }

  private static String amountKey(SpendTable.Row row) {
    return row.amount() == null ? "unbounded" : SpendTable.money(row.amount());
  }

  static String amount(SpendTable.Row row) {
    return row == null ? "—" : row.amount() == null ? "unbounded" : SpendTable.money(row.amount());
  }

  /** The report's section: the spend table with its formula, and the counters that restart. */
  void markdown(StringBuilder out) {
    if (currency != null) {
      out.append("\n### Worst-case spend per month\n\n");
      out.append(Markdown.text(SpendTable.FORMULA)).append(".\n\n");
      out.append("| Tier | Cost centre | Counter | Before (")
          .append(currency)
          .append(") | After (")
          .append(currency)
          .append(") | Change |\n|---|---|---|---|---|---|\n");
      for (SpendTable.Row now : after) {
        SpendTable.Row was = before.get(now.tier());
        BigDecimal percent =
            was == null ? null : SpendTable.increasePercent(was.amount(), now.amount());
        out.append("| ")
            .append(Markdown.text(now.tier()))
            .append(" | ")
            .append(now.costCenter() == null ? "—" : Markdown.code(now.costCenter()))
            .append(" | ")
            .append(now.perUser() ? "per user" : "whole tier")
            .append(" | ")
            .append(amount(was))
            .append(" | ")
            .append(amount(now))
            .append(" | ")
            .append(
                percent == null
                    ? "—"
                    : (percent.signum() >= 0 ? "+" : "")
                        + percent.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString()
                        + "%")
            .append(" |\n");
      }
      out.append('\n');
      for (SpendTable.Row now : after) {
        out.append("- ")
            .append(Markdown.text(now.tier()))
            .append(": ")
            .append(Markdown.text(String.join("; ", now.terms())))
            .append('\n');
      }
    }
    if (!resets.isEmpty()) {
      out.append("\n### Quota continuity\n\n");
      resets.forEach(r -> out.append("- ").append(Markdown.text(r.text())).append('\n'));
    }
  }

  /** The same as JSON. */
  com.fasterxml.jackson.databind.node.ObjectNode json(
      com.fasterxml.jackson.databind.ObjectMapper mapper) {
    com.fasterxml.jackson.databind.node.ObjectNode node = mapper.createObjectNode();
    node.put("currency", currency);
    node.put("formula", SpendTable.FORMULA);
    node.put("spendIncreaseWarnPercent", warnPercent);
    com.fasterxml.jackson.databind.node.ArrayNode rows = node.putArray("spend");
    for (SpendTable.Row now : after) {
      SpendTable.Row was = before.get(now.tier());
      rows.addObject()
          .put("tier", now.tier())
          .put("costCenter", now.costCenter())
          .put("perUser", now.perUser())
          .put("before", was == null || was.amount() == null ? null : was.amount().toPlainString())
          .put("after", now.amount() == null ? null : now.amount().toPlainString());
    }
    com.fasterxml.jackson.databind.node.ArrayNode restarted = node.putArray("counterResets");
    resets.forEach(
        r ->
            restarted
                .addObject()
                .put("tier", r.tier())
                .put("was", r.was())
                .put("counter", r.counter())
                .put("who", r.who()));
    return node;
  }
}
