package dev.maas.plan;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.LimitMatch;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most each tier can spend in a month under one side's limits. A tier's calls go to token
 * counters (one limit key, counted per user or for the whole tier); each counter admits at most
 * {@code min over its rates of limit × ⌈30d / window⌉} tokens a month, priced at the dearest model
 * it covers (every counted token at the higher of input and output price, since the gateway counts
 * total tokens). A model's cap bounds the same calls once more, across all callers: a counter never
 * spends more than the caps of its models allow. The tier's worst case is the sum over its
 * counters; a counter without a token limit, on a priced model without a cap, is unbounded.
 */
final class SpendTable {

  /** The month the table is for: 30 days, the spec's {@code 30d}. */
  static final long MONTH_MILLIS = 30 * 86_400_000L;

  /** The formula, as the report states it. */
  static final String FORMULA =
      "worst case per month = Σ over the tier's token counters of min(limit × ⌈30d ÷"
          + " window⌉ over the counter's rates) × the highest price per token (the dearer of input and output) among the"
          + " models the counter covers, each counter bounded by its models' caps; per user when the counters are per"
          + " user";

  /**
   * One tier's worst case.
   *
   * @param tier the tier
   * @param costCenter its cost centre, or {@code null}
   * @param perUser whether the amount is per user (the tier's counters are per user) rather than
   *     for the whole tier
   * @param amount the most it can spend in 30 days, or {@code null} when nothing bounds it
   * @param terms the counters it is made of, in words
   */
  record Row(
      String tier, String costCenter, boolean perUser, BigDecimal amount, List<String> terms) {}

  private SpendTable() {}

  /** The rows of {@code matrix} priced with {@code prices}, in tier order; empty without prices. */
  static List<Row> of(AccessMatrix matrix, PriceTable prices) {
    List<Row> rows = new ArrayList<>();
    if (matrix == null || prices.currency() == null) {
      return rows;
    }
    for (String tier : matrix.tiers()) {
      // The tier's counters: calls that meet the same (non-cap) token limit share it; calls without
      // one are apart.
      Map<String, List<String>> modelsByCounter = new LinkedHashMap<>();
      Map<String, LimitMatch> limitByCounter = new LinkedHashMap<>();
      Map<String, List<LimitMatch>> capsByModel = new LinkedHashMap<>();
      boolean perUser = false;
      for (String model : matrix.models()) {
        AccessMatrix.Cell cell = matrix.cell(tier, model);
        if (cell == null || !cell.access()) {
          continue;
        }
        LimitMatch own =
            cell.tokenLimits().stream().filter(l -> !l.global()).findFirst().orElse(null);
        capsByModel.put(model, cell.tokenLimits().stream().filter(LimitMatch::global).toList());
        String counter = own == null ? "unlimited:" + model : own.counterIdentity();
        modelsByCounter.computeIfAbsent(counter, k -> new ArrayList<>()).add(model);
        if (own != null) {
          limitByCounter.put(counter, own);
          perUser |= own.perUser();
        }
      }
      BigDecimal total = BigDecimal.ZERO;
      List<String> terms = new ArrayList<>();
      for (Map.Entry<String, List<String>> counter : modelsByCounter.entrySet()) {
        LimitMatch limit = limitByCounter.get(counter.getKey());
        BigDecimal spend = counterSpend(limit, counter.getValue(), capsByModel, prices);
        terms.add(
            (limit == null ? "no token limit" : "`" + limit.key() + "` " + limit.ratesText())
                + " on "
                + String.join(", ", counter.getValue())
                + ": "
                + (spend == null ? "unbounded" : money(spend)));
        total = spend == null || total == null ? null : total.add(spend);
      }
      rows.add(new Row(tier, prices.costCenters().get(tier), perUser, total, terms));
    }
    return rows;
  }

  /**
   * The most one counter spends: its tokens at its dearest model, or what its models' caps allow if
   * less.
   */
  private static BigDecimal counterSpend(
      LimitMatch limit,
      List<String> models,
      Map<String, List<LimitMatch>> caps,
      PriceTable prices) {
    BigDecimal dearest =
        models.stream().map(prices::price).reduce(BigDecimal.ZERO, BigDecimal::max);
    BigDecimal byLimit =
        limit == null ? null : BigDecimal.valueOf(monthlyTokens(limit.rates())).multiply(dearest);
    BigDecimal byCaps = BigDecimal.ZERO;
    for (String model : models) {
      List<LimitMatch> modelCaps = caps.getOrDefault(model, List.of());
      if (prices.price(model).signum() == 0) {
        continue; // an unpriced model adds no spend, capped or not
      }
      if (modelCaps.isEmpty()) {
        byCaps = null;
        break;
      }
      long capTokens =
          modelCaps.stream().mapToLong(c -> monthlyTokens(c.rates())).min().orElseThrow();
      byCaps = byCaps.add(BigDecimal.valueOf(capTokens).multiply(prices.price(model)));
    }
    if (byLimit == null) {
      return byCaps;
    }
    return byCaps == null ? byLimit : byLimit.min(byCaps);
  }

  /** The most tokens {@code rates} admit in 30 days: the tightest of limit × ⌈30d ÷ window⌉. */
  static long monthlyTokens(List<LimitMatch.RateValue> rates) {
    long most = Long.MAX_VALUE;
    for (LimitMatch.RateValue rate : rates) {
      long windows = (MONTH_MILLIS + rate.millis() - 1) / rate.millis();
      most = Math.min(most, Math.multiplyExact(rate.limit(), windows));
    }
    return most;
  }

  /** An amount to the cent: {@code 12,978.00}. */
  static String money(BigDecimal amount) {
    return String.format(java.util.Locale.US, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
  }

  /**
   * The change from {@code before} to {@code after} in percent, or {@code null} when there is no
   * base to compare.
   */
  static BigDecimal increasePercent(BigDecimal before, BigDecimal after) {
    if (before == null || after == null || before.signum() == 0) {
      return null;
    }
    return after
        .subtract(before)
        .multiply(BigDecimal.valueOf(100))
        .divide(before, MathContext.DECIMAL64);
  }
}
