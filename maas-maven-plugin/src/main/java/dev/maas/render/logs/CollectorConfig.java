package dev.maas.render.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.AccessLogs;
import dev.maas.model.Platform;
import dev.maas.output.Yaml;
import dev.maas.render.Manifests;
import java.util.List;

/**
 * The collector's configuration file: OTLP in (gRPC from the gateway, HTTP beside it), a memory
 * limit, the resource that names the logs' service, batches, and OTLP/HTTP out to Loki's native
 * endpoint or the spec's. Loki's own exporter left opentelemetry-collector-contrib in 2025
 * (open-telemetry/opentelemetry-collector-contrib#41413, after deprecation in #33916); Loki 3 takes
 * OTLP at {@code /otlp}, and the {@code otlphttp} exporter appends {@code /v1/logs}.
 */
public final class CollectorConfig {

  /** The file name of the configuration in the ConfigMap and the container. */
  public static final String FILE_NAME = "collector.yaml";

  /** The collector's OTLP/HTTP port. */
  public static final int OTLP_HTTP_PORT = 4318;

  /** The port of the {@code health_check} extension, which the probes ask. */
  public static final int HEALTH_PORT = 13133;

  /** The pipeline's receivers, processors and exporters, in order. */
  static final List<String> RECEIVERS = List.of("otlp");

  static final List<String> PROCESSORS = List.of("memory_limiter", "resource", "batch");

  static final List<String> EXPORTERS = List.of("otlphttp");

  private CollectorConfig() {}

  /** The environment variable that carries the value of the {@code index}th export header. */
  public static String headerVariable(int index) {
    return "MAAS_EXPORT_HEADER_" + index;
  }

  /** The configuration file's text. */
  public static String text(Platform platform, AccessLogs logs) {
    ObjectNode root = Manifests.map();
    // The collector binds to localhost unless told otherwise (since v0.104); pods need the
    // pod's addresses.
    root.putObject("extensions")
        .putObject("health_check")
        .put("endpoint", "0.0.0.0:" + HEALTH_PORT);
    ObjectNode protocols = root.putObject("receivers").putObject("otlp").putObject("protocols");
    protocols.putObject("grpc").put("endpoint", "0.0.0.0:" + MeshProvider.OTLP_GRPC_PORT);
    protocols.putObject("http").put("endpoint", "0.0.0.0:" + OTLP_HTTP_PORT);
    ObjectNode processors = root.putObject("processors");
    ObjectNode memory = processors.putObject("memory_limiter");
    memory.put("check_interval", "1s");
    memory.put("limit_percentage", 80);
    memory.put("spike_limit_percentage", 20);
    // Istio turns off Envoy's built-in resource labels; Loki indexes service.name as
    // service_name. Inserted, not upserted: the MaaS API's audit records name their own service
    // (maas-api) and keep it.
    ArrayNode attributes = processors.putObject("resource").putArray("attributes");
    attribute(attributes, "service.name", platform.name() + "-gateway");
    attribute(attributes, "service.namespace", platform.gateway().namespace());
    processors.putObject("batch");
    ObjectNode exporter = root.putObject("exporters").putObject("otlphttp");
    exporter.put("endpoint", logs.exportEndpoint());
    if (!logs.headers().isEmpty()) {
      ObjectNode headers = exporter.putObject("headers");
      for (int i = 0; i < logs.headers().size(); i++) {
        // The collector expands ${env:...} when it loads the file: the value stays in the Secret.
        headers.put(logs.headers().get(i).name(), "${env:" + headerVariable(i) + "}");
      }
    }
    ObjectNode service = root.putObject("service");
    service.putArray("extensions").add("health_check");
    ObjectNode pipeline = service.putObject("pipelines").putObject("logs");
    RECEIVERS.forEach(pipeline.putArray("receivers")::add);
    PROCESSORS.forEach(pipeline.putArray("processors")::add);
    EXPORTERS.forEach(pipeline.putArray("exporters")::add);
    return Yaml.write(root);
  }

  private static void attribute(ArrayNode attributes, String key, String value) {
    ObjectNode attribute = attributes.addObject();
    attribute.put("key", key);
    attribute.put("value", value);
    attribute.put("action", "insert");
  }
}
