package dev.maas.model;

import java.util.List;

/**
 * The gateway's access logs, shipped through an OpenTelemetry Collector to a log store.
 *
 * @param lokiUrl the base URL of a Loki 3 or later, whose native OTLP endpoint ({@code /otlp})
 *     receives the logs, or {@code null} for {@link #DEFAULT_LOKI_URL}
 * @param otlpEndpoint an OTLP/HTTP endpoint that receives the logs instead of Loki, or {@code null}
 * @param headers headers the collector sends with every export, each read from a Secret
 */
public record AccessLogs(String lokiUrl, String otlpEndpoint, List<ExportHeader> headers) {

  /** Where the logs go when the spec names no store: a Loki installed in namespace {@code loki}. */
  public static final String DEFAULT_LOKI_URL = "http://loki.loki.svc.cluster.local:3100";

  /**
   * One header of the collector's exports, e.g. Loki's tenant ({@code X-Scope-OrgID}) or a bearer
   * token; the value stays in its Secret.
   *
   * @param name the header's name
   * @param secretName the Secret holding its value
   * @param key the Secret's key
   */
  public record ExportHeader(String name, String secretName, String key) {}

  /**
   * The gateway classes whose implementation has a telemetry API the compiler writes for: Istio's
   * own class, and OpenShift's, which OpenShift Service Mesh (Istio) implements.
   */
  public static final java.util.Set<String> ISTIO_GATEWAY_CLASSES =
      java.util.Set.of("istio", "openshift-default");

  /**
   * The request header that carries the caller's user id to the access log: the gateway AuthPolicy
   * sets it once the caller is authenticated, replacing any value the client sent.
   */
  public static final String USER_HEADER = "x-maas-user-id";

  /** The request header that carries the caller's tier, set like {@link #USER_HEADER}. */
  public static final String TIER_HEADER = "x-maas-tier";

  public AccessLogs {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /**
   * The OTLP/HTTP base URL the collector exports to: {@code otlpEndpoint}, else Loki's native OTLP
   * endpoint; the exporter appends {@code /v1/logs}.
   */
  public String exportEndpoint() {
    if (otlpEndpoint != null) {
      return otlpEndpoint;
    }
    String loki = lokiUrl == null ? DEFAULT_LOKI_URL : lokiUrl;
    return (loki.endsWith("/") ? loki.substring(0, loki.length() - 1) : loki) + "/otlp";
  }
}
