package dev.maas.tokenservice.config;

import java.util.Objects;

/**
 * Where callers' quota is counted: the service reads the limits and counters from Limitador's HTTP
 * API, so a limit's edit changes the policies only, never this config.
 *
 * @param limitadorUrl the base URL of Limitador's HTTP API, e.g. {@code
 *     http://limitador-limitador.kuadrant-system.svc.cluster.local:8080}
 * @param modelsNamespace the Limitador namespace of the tiers' and models' limits: the public model
 *     route's {@code <namespace>/<name>}
 * @param apiNamespace the Limitador namespace of the MaaS API's own limit: its route's {@code
 *     <namespace>/<name>}
 */
public record QuotaEntry(String limitadorUrl, String modelsNamespace, String apiNamespace) {

  public QuotaEntry {
    Objects.requireNonNull(limitadorUrl, "limitadorUrl");
    Objects.requireNonNull(modelsNamespace, "modelsNamespace");
    Objects.requireNonNull(apiNamespace, "apiNamespace");
  }
}
