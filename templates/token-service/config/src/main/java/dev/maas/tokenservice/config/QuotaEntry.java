package dev.maas.tokenservice.config;

import java.util.List;
import java.util.Objects;

/**
 * Where callers' quota is counted and which counters are theirs: the service reads what is left
 * from Limitador's HTTP API.
 *
 * @param limitadorUrl the base URL of Limitador's HTTP API, e.g. {@code
 *     http://limitador-limitador.kuadrant-system.svc.cluster.local:8080}
 * @param limits every rate of every limit the platform's policies set, in policy order
 */
public record QuotaEntry(String limitadorUrl, List<LimitEntry> limits) {

  public QuotaEntry {
    Objects.requireNonNull(limitadorUrl, "limitadorUrl");
    limits = limits == null ? List.of() : List.copyOf(limits);
  }
}
