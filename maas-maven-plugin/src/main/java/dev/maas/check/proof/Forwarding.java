package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a request that a public route forwards ends up: the Service the route names, or, when that
 * Service fronts a Gateway of the output, whatever that Gateway's routes send the path to. The
 * routes of a Gateway are the HTTPRoutes of the output attached to it and the routes KServe makes
 * for LLMInferenceServices that name it: one per service, {@code <name>-kserve-route}, whose rules
 * all send {@code /<namespace>/<name>/...} to the service's workload (kserve v0.20.0 {@code
 * pkg/controller/v1alpha2/llmisvc/router.go} line 241, {@code
 * config/llmisvcconfig/config-llm-router-route.yaml}, catch-all at line 307; {@code
 * router.gateway.refs} replaces its parents, {@code config_merge.go} line 329; with {@code
 * router.route.http.refs} KServe makes none and uses those routes, {@code router.go} lines
 * 173–176).
 */
final class Forwarding {

  /** The label that names a Gateway's proxy pods, by which a Service selects them. */
  static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

  /**
   * A path match on a Gateway's route and where it sends the request: a path matches when it is the
   * prefix or continues it after a slash (an empty prefix matches every path).
   *
   * @param route {@code namespace/name} of the route (KServe's own for an LLMInferenceService)
   * @param prefix the path prefix, without a trailing slash
   * @param destination {@code Kind namespace/name} of what serves the request
   */
  private record Hop(String route, String prefix, String destination) {}

  // Service namespace/name → the Gateway namespace/name whose pods it selects.
  private final Map<String, String> gatewayOfService = new HashMap<>();
  // Gateway namespace/name → its path matches.
  private final Map<String, List<Hop>> hopsOfGateway = new HashMap<>();
  // Gateway namespace/name → its hops by prefix, made on first use.
  private final Map<String, Map<String, Hop>> hopsByPrefix = new ConcurrentHashMap<>();

  Forwarding(GatewayObjects objects) {
    Map<String, Boolean> gateways = new HashMap<>();
    objects.ofKind("Gateway").forEach(g -> gateways.put(g.namespace() + "/" + g.name(), true));
    for (GatewayObjects.Located service : objects.ofKind("Service")) {
      String selected =
          service.body().path("spec").path("selector").path(GATEWAY_NAME_LABEL).asText("");
      if (!selected.isEmpty() && gateways.containsKey(service.namespace() + "/" + selected)) {
        gatewayOfService.put(
            service.namespace() + "/" + service.name(), service.namespace() + "/" + selected);
      }
    }
    for (GatewayObjects.Located route : objects.ofKind("HTTPRoute")) {
      for (JsonNode parent : route.body().path("spec").path("parentRefs")) {
        String gateway =
            parent.path("namespace").asText(route.namespace()) + "/" + parent.path("name").asText();
        for (JsonNode rule : route.body().path("spec").path("rules")) {
          JsonNode backend = rule.path("backendRefs").path(0);
          String destination =
              backend.isMissingNode()
                  ? null
                  : "Service "
                      + backend.path("namespace").asText(route.namespace())
                      + "/"
                      + backend.path("name").asText();
          for (JsonNode match : rule.path("matches")) {
            String value = match.path("path").path("value").asText("/");
            hopsOfGateway
                .computeIfAbsent(gateway, g -> new ArrayList<>())
                .add(new Hop(route.namespace() + "/" + route.name(), trimmed(value), destination));
          }
        }
      }
    }
    for (GatewayObjects.Located llm : objects.ofKind("LLMInferenceService")) {
      JsonNode router = llm.body().path("spec").path("router");
      if (!router.has("route") || router.path("route").path("http").has("refs")) {
        continue;
      }
      for (JsonNode ref : router.path("gateway").path("refs")) {
        String gateway =
            ref.path("namespace").asText(llm.namespace()) + "/" + ref.path("name").asText();
        hopsOfGateway
            .computeIfAbsent(gateway, g -> new ArrayList<>())
            .add(
                new Hop(
                    llm.namespace() + "/" + llm.name() + "-kserve-route",
                    "/" + llm.namespace() + "/" + llm.name(),
                    "LLMInferenceService " + llm.namespace() + "/" + llm.name()));
      }
    }
  }

  private static String trimmed(String value) {
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  /** Whether {@code service} ({@code namespace/name}) fronts a Gateway of the output. */
  boolean frontsGateway(String service) {
    return gatewayOfService.containsKey(service);
  }

  /**
   * What serves {@code urlPath} sent to {@code service} ({@code namespace/name}): {@code Kind
   * namespace/name}, or {@code null} when a Gateway behind it has no route for the path.
   */
  String destination(String service, String urlPath) {
    String gateway = gatewayOfService.get(service);
    if (gateway == null) {
      return "Service " + service;
    }
    Map<String, Hop> byPrefix = hopsByPrefix.computeIfAbsent(gateway, this::byPrefix);
    // The longest prefix wins: the path itself, then each shorter one that ends before a slash.
    for (int end = urlPath.length(); end > 0; end = urlPath.lastIndexOf('/', end - 1)) {
      Hop hop = byPrefix.get(urlPath.substring(0, end));
      if (hop != null) {
        return hop.destination();
      }
    }
    Hop any = byPrefix.get("");
    return any == null ? null : any.destination();
  }

  /**
   * A Gateway's hops by prefix, the first of equal prefixes kept: a look-up per segment of a path
   * instead of a scan of every route (the proof asks for each request of each model).
   */
  private Map<String, Hop> byPrefix(String gateway) {
    Map<String, Hop> out = new HashMap<>();
    for (Hop hop : hopsOfGateway.getOrDefault(gateway, List.of())) {
      out.putIfAbsent(hop.prefix(), hop);
    }
    return out;
  }
}
