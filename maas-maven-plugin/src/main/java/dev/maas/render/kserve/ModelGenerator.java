package dev.maas.render.kserve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Autoscaling;
import dev.maas.model.Model;
import dev.maas.model.ModelRouting;
import dev.maas.model.Parallelism;
import dev.maas.model.Platform;
import dev.maas.model.Resources;
import dev.maas.model.Serving;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the KServe object of every model: an LLMInferenceService routed through the platform's
 * Gateway, or an InferenceService predictor (whose route the gateway stage writes).
 */
public final class ModelGenerator implements Generator {

  /** The model format a predictor gets when the spec names none (the schema's default). */
  static final String DEFAULT_MODEL_FORMAT = "onnx";

  @Override
  public List<KubeObject> generate(Platform platform) {
    List<KubeObject> out = new ArrayList<>();
    for (Model model : platform.models()) {
      out.add(model.servingKind() == Serving.PREDICTOR ? predictor(model) : llm(platform, model));
      if (model.credentials() != null && model.credentials().secretName() != null) {
        out.add(storageServiceAccount(model));
      }
      if (model.servingKind() == Serving.PREDICTOR && RequestScaling.applies(model.autoscaling())) {
        out.add(RequestScaling.scaledObject(platform, model));
      }
    }
    if (RequestScaling.anyApplies(platform)) {
      out.add(RequestScaling.podMonitor(platform));
    }
    return out;
  }

  private static KubeObject llm(Platform platform, Model model) {
    KubeObject service =
        Manifests.object(
            "serving.kserve.io/v1alpha1", "LLMInferenceService", model.name(), model.namespace());
    describe(service, model);
    ObjectNode spec = Manifests.spec(service);
    ObjectNode m = spec.putObject("model");
    m.put("uri", model.uri());
    // The served name is the spec's name: clients send it as "model", and metrics are labelled with
    // it.
    m.put("name", model.name());
    Autoscaling scaling = model.autoscaling();
    if (scaling != null) {
      ObjectNode s = spec.putObject("scaling");
      // The CRD allows neither 0 replicas nor an idle count of 0 here: an LLM keeps at least one
      // replica.
      s.put("minReplicas", Math.max(1, scaling.minReplicas()));
      s.put("maxReplicas", scaling.maxReplicas());
      s.putObject("wva").putObject("hpa");
    } else {
      spec.put("replicas", model.replicas() == null ? 1 : model.replicas());
    }
    // KServe makes the route (`<name>-kserve-route`) and attaches it to the Gateways named here
    // (kserve v0.20.0 pkg/controller/v1alpha2/llmisvc/config_merge.go line 329): the internal one,
    // which only the
    // public Gateway's single model route reaches, so that each tier limit is one set of counters
    // (ModelRouting).
    ObjectNode router = spec.putObject("router");
    router.putObject("route");
    ObjectNode ref = router.putObject("gateway").putArray("refs").addObject();
    ref.put("name", ModelRouting.internalGatewayName(platform));
    ref.put("namespace", platform.gateway().namespace());
    Parallelism parallelism = model.effectiveParallelism();
    if (parallelism != null) {
      // vLLM shards a model over the GPUs of a replica only when told: KServe passes
      // --tensor-parallel-size only
      // when spec.parallelism.tensor is set (kserve v0.20.0
      // config/llmisvcconfig/config-llm-template.yaml lines
      // 166-172); without it the model loads on one GPU.
      ObjectNode split = spec.putObject("parallelism");
      split.put("tensor", parallelism.tensor());
      if (parallelism.pipeline() > 1) {
        split.put("pipeline", parallelism.pipeline());
      }
    }
    ObjectNode template = spec.putObject("template");
    if (model.serviceAccountName() != null) {
      // KServe's storage initializer takes hf:// and s3:// credentials from the secrets of the
      // pod's ServiceAccount
      // (kserve v0.20.0 pkg/controller/v1alpha1/llmisvc/workload_storage.go, attachHfModelArtifact
      // and
      // attachS3ModelArtifact).
      template.put("serviceAccountName", model.serviceAccountName());
    }
    ObjectNode main = template.putArray("containers").addObject();
    main.put("name", "main");
    // Streams end with a usage chunk, so streamed tokens are counted (kserve v0.20.0
    // config-llm-template.yaml line 176).
    ObjectNode usage = main.putArray("env").addObject();
    usage.put("name", "VLLM_ADDITIONAL_ARGS");
    usage.put("value", "--enable-force-include-usage");
    putResources(main, model);
    return service;
  }

  private static KubeObject predictor(Model model) {
    KubeObject service =
        Manifests.object(
            "serving.kserve.io/v1beta1", "InferenceService", model.name(), model.namespace());
    describe(service, model);
    // Pinned, not left to the cluster's default (Serverless, kserve v0.20.0
    // config/configmap/inferenceservice.yaml
    // line 745), where `<name>-predictor` is an ExternalName for the Knative gateway and the
    // route's Host matches
    // nothing. Standard mode makes it a plain Service the internal Gateway's route reaches
    // (pkg/constants/constants.go lines 115 and 565).
    ((ObjectNode) service.body().get("metadata").get("annotations"))
        .put("serving.kserve.io/deploymentMode", "Standard");
    ObjectNode predictor = Manifests.spec(service).putObject("predictor");
    if (model.serviceAccountName() != null) {
      // The storage initializer reads the download credentials from this ServiceAccount's secrets.
      predictor.put("serviceAccountName", model.serviceAccountName());
    }
    Autoscaling scaling = model.autoscaling();
    if (scaling != null) {
      predictor.put("minReplicas", scaling.minReplicas());
      predictor.put("maxReplicas", scaling.maxReplicas());
      if (RequestScaling.applies(scaling)) {
        // Standard mode's HPA builds metrics for cpu and memory only (kserve v0.20.0
        // hpa_reconciler.go
        // getHPAMetrics): request metrics are KEDA's, through the ScaledObject written beside this
        // object;
        // `external` tells KServe to write no autoscaler of its own and to leave the replicas to
        // it.
        ((ObjectNode) service.body().get("metadata").get("annotations"))
            .put(RequestScaling.AUTOSCALER_CLASS, RequestScaling.EXTERNAL);
      } else {
        predictor.put("scaleMetric", scaling.metric());
        predictor.put("scaleTarget", scaling.target());
      }
    } else {
      int replicas = model.replicas() == null ? 1 : model.replicas();
      predictor.put("minReplicas", replicas);
      predictor.put("maxReplicas", Math.max(1, replicas));
    }
    ObjectNode m = predictor.putObject("model");
    m.putObject("modelFormat")
        .put("name", model.modelFormat() == null ? DEFAULT_MODEL_FORMAT : model.modelFormat());
    m.put("storageUri", model.uri());
    putResources(m, model);
    return service;
  }

  /** The ServiceAccount that hands the model's download Secret to KServe's storage initializer. */
  private static KubeObject storageServiceAccount(Model model) {
    KubeObject account =
        Manifests.object(
            "v1", "ServiceAccount", model.storageServiceAccountName(), model.namespace());
    account.body().putArray("secrets").addObject().put("name", model.credentials().secretName());
    return account;
  }

  private static void describe(KubeObject object, Model model) {
    ObjectNode annotations = ((ObjectNode) object.body().get("metadata")).putObject("annotations");
    annotations.put("openshift.io/display-name", model.displayName());
    if (model.description() != null) {
      annotations.put("openshift.io/description", model.description());
    }
  }

  /** Sets {@code target}'s resources from {@code model}'s, when it asks for any. */
  private static void putResources(ObjectNode target, Model model) {
    ObjectNode resources = resources(model.resources());
    if (resources != null) {
      target.set("resources", resources);
    }
  }

  /**
   * Requests equal to limits, so the scheduler reserves what the model may use; {@code null} when
   * none are set.
   */
  static ObjectNode resources(Resources r) {
    if (r == null || (r.cpu() == null && r.memory() == null && r.gpus() == null)) {
      return null;
    }
    ObjectNode amounts = Manifests.map();
    if (r.cpu() != null) {
      amounts.put("cpu", r.cpu());
    }
    if (r.memory() != null) {
      amounts.put("memory", r.memory());
    }
    if (r.gpus() != null) {
      amounts.put("nvidia.com/gpu", String.valueOf(r.gpus()));
    }
    ObjectNode out = Manifests.map();
    out.set("requests", amounts.deepCopy());
    out.set("limits", amounts);
    return out;
  }
}
