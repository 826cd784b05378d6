package dev.maas.model;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What a model's tokens cost.
 *
 * @param currency an ISO 4217 code, such as {@code USD}
 * @param inputPerMillion the price of a million prompt tokens
 * @param outputPerMillion the price of a million completion tokens
 */
public record Pricing(String currency, BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /**
   * The price of one token when it is not known which kind it is: the higher of the two. The
   * gateway counts {@code usage.total_tokens} only, so a bound on spend must price every counted
   * token as the dearer kind.
   */
  public BigDecimal highestPerToken() {
    return inputPerMillion.max(outputPerMillion).divide(MILLION, MathContext.DECIMAL64);
  }

  /** The higher of the two prices, per million tokens. */
  public BigDecimal highestPerMillion() {
    return inputPerMillion.max(outputPerMillion);
  }
}
