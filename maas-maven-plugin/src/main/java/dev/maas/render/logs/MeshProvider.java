package dev.maas.render.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.AccessLogs;
import dev.maas.model.Platform;
import dev.maas.output.Yaml;
import dev.maas.render.Manifests;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Istio mesh's extension provider that the Telemetry names: an OpenTelemetry access log service
 * ({@code envoyOtelAls}) sending to the collector, with the fields of every line. It lives in
 * Istio's mesh config, which no CRD of the platform holds, so the cluster admin adds it (see
 * docs/install.md); {@link #snippet} is the exact text.
 *
 * <p>How Istio uses it (istio/istio {@code pilot/pkg/model/telemetry_logging.go}, {@code
 * openTelemetryLog}): the provider's {@code service} and {@code port} must name a Service the mesh
 * knows, reached over gRPC; {@code logFormat.text} becomes the log body and each {@code
 * logFormat.labels} entry an attribute, both Envoy format strings ({@code %CEL(...)%} and {@code
 * %REQ_WITHOUT_QUERY(...)%} included); Istio turns off Envoy's built-in labels.
 */
public final class MeshProvider {

  /** The collector's OTLP/gRPC port, which the provider sends to. */
  public static final int OTLP_GRPC_PORT = 4317;

  private MeshProvider() {}

  /** The provider's name, which the Telemetry refers to: {@code <platform>-access-logs}. */
  public static String name(Platform platform) {
    return platform.name() + "-access-logs";
  }

  /** The collector Service's host name, as the mesh's service registry knows it. */
  public static String service(Platform platform) {
    return LogCollector.name(platform)
        + "."
        + platform.gateway().namespace()
        + ".svc.cluster.local";
  }

  /**
   * The fields of each log line, as Envoy format strings. The user and tier are the request headers
   * the gateway AuthPolicy sets after authentication ({@link AccessLogs#USER_HEADER}), read only
   * from lines the gateway let through: answered by the model ({@code via_upstream}) or refused by
   * a rate limit (429), which runs after authentication. Other lines — 401, 403, a failed
   * authentication — show {@code -}, so a header a client sent itself never shows as an identity.
   * The path leaves the query string out. The model (the path's second segment, {@code
   * /<namespace>/<model>/v1/...}) and the response's token counts come from the dynamic metadata
   * that the {@link UsageFilter} writes; a line without them (no model call, or a response without
   * {@code usage}) shows {@code -}.
   */
  public static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("user", authenticated(AccessLogs.USER_HEADER));
    labels.put("tier", authenticated(AccessLogs.TIER_HEADER));
    labels.put("model", usage("model"));
    labels.put("prompt_tokens", usage("prompt_tokens"));
    labels.put("completion_tokens", usage("completion_tokens"));
    labels.put("total_tokens", usage("total_tokens"));
    labels.put("method", "%REQ(:METHOD)%");
    labels.put("path", "%REQ_WITHOUT_QUERY(:PATH)%");
    labels.put("status", "%RESPONSE_CODE%");
    labels.put("response_flags", "%RESPONSE_FLAGS%");
    labels.put("duration_ms", "%DURATION%");
    labels.put("bytes_received", "%BYTES_RECEIVED%");
    labels.put("bytes_sent", "%BYTES_SENT%");
    labels.put("request_id", "%REQ(X-REQUEST-ID)%");
    return labels;
  }

  /**
   * The log body: method, path without query, status. Istio's default body would log the full path,
   * query strings included.
   */
  static final String TEXT = "%REQ(:METHOD)% %REQ_WITHOUT_QUERY(:PATH)% %RESPONSE_CODE%";

  private static String usage(String key) {
    return "%DYNAMIC_METADATA(" + UsageFilter.NAMESPACE + ":" + key + ")%";
  }

  private static String authenticated(String header) {
    return "%CEL(response.code_details == \"via_upstream\" || response.code == 429 ?"
        + " request.headers[\""
        + header
        + "\"] : \"-\")%";
  }

  /** The provider as an entry of {@code meshConfig.extensionProviders}. */
  public static ObjectNode provider(Platform platform) {
    ObjectNode provider = Manifests.map();
    provider.put("name", name(platform));
    ObjectNode als = provider.putObject("envoyOtelAls");
    als.put("service", service(platform));
    als.put("port", OTLP_GRPC_PORT);
    als.put("logName", platform.name() + "-gateway");
    ObjectNode format = als.putObject("logFormat");
    format.put("text", TEXT);
    ObjectNode labels = format.putObject("labels");
    labels().forEach(labels::put);
    return provider;
  }

  /**
   * What the cluster admin adds to Istio's mesh config: the {@code meshConfig} of the Istio Helm
   * values (istiod chart), of an IstioOperator's {@code spec}, or of a Sail {@code Istio}'s {@code
   * spec.values}.
   */
  public static String snippet(Platform platform) {
    ObjectNode root = Manifests.map();
    root.putObject("meshConfig").putArray("extensionProviders").add(provider(platform));
    return Yaml.write(root);
  }
}
