package dev.maas.check.proof;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One limit of a RateLimitPolicy or TokenRateLimitPolicy whose predicates all hold for a request.
 *
 * @param policy the policy, {@code Kind namespace/name}
 * @param file the file that holds the policy
 * @param key the limit's key in {@code spec.limits}
 * @param rates its rates, as written
 * @param counters the counter expressions; empty when all callers share one counter
 * @param perUser whether two users of one tier count separately (the counters evaluate differently
 *     for them)
 * @param scope the Limitador namespace the limit is counted in: {@code namespace/name} of the
 *     HTTPRoute it applies to
 * @param counterValues what the counter expressions give for this request, in order; empty without
 *     counters
 * @param global whether no predicate reads who calls: every caller of what it matches meets it (a
 *     model's cap)
 */
public record LimitMatch(
    String policy,
    String file,
    String key,
    List<RateValue> rates,
    List<String> counters,
    boolean perUser,
    String scope,
    List<String> counterValues,
    boolean global) {

  /**
   * One rate of a limit.
   *
   * @param limit units allowed per window
   * @param window the window as Kuadrant writes it ({@code 1m}, {@code 24h})
   * @param millis the window's length
   */
  public record RateValue(long limit, String window, long millis) {

    /** {@code 20000/1m}. */
    @Override
    public String toString() {
      return limit + "/" + window;
    }
  }

  public LimitMatch {
    rates = List.copyOf(rates);
    counters = List.copyOf(counters);
    counterValues = List.copyOf(counterValues);
  }

  /** The same limit with {@code rates} (say, windows spelt another way). */
  public LimitMatch withRates(List<RateValue> rates) {
    return new LimitMatch(
        policy, file, key, rates, counters, perUser, scope, counterValues, global);
  }

  /** The same limit counted in {@code scope}. */
  public LimitMatch in(String scope) {
    return new LimitMatch(
        policy, file, key, rates, counters, perUser, scope, counterValues, global);
  }

  /**
   * The one Limitador counter this request adds to for {@code rate}: Kuadrant names a limit by its
   * policy and key ({@code LimitNameToLimitadorIdentifier}), counts it in the route's namespace,
   * per window, and per value of its counter expressions; requests that give the same text share
   * the counter.
   */
  public String counterOf(RateValue rate) {
    return counterIdentity()
        + " per "
        + rate.window()
        + (counterValues.isEmpty() ? "" : " for " + String.join(", ", counterValues));
  }

  /**
   * What names one set of counters in Limitador: the policy, the limit and the route's namespace.
   */
  public String counterIdentity() {
    return policy + " " + key + " @ " + scope;
  }

  /** The rates as {@code 50000/1m, 2000000/24h}. */
  public String ratesText() {
    return rates.stream().map(RateValue::toString).collect(Collectors.joining(", "));
  }
}
