package dev.maas.render.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Gateway;
import dev.maas.model.MeteredEndpoints;
import dev.maas.model.Model;
import dev.maas.model.ModelRouting;
import dev.maas.model.Observability;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import dev.maas.render.kserve.RequestScaling;
import dev.maas.render.tokenservice.TokenServiceEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Generates the platform's Gateway (one HTTPS listener that terminates TLS), the one public
 * HTTPRoute that carries every model call and the model listing, and the internal Gateway behind it
 * with a route for every predictor model (KServe attaches the routes of LLMInferenceServices to the
 * internal Gateway itself). See {@link ModelRouting} for why model traffic takes one public route.
 */
public final class GatewayGenerator implements Generator {

  /** The Gateway API version of every object here. */
  public static final String API_VERSION = "gateway.networking.k8s.io/v1";

  /** The Gateway API group. */
  static final String GROUP = "gateway.networking.k8s.io";

  /** The port KServe's predictor Service listens on. */
  static final int PREDICTOR_PORT = 80;

  /**
   * Most path matches in one rule (the HTTPRoute CRD allows 64 per rule and fewer than 128 per
   * route).
   */
  static final int MATCHES_PER_RULE = 64;

  /**
   * Most model namespaces the public route can match: fewer than 128 matches per route, one is the
   * listing's.
   */
  public static final int MAX_MODEL_NAMESPACES = 126;

  /**
   * The headers only Authorino may set for the token service: a client's own are removed on the
   * listing.
   */
  static final List<String> IDENTITY_HEADERS = List.of("X-MaaS-Username", "X-MaaS-Groups");

  @Override
  public List<KubeObject> generate(Platform platform) {
    List<KubeObject> out = new ArrayList<>();
    out.add(gateway(platform.gateway()));
    out.add(internalGateway(platform));
    out.add(internalService(platform));
    out.add(internalNetworkPolicy(platform));
    out.add(publicRoute(platform));
    if (!platform.tokens().namespace().equals(platform.gateway().namespace())) {
      out.add(tokenServiceGrant(platform));
    }
    for (Model model : platform.models()) {
      if (model.servingKind() == Serving.PREDICTOR) {
        out.add(predictorRoute(platform, model));
      }
    }
    return out;
  }

  private static KubeObject gateway(Gateway gw) {
    KubeObject gateway = Manifests.object(API_VERSION, "Gateway", gw.name(), gw.namespace());
    ObjectNode spec = Manifests.spec(gateway);
    spec.put("gatewayClassName", gw.className());
    ObjectNode https = spec.putArray("listeners").addObject();
    https.put("name", "https");
    https.put("protocol", "HTTPS");
    https.put("port", 443);
    https.put("hostname", gw.hostname());
    ObjectNode tls = https.putObject("tls");
    tls.put("mode", "Terminate");
    ObjectNode cert = tls.putArray("certificateRefs").addObject();
    cert.put("group", "");
    cert.put("kind", "Secret");
    cert.put("name", gw.tlsSecretName());
    https.putObject("allowedRoutes").putObject("namespaces").put("from", "All");
    return gateway;
  }

  /**
   * The internal Gateway: plain HTTP, reachable in the cluster only (Istio makes its Service a
   * ClusterIP with this annotation instead of a LoadBalancer) and, by the NetworkPolicy, only from
   * the public Gateway's pods. It carries no policy: every call reaching it passed the public
   * Gateway's.
   */
  private static KubeObject internalGateway(Platform platform) {
    KubeObject gateway = internalObject(platform, API_VERSION, "Gateway");
    gateway
        .body()
        .with("metadata")
        .putObject("annotations")
        .put("networking.istio.io/service-type", "ClusterIP");
    ObjectNode spec = Manifests.spec(gateway);
    spec.put("gatewayClassName", platform.gateway().className());
    ObjectNode http = spec.putArray("listeners").addObject();
    http.put("name", "http");
    http.put("protocol", "HTTP");
    http.put("port", ModelRouting.INTERNAL_PORT);
    http.putObject("allowedRoutes").putObject("namespaces").put("from", "All");
    return gateway;
  }

  /** An object named after the internal Gateway, in the public Gateway's namespace. */
  private static KubeObject internalObject(Platform platform, String apiVersion, String kind) {
    return Manifests.object(
        apiVersion,
        kind,
        ModelRouting.internalGatewayName(platform),
        platform.gateway().namespace());
  }

  /**
   * A Service of a fixed name in front of the internal Gateway's pods, which the public route
   * forwards to.
   */
  private static KubeObject internalService(Platform platform) {
    KubeObject service = internalObject(platform, "v1", "Service");
    ObjectNode spec = Manifests.spec(service);
    spec.put("type", "ClusterIP");
    spec.putObject("selector")
        .put(ModelRouting.GATEWAY_NAME_LABEL, ModelRouting.internalGatewayName(platform));
    ObjectNode port = spec.putArray("ports").addObject();
    port.put("name", "http");
    port.put("port", ModelRouting.INTERNAL_PORT);
    port.put("targetPort", ModelRouting.INTERNAL_PORT);
    port.put("protocol", "TCP");
    return service;
  }

  /**
   * Only the public Gateway's pods may call the internal Gateway: anything else would skip
   * authentication and limits. When a predictor scales on its requests, Prometheus may also scrape
   * the Envoy metrics port, where those requests are counted; that port serves counters only.
   */
  private static KubeObject internalNetworkPolicy(Platform platform) {
    KubeObject policy = internalObject(platform, "networking.k8s.io/v1", "NetworkPolicy");
    ObjectNode spec = Manifests.spec(policy);
    spec.putObject("podSelector")
        .putObject("matchLabels")
        .put(ModelRouting.GATEWAY_NAME_LABEL, ModelRouting.internalGatewayName(platform));
    spec.putArray("policyTypes").add("Ingress");
    ObjectNode ingress = spec.putArray("ingress").addObject();
    ingress
        .putArray("from")
        .addObject()
        .putObject("podSelector")
        .putObject("matchLabels")
        .put(ModelRouting.GATEWAY_NAME_LABEL, platform.gateway().name());
    ObjectNode port = ingress.putArray("ports").addObject();
    port.put("protocol", "TCP");
    port.put("port", ModelRouting.INTERNAL_PORT);
    if (RequestScaling.anyApplies(platform)) {
      Observability observability = Observability.orDefault(platform.observability());
      ObjectNode scrape = ((ArrayNode) spec.get("ingress")).addObject();
      // Both selectors in one peer, so both must match: Prometheus's pods, in Prometheus's
      // namespace.
      ObjectNode peer = scrape.putArray("from").addObject();
      peer.putObject("namespaceSelector")
          .putObject("matchLabels")
          .put("kubernetes.io/metadata.name", observability.prometheusNamespace());
      ObjectNode labels = peer.putObject("podSelector").putObject("matchLabels");
      observability.prometheusPodLabels().forEach(labels::put);
      ObjectNode metrics = scrape.putArray("ports").addObject();
      metrics.put("protocol", "TCP");
      metrics.put("port", ModelRouting.ENVOY_METRICS_PORT);
    }
    return policy;
  }

  /**
   * The one public route of model traffic: {@code GET /v1/models} to the token service, and every
   * model namespace's prefix to the internal Gateway, paths unchanged. Which paths under a prefix
   * get through is the AuthPolicy's decision (the metered endpoints only); the limits target this
   * route, so each is one set of counters.
   */
  private static KubeObject publicRoute(Platform platform) {
    KubeObject route =
        Manifests.object(
            API_VERSION,
            "HTTPRoute",
            ModelRouting.publicRouteName(platform),
            platform.gateway().namespace());
    ObjectNode spec = Manifests.spec(route);
    parent(spec, platform.gateway().name(), platform.gateway().namespace());
    ArrayNode rules = spec.putArray("rules");

    ObjectNode listing = rules.addObject();
    listing.put("name", "model-listing");
    ObjectNode listingMatch = listing.putArray("matches").addObject();
    ObjectNode listingPath = listingMatch.putObject("path");
    listingPath.put("type", "PathPrefix");
    listingPath.put("value", MeteredEndpoints.LISTING);
    listingMatch.put("method", "GET");
    ObjectNode strip = listing.putArray("filters").addObject();
    strip.put("type", "RequestHeaderModifier");
    ArrayNode remove = strip.putObject("requestHeaderModifier").putArray("remove");
    IDENTITY_HEADERS.forEach(remove::add);
    backend(
        listing,
        TokenServiceEndpoints.name(platform),
        platform.tokens().namespace().equals(platform.gateway().namespace())
            ? null
            : platform.tokens().namespace(),
        TokenServiceEndpoints.PORT);

    List<String> namespaces =
        new ArrayList<>(new TreeSet<>(platform.models().stream().map(Model::namespace).toList()));
    for (int from = 0, part = 1; from < namespaces.size(); from += MATCHES_PER_RULE, part++) {
      ObjectNode models = rules.addObject();
      models.put("name", namespaces.size() > MATCHES_PER_RULE ? "models-" + part : "models");
      ArrayNode matches = models.putArray("matches");
      for (String namespace :
          namespaces.subList(from, Math.min(namespaces.size(), from + MATCHES_PER_RULE))) {
        ObjectNode path = matches.addObject().putObject("path");
        path.put("type", "PathPrefix");
        path.put("value", "/" + namespace);
      }
      backend(models, ModelRouting.internalGatewayName(platform), null, ModelRouting.INTERNAL_PORT);
      // Generations stream for minutes; KServe's own routes turn the proxy's timeouts off the same
      // way
      // (kserve v0.20.0 config/llmisvcconfig/config-llm-router-route.yaml, `timeouts` of every
      // rule).
      ObjectNode timeouts = models.putObject("timeouts");
      timeouts.put("request", "0s");
      timeouts.put("backendRequest", "0s");
    }
    return route;
  }

  /**
   * Lets the public route, in the gateway's namespace, name the token service's Service in its own
   * namespace.
   */
  private static KubeObject tokenServiceGrant(Platform platform) {
    KubeObject grant =
        Manifests.object(
            GROUP + "/v1beta1",
            "ReferenceGrant",
            ModelRouting.publicRouteName(platform),
            platform.tokens().namespace());
    ObjectNode spec = Manifests.spec(grant);
    ObjectNode from = spec.putArray("from").addObject();
    from.put("group", GROUP);
    from.put("kind", "HTTPRoute");
    from.put("namespace", platform.gateway().namespace());
    ObjectNode to = spec.putArray("to").addObject();
    to.put("group", "");
    to.put("kind", "Service");
    to.put("name", TokenServiceEndpoints.name(platform));
    return grant;
  }

  /**
   * The route {@code /<namespace>/<model>/...} on the internal Gateway → the predictor Service,
   * prefix cut off.
   */
  private static KubeObject predictorRoute(Platform platform, Model model) {
    KubeObject route =
        Manifests.object(
            API_VERSION, "HTTPRoute", platform.name() + "-" + model.name(), model.namespace());
    ObjectNode spec = Manifests.spec(route);
    parent(spec, ModelRouting.internalGatewayName(platform), platform.gateway().namespace());
    ObjectNode rule = spec.putArray("rules").addObject();
    ObjectNode path = rule.putArray("matches").addObject().putObject("path");
    path.put("type", "PathPrefix");
    path.put("value", model.pathPrefix());
    ObjectNode rewrite = rule.putArray("filters").addObject();
    rewrite.put("type", "URLRewrite");
    ObjectNode rewritePath = rewrite.putObject("urlRewrite").putObject("path");
    rewritePath.put("type", "ReplacePrefixMatch");
    rewritePath.put("replacePrefixMatch", "/");
    backend(rule, model.name() + "-predictor", null, PREDICTOR_PORT);
    return route;
  }

  private static void parent(ObjectNode spec, String gateway, String namespace) {
    ObjectNode parent = spec.putArray("parentRefs").addObject();
    parent.put("group", GROUP);
    parent.put("kind", "Gateway");
    parent.put("name", gateway);
    parent.put("namespace", namespace);
  }

  private static void backend(ObjectNode rule, String service, String namespace, int port) {
    ObjectNode ref = rule.putArray("backendRefs").addObject();
    ref.put("group", "");
    ref.put("kind", "Service");
    ref.put("name", service);
    if (namespace != null) {
      ref.put("namespace", namespace);
    }
    ref.put("port", port);
  }
}
