package dev.maas.tokenservice.config;

import java.util.List;

/**
 * Request and token rates that all apply. In a per-model override a null list keeps the tier's list of that kind.
 *
 * @param requests request rates; empty when requests are not counted
 * @param tokens token rates; empty when tokens are not counted
 */
public record LimitSet(List<RateEntry> requests, List<RateEntry> tokens) {

  /** No limits. */
  public static final LimitSet NONE = new LimitSet(List.of(), List.of());

  public LimitSet {
    requests = requests == null ? null : List.copyOf(requests);
    tokens = tokens == null ? null : List.copyOf(tokens);
  }

  /** These rates, with each list this set leaves null taken from {@code base}. */
  public LimitSet over(LimitSet base) {
    return new LimitSet(requests != null ? requests : base.requests(), tokens != null ? tokens : base.tokens());
  }
}
