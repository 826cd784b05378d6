package dev.maas.tokenservice.quota;

import java.util.Map;

/**
 * One counter as Limitador's {@code GET /counters/{namespace}} lists it (limitador-server
 * src/http_api/request_types.rs, {@code Counter} and {@code Limit}).
 *
 * @param name the limit's name
 * @param seconds the limit's window
 * @param maxValue the limit's {@code max_value}
 * @param setVariables the values of the limit's variables this counter counts
 * @param remaining what is left in the window, or {@code null} when Limitador did not say
 * @param expiresInSeconds when the window ends, or {@code null} when Limitador did not say
 */
public record Counter(
    String name,
    long seconds,
    long maxValue,
    Map<String, String> setVariables,
    Long remaining,
    Long expiresInSeconds) {

  public Counter {
    setVariables = Map.copyOf(setVariables);
  }
}
