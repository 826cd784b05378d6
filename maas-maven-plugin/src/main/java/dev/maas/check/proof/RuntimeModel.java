package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.model.Model;
import dev.maas.model.ModelRouting;
import dev.maas.model.Observability;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the runtimes do with a model's objects, as far as the proof needs it: which server a call of
 * the model must end at, and whether its token usage is reported when the client streams.
 */
final class RuntimeModel {

  /**
   * The vLLM flag that makes a stream end with a usage chunk even when the client did not ask for
   * one ({@code stream_options.include_usage}). KServe's LLM template passes {@code
   * VLLM_ADDITIONAL_ARGS} to {@code vllm serve} (kserve v0.20.0 {@code
   * config/llmisvcconfig/config-llm-template.yaml} line 176). Without it a streamed response has no
   * {@code usage}, and the TokenRateLimitPolicy adds nothing (wasm-shim v0.14.1 {@code
   * src/data/cel.rs} lines 371–378 return null for the missing key).
   */
  static final String FORCE_USAGE_FLAG = "--enable-force-include-usage";

  private final GatewayObjects objects;

  /**
   * The Deployments a ScaledObject scales, as {@code namespace/name}: asked once per model, so
   * looked up rather than searched.
   */
  private final Set<String> scaledDeployments = new HashSet<>();

  /**
   * Why Prometheus holds no series of the predictors' calls, once known: one proof reads one
   * platform.
   */
  private Optional<String> unscraped;

  RuntimeModel(GatewayObjects objects) {
    this.objects = objects;
    for (GatewayObjects.Located scaled : objects.ofKind("ScaledObject")) {
      scaledDeployments.add(
          scaled.namespace()
              + "/"
              + scaled.body().path("spec").path("scaleTargetRef").path("name").asText());
    }
  }

  /**
   * What a call of {@code model} must be forwarded to: its LLMInferenceService (KServe's route to
   * its workload), or its predictor Service ({@code <name>-predictor}, KServe's in Standard
   * deployment mode).
   */
  String destinationOf(Model model) {
    return model.servingKind() == Serving.LLM
        ? "LLMInferenceService " + model.namespace() + "/" + model.name()
        : "Service " + model.namespace() + "/" + model.name() + "-predictor";
  }

  /**
   * The file of {@code model}'s LLMInferenceService when its server does not report usage in
   * streams, else {@code null} (also for a predictor, whose responses carry no token usage at all).
   */
  String streamedUsageMissing(Model model) {
    if (model.servingKind() != Serving.LLM) {
      return null;
    }
    Optional<GatewayObjects.Located> service = find("LLMInferenceService", model);
    if (service.isEmpty()) {
      return "base";
    }
    for (JsonNode container :
        service.get().body().path("spec").path("template").path("containers")) {
      if (!"main".equals(container.path("name").asText())) {
        continue;
      }
      for (JsonNode env : container.path("env")) {
        if ("VLLM_ADDITIONAL_ARGS".equals(env.path("name").asText())
            && (" " + env.path("value").asText() + " ").contains(" " + FORCE_USAGE_FLAG + " ")) {
          return null;
        }
      }
    }
    return service.get().file();
  }

  /**
   * Why {@code model}'s server does not use the GPUs the spec gives a replica, or {@code null}: an
   * LLM with more than one GPU must set {@code spec.parallelism.tensor} to them (times {@code
   * pipeline}), else vLLM loads the model on one GPU (kserve v0.20.0 {@code
   * config-llm-template.yaml} lines 166–172).
   */
  String shardingMissing(Model model) {
    Integer gpus = model.resources().gpus();
    if (model.servingKind() != Serving.LLM || gpus == null || gpus < 2) {
      return null;
    }
    Optional<GatewayObjects.Located> service = find("LLMInferenceService", model);
    if (service.isEmpty()) {
      return null;
    }
    JsonNode parallelism = service.get().body().path("spec").path("parallelism");
    int shards = parallelism.path("tensor").asInt(1) * parallelism.path("pipeline").asInt(1);
    return shards == gpus
        ? null
        : "spec.parallelism gives " + shards + " shard(s) for " + gpus + " GPUs per replica";
  }

  /**
   * Why {@code model}'s predictor Service is not what the internal Gateway's route reaches, or
   * {@code null}: the InferenceService must pin {@code serving.kserve.io/deploymentMode} to
   * Standard (or its older name RawDeployment); the cluster's default, Serverless, makes {@code
   * <name>-predictor} an ExternalName for Knative.
   */
  String deploymentModeWrong(Model model) {
    if (model.servingKind() != Serving.PREDICTOR) {
      return null;
    }
    Optional<GatewayObjects.Located> service = find("InferenceService", model);
    if (service.isEmpty()) {
      return null;
    }
    String mode =
        service
            .get()
            .body()
            .path("metadata")
            .path("annotations")
            .path("serving.kserve.io/deploymentMode")
            .asText("");
    return mode.equals("Standard") || mode.equals("RawDeployment")
        ? null
        : "serving.kserve.io/deploymentMode is " + (mode.isEmpty() ? "not set" : "`" + mode + "`");
  }

  /**
   * Why {@code model}'s autoscaling metric is not what scales it, or {@code null}: in Standard mode
   * KServe's HPA builds metrics for cpu and memory only (kserve v0.20.0 {@code hpa_reconciler.go}
   * {@code getHPAMetrics}, line 60) and its validation lets other metrics through, so {@code
   * concurrency} or {@code rps} must be scaled by something else: the {@code external} autoscaler
   * class and a KEDA ScaledObject on the predictor's Deployment.
   */
  String scalingDropped(Platform platform, Model model) {
    if (model.servingKind() != Serving.PREDICTOR || model.autoscaling() == null) {
      return null;
    }
    Optional<GatewayObjects.Located> service = find("InferenceService", model);
    if (service.isEmpty()) {
      return null;
    }
    JsonNode predictor = service.get().body().path("spec").path("predictor");
    String metric = predictor.path("scaleMetric").asText("cpu");
    String scaler =
        service
            .get()
            .body()
            .path("metadata")
            .path("annotations")
            .path("serving.kserve.io/autoscalerClass")
            .asText("hpa");
    if (scaler.equals("hpa")) {
      return metric.equals("cpu") || metric.equals("memory")
          ? null
          : "scaleMetric `"
              + metric
              + "` goes to KServe's"
              + " Standard-mode HPA, which builds metrics for cpu and memory only, so the model scales on nothing";
    }
    if (!scaler.equals("external")) {
      return null;
    }
    String deployment = model.name() + "-predictor";
    if (!scaledDeployments.contains(model.namespace() + "/" + deployment)) {
      return "its autoscaler class is `external`, but no ScaledObject scales Deployment "
          + model.namespace()
          + "/"
          + deployment;
    }
    if (unscraped == null) {
      unscraped = Optional.ofNullable(unscraped(platform));
    }
    return unscraped.orElse(null);
  }

  /**
   * Why Prometheus holds no series of the calls to the predictors, or {@code null}. The
   * ScaledObjects query {@code istio_requests_total} as the internal Gateway's Envoy reports it:
   * Prometheus has it only when a PodMonitor selects those pods on the Envoy metrics port, and when
   * every NetworkPolicy that selects them admits Prometheus's pods on that port (a pod selected by
   * an Ingress policy takes only what one of its rules admits).
   */
  private String unscraped(Platform platform) {
    String gateway = ModelRouting.internalGatewayName(platform);
    Map<String, String> podLabels = Map.of(ModelRouting.GATEWAY_NAME_LABEL, gateway);
    boolean monitored =
        objects.ofKind("PodMonitor").stream()
            .anyMatch(
                m ->
                    m.namespace().equals(platform.gateway().namespace())
                        && selects(m.body().path("spec").path("selector"), podLabels)
                        && streamOf(m.body().path("spec").path("podMetricsEndpoints"))
                            .anyMatch(
                                e ->
                                    e.path("port")
                                            .asText()
                                            .equals(ModelRouting.ENVOY_METRICS_PORT_NAME)
                                        && e.path("path")
                                            .asText("/metrics")
                                            .equals(ModelRouting.ENVOY_METRICS_PATH)));
    if (!monitored) {
      return "no PodMonitor scrapes port `"
          + ModelRouting.ENVOY_METRICS_PORT_NAME
          + "` of the internal Gateway `"
          + gateway
          + "`, where the calls its ScaledObject counts are reported, so the query finds no series";
    }
    Observability observability = Observability.orDefault(platform.observability());
    Map<String, String> namespaceLabels =
        Map.of("kubernetes.io/metadata.name", observability.prometheusNamespace());
    for (GatewayObjects.Located policy : objects.ofKind("NetworkPolicy")) {
      JsonNode spec = policy.body().path("spec");
      if (!policy.namespace().equals(platform.gateway().namespace())
          || !selects(spec.path("podSelector"), podLabels)
          || !streamOf(spec.path("policyTypes")).anyMatch(t -> t.asText().equals("Ingress"))) {
        continue;
      }
      boolean admitted =
          streamOf(spec.path("ingress"))
              .anyMatch(
                  rule ->
                      (rule.path("ports").isMissingNode()
                              || streamOf(rule.path("ports"))
                                  .anyMatch(
                                      port ->
                                          port.path("port").asInt(-1)
                                                  == ModelRouting.ENVOY_METRICS_PORT
                                              || port.path("port")
                                                  .asText()
                                                  .equals(ModelRouting.ENVOY_METRICS_PORT_NAME)))
                          && (rule.path("from").isMissingNode()
                              || streamOf(rule.path("from"))
                                  .anyMatch(
                                      peer ->
                                          (peer.path("namespaceSelector").isMissingNode()
                                                  ? policy
                                                      .namespace()
                                                      .equals(observability.prometheusNamespace())
                                                  : selects(
                                                      peer.path("namespaceSelector"),
                                                      namespaceLabels))
                                              && (peer.path("podSelector").isMissingNode()
                                                  || selects(
                                                      peer.path("podSelector"),
                                                      observability.prometheusPodLabels())))));
      if (!admitted) {
        return "NetworkPolicy "
            + policy.namespace()
            + "/"
            + policy.body().path("metadata").path("name").asText()
            + " keeps Prometheus ("
            + observability.prometheusNamespace()
            + ") from port "
            + ModelRouting.ENVOY_METRICS_PORT
            + " of the internal Gateway's pods, so its ScaledObject's query finds"
            + " no series";
      }
    }
    return null;
  }

  /**
   * Whether the label selector {@code selector} (matchLabels only, as the output writes them)
   * selects {@code labels}.
   */
  private static boolean selects(JsonNode selector, Map<String, String> labels) {
    if (selector.has("matchExpressions") && !selector.path("matchExpressions").isEmpty()) {
      return false;
    }
    return streamOf(selector.path("matchLabels").properties())
        .allMatch(e -> e.getValue().asText().equals(labels.get(e.getKey())));
  }

  private static <T> java.util.stream.Stream<T> streamOf(Iterable<T> items) {
    return java.util.stream.StreamSupport.stream(items.spliterator(), false);
  }

  /**
   * Why {@code model}'s pods cannot download it with the credentials the spec names, or {@code
   * null}: KServe's storage initializer takes them from the secrets of the pod's ServiceAccount
   * (kserve v0.20.0 {@code pkg/controller/v1alpha1/llmisvc/workload_storage.go}, {@code
   * attachHfModelArtifact} and {@code attachS3ModelArtifact}), so the pod must run as the named
   * ServiceAccount, or as one the output writes that lists the named Secret.
   */
  String credentialsMissing(Model model) {
    if (model.credentials() == null) {
      return null;
    }
    boolean llm = model.servingKind() == Serving.LLM;
    Optional<GatewayObjects.Located> service =
        find(llm ? "LLMInferenceService" : "InferenceService", model);
    if (service.isEmpty()) {
      return null;
    }
    JsonNode spec = service.get().body().path("spec");
    String account =
        (llm ? spec.path("template") : spec.path("predictor"))
            .path("serviceAccountName")
            .asText("");
    if (account.isEmpty()) {
      return "its pods run as the namespace's default ServiceAccount, which carries none of its download credentials";
    }
    if (model.credentials().serviceAccountName() != null) {
      return account.equals(model.credentials().serviceAccountName())
          ? null
          : "its pods run as ServiceAccount `"
              + account
              + "`, not `"
              + model.credentials().serviceAccountName()
              + "`";
    }
    String secret = model.credentials().secretName();
    boolean lists =
        objects.ofKind("ServiceAccount").stream()
            .anyMatch(
                o ->
                    o.name().equals(account)
                        && o.namespace().equals(model.namespace())
                        && o.body().path("secrets").findValuesAsText("name").contains(secret));
    return lists
        ? null
        : "its pods run as ServiceAccount `"
            + account
            + "`, and no ServiceAccount of that name in the"
            + " output lists Secret `"
            + secret
            + "`";
  }

  /**
   * The Limitador counters that {@code verdicts}' admitted calls add to, sorted. Limitador keeps
   * one counter per limit (named by policy and key, kuadrant-operator v1.5.2 {@code
   * LimitNameToLimitadorIdentifier}), per Limitador namespace (the route, {@code
   * LimitsNamespaceFromRoute}), per window, and per value of the limit's counter expressions (its
   * {@code variables}): calls that agree on all of them share one counter.
   */
  static java.util.SortedSet<String> countersOf(java.util.Collection<Verdict> verdicts) {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    for (Verdict verdict : verdicts) {
      if (!verdict.authorized()) {
        continue;
      }
      for (java.util.List<LimitMatch> limits :
          java.util.List.of(verdict.requestLimits(), verdict.tokenLimits())) {
        for (LimitMatch limit : limits) {
          limit.rates().forEach(rate -> out.add(limit.counterOf(rate)));
        }
      }
    }
    return out;
  }

  /** The file of {@code model}'s object of {@code kind}, or {@code base}. */
  String fileOf(String kind, Model model) {
    return find(kind, model).map(GatewayObjects.Located::file).orElse("base");
  }

  private Optional<GatewayObjects.Located> find(String kind, Model model) {
    return objects.find(kind, model.namespace(), model.name());
  }
}
