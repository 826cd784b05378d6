package dev.maas.render.kserve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Autoscaling;
import dev.maas.model.Model;
import dev.maas.model.ModelRouting;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import java.util.Set;

/**
 * Scaling a predictor on its requests in KServe's Standard mode: a KEDA ScaledObject on the
 * gateway's Istio metrics of the calls that reach the predictor's Service.
 */
public final class RequestScaling {

  /** KServe's annotation that chooses who scales a component. */
  public static final String AUTOSCALER_CLASS = "serving.kserve.io/autoscalerClass";

  /**
   * The class that makes KServe write no HPA and leave the Deployment's replicas alone (kserve
   * v0.20.0 {@code hpa_reconciler.go} {@code shouldCreateHPA}; {@code
   * constants.AutoscalerClassExternal}).
   */
  public static final String EXTERNAL = "external";

  /** The metrics the Standard-mode HPA cannot build, so KEDA scales on them. */
  public static final Set<String> REQUEST_METRICS = Set.of("concurrency", "rps");

  private RequestScaling() {}

  /** Whether {@code scaling} scales on requests. */
  public static boolean applies(Autoscaling scaling) {
    return scaling != null && REQUEST_METRICS.contains(scaling.metric());
  }

  /** Whether any predictor of {@code platform} scales on its requests. */
  public static boolean anyApplies(Platform platform) {
    return platform.models().stream()
        .anyMatch(m -> m.servingKind() == Serving.PREDICTOR && applies(m.autoscaling()));
  }

  /**
   * The name of the Deployment KServe makes for a predictor in Standard mode, and of its
   * ScaledObject.
   */
  public static String workloadName(Model model) {
    return model.name() + "-predictor";
  }

  /**
   * The PromQL of the model's load, summed over its replicas (KEDA divides it by the replica count
   * and compares with the target, {@code metricType: AverageValue}). Requests per second count the
   * gateway's calls to the predictor's Service; concurrency is the time spent in them per second,
   * which is the mean number in flight. The names are DNS-1123 labels (schema patterns), so they
   * need no quoting inside the label matchers.
   */
  static String query(Model model) {
    String selector =
        "{reporter=\"source\",destination_service_namespace=\""
            + model.namespace()
            + "\",destination_service_name=\""
            + workloadName(model)
            + "\"}";
    return "concurrency".equals(model.autoscaling().metric())
        ? "sum(rate(istio_request_duration_milliseconds_sum" + selector + "[1m])) / 1000"
        : "sum(rate(istio_requests_total" + selector + "[1m]))";
  }

  /** The ScaledObject that scales the predictor's Deployment on its requests. */
  static KubeObject scaledObject(Platform platform, Model model) {
    Autoscaling scaling = model.autoscaling();
    KubeObject object =
        Manifests.object(
            "keda.sh/v1alpha1", "ScaledObject", workloadName(model), model.namespace());
    ObjectNode spec = Manifests.spec(object);
    ObjectNode target = spec.putObject("scaleTargetRef");
    target.put("apiVersion", "apps/v1");
    target.put("kind", "Deployment");
    target.put("name", workloadName(model));
    spec.put("minReplicaCount", scaling.minReplicas());
    spec.put("maxReplicaCount", scaling.maxReplicas());
    ObjectNode trigger = spec.putArray("triggers").addObject();
    trigger.put("type", "prometheus");
    trigger.put("metricType", "AverageValue");
    ObjectNode metadata = trigger.putObject("metadata");
    // The Prometheus Operator's governing Service of every Prometheus in a namespace
    // (prometheus-operator
    // pkg/prometheus/server/statefulset.go, governingServiceName), on its web port.
    metadata.put(
        "serverAddress",
        "http://prometheus-operated."
            + platform.observability().prometheusNamespace()
            + ".svc:9090");
    metadata.put("query", query(model));
    metadata.put("threshold", String.valueOf(scaling.target()));
    return object;
  }

  /**
   * The PodMonitor that has Prometheus scrape the internal Gateway's Envoy, where the calls to the
   * predictors are counted: without it the ScaledObjects' queries find no series and the predictors
   * stay at their minimum.
   */
  static KubeObject podMonitor(Platform platform) {
    String gateway = ModelRouting.internalGatewayName(platform);
    KubeObject object =
        Manifests.object(
            "monitoring.coreos.com/v1",
            "PodMonitor",
            gateway + "-envoy",
            platform.gateway().namespace());
    ObjectNode spec = Manifests.spec(object);
    spec.putObject("selector")
        .putObject("matchLabels")
        .put(ModelRouting.GATEWAY_NAME_LABEL, gateway);
    ObjectNode endpoint = spec.putArray("podMetricsEndpoints").addObject();
    endpoint.put("port", ModelRouting.ENVOY_METRICS_PORT_NAME);
    endpoint.put("path", ModelRouting.ENVOY_METRICS_PATH);
    endpoint.put("interval", "30s");
    return object;
  }
}
