package dev.maas.render.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.model.Platform;
import dev.maas.model.Window;
import dev.maas.render.KubeObject;

/**
 * Every rate-limit window is in Kuadrant's syntax (no days: {@code 1d} must have become {@code
 * 24h}).
 */
public final class KuadrantWindowCheck implements EachObjectCheck {

  @Override
  public void checkObject(Platform platform, KubeObject o) {
    if (!o.kind().endsWith("RateLimitPolicy")) {
      return;
    }
    for (JsonNode limit :
        (Iterable<JsonNode>) () -> o.body().path("spec").path("limits").elements()) {
      for (JsonNode rate : limit.path("rates")) {
        String window = rate.path("window").asText("");
        if (!Window.KUADRANT_SYNTAX.matcher(window).matches()) {
          throw new IllegalStateException(
              o.kind() + " " + o.name() + " has window `" + window + "` that Kuadrant rejects");
        }
      }
    }
  }
}
