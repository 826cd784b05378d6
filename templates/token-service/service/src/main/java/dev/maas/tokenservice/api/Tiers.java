package dev.maas.tokenservice.api;

import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.config.TierEntry;
import dev.maas.tokenservice.http.Caller;
import dev.maas.tokenservice.http.Refusal;
import java.util.Map;

/** The tier of a caller: the highest-level tier one of their groups belongs to. */
final class Tiers {

  private final ServiceConfig config;

  Tiers(ServiceConfig config) {
    this.config = config;
  }

  /** The caller's tier, or 403 naming the groups that matched none. */
  TierEntry of(Caller caller) throws Refusal {
    return config
        .tierFor(caller.groups())
        .orElseThrow(
            () ->
                new Refusal(
                    403,
                    "no_tier",
                    "no tier matches your groups",
                    Map.of("groups", caller.groups())));
  }
}
