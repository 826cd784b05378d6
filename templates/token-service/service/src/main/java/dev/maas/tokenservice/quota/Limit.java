package dev.maas.tokenservice.quota;

import java.util.List;

/**
 * One limit as Limitador's {@code GET /limits/{namespace}} lists it (limitador-server
 * src/http_api/request_types.rs, {@code Limit}): Kuadrant makes one per rate of a policy's limit.
 *
 * @param name the limit's name
 * @param seconds its window
 * @param maxValue the most the window allows
 * @param variables the expressions whose values keep counters apart; empty for one shared counter
 */
public record Limit(String name, long seconds, long maxValue, List<String> variables) {

  public Limit {
    variables = List.copyOf(variables);
  }
}
