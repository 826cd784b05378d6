package dev.maas.tokenservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.tokenservice.http.Refusal;
import dev.maas.tokenservice.text.Durations;
import java.util.Map;

/**
 * The lifetime a token request asks for: whole seconds or a duration text, at most the configured
 * maximum.
 */
final class Lifetimes {

  private final long defaultTtl;
  private final long maxTtl;

  Lifetimes(long defaultTtl, long maxTtl) {
    this.defaultTtl = defaultTtl;
    this.maxTtl = maxTtl;
  }

  long of(JsonNode requested) throws Refusal {
    long ttl;
    if (requested.isMissingNode() || requested.isNull()) {
      ttl = defaultTtl;
    } else if (requested.isIntegralNumber()
        && requested.canConvertToLong()
        && requested.asLong() > 0) {
      ttl = requested.asLong();
    } else if (requested.isTextual()) {
      try {
        ttl = Durations.seconds(requested.asText());
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw Refusal.badRequest(
            e instanceof ArithmeticException ? "the lifetime is too long" : e.getMessage());
      }
    } else {
      throw Refusal.badRequest("a lifetime is a duration like \"4h\" or whole seconds above zero");
    }
    if (ttl > maxTtl) {
      // Refused, not capped: a client that asked for a month must not silently get four hours.
      throw new Refusal(
          400,
          "ttl_too_long",
          "requested lifetime "
              + ttl
              + "s is longer than the maximum of "
              + maxTtl
              + "s ("
              + Durations.format(maxTtl)
              + ")",
          Map.of("maxTTL", maxTtl));
    }
    return ttl;
  }
}
