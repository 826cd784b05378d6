package dev.maas.model;

/**
 * The names of the objects that carry model traffic, shared by the generators and the proof.
 *
 * <p>Kuadrant instantiates a limit once per HTTPRoute it applies to: the Limitador namespace of a
 * limit is the route's {@code namespace/name} (kuadrant-operator v1.5.2 {@code
 * internal/controller/ratelimit_workflow_helpers.go} lines 66–68, used at lines 333 and 393). A
 * tier's limit spans its models only when one route carries all of them, yet a route holds at most
 * 16 rules (the HTTPRoute CRD, {@code spec.rules} maxItems 16) and KServe makes one route per
 * LLMInferenceService. So the public Gateway has one route for every model call, {@link
 * #publicRouteName}, which the limits target; it forwards to an internal Gateway that only the
 * public Gateway's pods can reach, where KServe's routes and the predictor routes dispatch to each
 * model.
 */
public final class ModelRouting {

  /** The port of the internal Gateway's plain-HTTP listener and of the Service in front of it. */
  public static final int INTERNAL_PORT = 80;

  /** The pod label Gateway API implementations (Istio among them) put on a Gateway's proxy pods. */
  public static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

  /**
   * The port, and its name, on which the Envoy of every Istio Gateway pod serves its Prometheus
   * metrics, the {@code istio_requests_total} family among them (istio
   * manifests/charts/istio-control/istio-discovery/files/ kube-gateway.yaml, the istio-proxy
   * container's ports).
   */
  public static final int ENVOY_METRICS_PORT = 15090;

  /** The name of {@link #ENVOY_METRICS_PORT} on the gateway pods. */
  public static final String ENVOY_METRICS_PORT_NAME = "http-envoy-prom";

  /** The path of the Envoy metrics on {@link #ENVOY_METRICS_PORT}. */
  public static final String ENVOY_METRICS_PATH = "/stats/prometheus";

  private ModelRouting() {}

  /**
   * The public HTTPRoute that carries every model call and the listing: {@code <platform>-models}.
   */
  public static String publicRouteName(Platform platform) {
    return platform.name() + "-models";
  }

  /**
   * The internal Gateway, its Service and NetworkPolicy: {@code <gateway>-internal}, in the
   * gateway's namespace.
   */
  public static String internalGatewayName(Platform platform) {
    return platform.gateway().name() + "-internal";
  }

  /** The in-cluster host of the internal Gateway's Service. */
  public static String internalHost(Platform platform) {
    return internalGatewayName(platform)
        + "."
        + platform.gateway().namespace()
        + ".svc.cluster.local";
  }
}
