package dev.maas.model;

import java.util.List;

/**
 * Request and token limits, each a list of rates that all apply.
 *
 * @param requests request rates (empty: requests are not limited by count)
 * @param tokens token rates (empty: tokens are not limited)
 * @param counter who shares the counters
 */
public record Limits(List<Rate> requests, List<Rate> tokens, String counter) {

  public Limits {
    requests = requests == null ? List.of() : List.copyOf(requests);
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
    counter = counter == null ? "user" : counter;
  }

  /** No limits at all. */
  public static Limits none() {
    return new Limits(List.of(), List.of(), "user");
  }

  /** The counter scope. */
  public CounterScope counterScope() {
    return CounterScope.of(counter);
  }
}
