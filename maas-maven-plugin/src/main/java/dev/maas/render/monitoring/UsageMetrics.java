package dev.maas.render.monitoring;

import java.util.List;

/**
 * The metric names the monitoring reads: Limitador's counters, which the TelemetryPolicy labels
 * with tier, user, model and the attribution labels, and the series the recording rules make of
 * them.
 */
public final class UsageMetrics {

  /** Units Limitador admitted: tokens on the token limits (limitador {@code src/metrics.rs}). */
  public static final String AUTHORIZED_HITS = "authorized_hits";

  /** Calls Limitador admitted. */
  public static final String AUTHORIZED_CALLS = "authorized_calls";

  /** Calls Limitador refused (429). */
  public static final String LIMITED_CALLS = "limited_calls";

  /**
   * The metrics an exporter (Limitador) produces; every other name a query reads must be a
   * recording rule's.
   */
  public static final List<String> EXPORTED =
      List.of(AUTHORIZED_HITS, AUTHORIZED_CALLS, LIMITED_CALLS);

  /** Tokens per second by tier, model, user and cost centre. */
  public static final String TOKENS_RATE = "maas:tokens:rate5m";

  /**
   * The price of one token of a model (the higher of its input and output price), labelled by
   * model.
   */
  public static final String PRICE_PER_TOKEN = "maas_model:price_per_token";

  /** Spend per second by tier, model, user and cost centre. */
  public static final String COST_RATE = "maas:cost:rate5m";

  /** The labels the finest series keep. */
  static final String FINEST = "tier, model, user, cost_center";

  private UsageMetrics() {}

  /** Tokens per second summed by {@code label}: {@code maas_tier:tokens:rate5m}. */
  public static String tokensRateBy(String label) {
    return "maas_" + label + ":tokens:rate5m";
  }

  /** Spend per second summed by {@code label}: {@code maas_tier:cost:rate5m}. */
  public static String costRateBy(String label) {
    return "maas_" + label + ":cost:rate5m";
  }

  /** Spend over the last 30 days summed by {@code label}: {@code maas_tier:cost:30d}. */
  public static String cost30dBy(String label) {
    return "maas_" + label + ":cost:30d";
  }
}
