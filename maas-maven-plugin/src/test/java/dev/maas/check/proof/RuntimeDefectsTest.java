package dev.maas.check.proof;

import static dev.maas.check.proof.Reference.AUTH;
import static dev.maas.check.proof.Reference.REQUESTS;
import static dev.maas.check.proof.Reference.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.testing.BoundSpecs;
import dev.maas.validate.Rendered;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The earlier output's runtime defects, re-created on the reference output, each caught by the
 * proof's runtime model: limits counted once per route, unmetered endpoints reachable, query
 * strings that change a path test, and streams that report no usage.
 */
class RuntimeDefectsTest {

  private static final String ROUTE = "base/httproute-acme-models.yaml";
  private static final String PREDICTOR_ROUTE = "base/httproute-acme-mnist-classifier.yaml";

  private static final Platform platform = BoundSpecs.acme();
  private static final GeneratedTree golden = Reference.golden();

  private static List<String> findings(GeneratedTree tree) {
    return Reference.proofFindings(platform, tree);
  }

  private static void toGateway(ObjectNode policy) {
    ObjectNode target = Reference.at(policy, "spec.targetRef");
    target.put("kind", "Gateway");
    target.put("name", "maas-gateway");
  }

  private static void onPublicGateway(ObjectNode object, String dotted) {
    ObjectNode ref = (ObjectNode) ((ArrayNode) Reference.at(object, dotted).get("refs")).get(0);
    ref.put("name", "maas-gateway");
  }

  /**
   * The earlier shape: the limits target the Gateway, KServe's routes and the predictor's route
   * hang on the public Gateway, and the listing has a route of its own. Kuadrant then counts every
   * limit once per route.
   */
  @Test
  void limitsCountedPerRouteAreCaught() {
    GeneratedTree old = Reference.editObject(golden, REQUESTS, RuntimeDefectsTest::toGateway);
    old = Reference.editObject(old, TOKENS, RuntimeDefectsTest::toGateway);
    old =
        Reference.editObject(
            old,
            "base/llminferenceservice-granite-8b.yaml",
            p -> onPublicGateway(p, "spec.router.gateway"));
    old =
        Reference.editObject(
            old,
            "base/llminferenceservice-llama-70b.yaml",
            p -> onPublicGateway(p, "spec.router.gateway"));
    old =
        Reference.editObject(
            old,
            PREDICTOR_ROUTE,
            p ->
                ((ObjectNode) ((ArrayNode) p.path("spec").path("parentRefs")).get(0))
                    .put("name", "maas-gateway"));
    // The public route keeps the listing only.
    old =
        Reference.editObject(old, ROUTE, p -> ((ArrayNode) p.path("spec").path("rules")).remove(1));
    PolicyProof.Result result = new PolicyProof().prove(platform, old);
    List<String> found = result.findings().stream().map(Rendered::withoutCode).toList();
    String hint =
        " (carry every model call and the listing on one HTTPRoute, and target the limits at it)";
    assertEquals(
        List.of(
            REQUESTS
                + ": error: policy proof: tier `free`: limit `free-requests` of RateLimitPolicy"
                + " maas-system/acme-request-limits is counted separately on 2 routes (llm/granite-8b-kserve-route for"
                + " granite-8b; maas-system/acme-models for the model listing): Kuadrant keeps one set of counters per"
                + " route, so the tier may use 5/2m on each of them"
                + hint,
            REQUESTS
                + ": error: policy proof: tier `premium`: limit `premium-requests` of RateLimitPolicy"
                + " maas-system/acme-request-limits is counted separately on 3 routes (llm/granite-8b-kserve-route for"
                + " granite-8b; llm/llama-70b-kserve-route for llama-70b; maas-system/acme-models for the model listing):"
                + " Kuadrant keeps one set of counters per route, so the tier may use 20/2m on each of them"
                + hint,
            TOKENS
                + ": error: policy proof: tier `enterprise`: limit `enterprise-tokens` of TokenRateLimitPolicy"
                + " maas-system/acme-token-limits is counted separately on 3 routes (llm/granite-8b-kserve-route for"
                + " granite-8b; llm/llama-70b-kserve-route for llama-70b; vision/acme-mnist-classifier for"
                + " mnist-classifier): Kuadrant keeps one set of counters per route, so the tier may use 1000000/1m on each"
                + " of them"
                + hint),
        found);
    assertEquals(
        3, result.counters().get("enterprise").size(), () -> String.valueOf(result.counters()));
  }

  /**
   * The earlier tier-access rule: every path under a model's prefix, so its metrics and tokenizer
   * too.
   */
  @Test
  void unmeteredEndpointsAreCaught() {
    GeneratedTree old =
        Reference.editObject(
            golden,
            AUTH,
            p -> {
              ObjectNode pattern =
                  (ObjectNode)
                      Reference.at(p, "spec.rules.authorization.tier-access.patternMatching")
                          .path("patterns")
                          .get(0);
              pattern.put(
                  "predicate",
                  pattern
                      .path("predicate")
                      .asText()
                      .replace(
                          "request.method == \"POST\" && request.url_path in [\"/llm/granite-8b/v1/chat/completions\","
                              + " \"/llm/granite-8b/v1/completions\", \"/llm/granite-8b/v1/responses\","
                              + " \"/llm/granite-8b/v1/embeddings\"]",
                          "request.path.startsWith(\"/llm/granite-8b/\")"));
            });
    List<String> found = findings(old);
    String hint =
        " (allow only the metered endpoints of MeteredEndpoints in the AuthPolicy's tier-access rule)";
    for (String path : List.of("/metrics", "/tokenize", "/v1/messages", "/v1/models")) {
      for (String method : List.of("GET", "POST")) {
        assertTrue(
            found.contains(
                AUTH
                    + ": error: policy proof: tier `free` reaches "
                    + method
                    + " /llm/granite-8b"
                    + path
                    + " of model `granite-8b` (forwarded to LLMInferenceService llm/granite-8b), an endpoint the"
                    + " platform does not meter"
                    + hint),
            () -> String.join("\n", found));
      }
    }
    assertEquals(16, found.size(), () -> String.join("\n", found));
  }

  /** The earlier listing test on {@code request.path}, which holds the query string. */
  @Test
  void pathTestsThatAQueryStringDefeatsAreCaught() {
    java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>(golden.files());
    files.put(
        TOKENS,
        new String(files.get(TOKENS), java.nio.charset.StandardCharsets.UTF_8)
            .replace(
                "'!(request.url_path == \"/v1/models\" || request.url_path.startsWith(\"/v1/models/\"))'",
                "'!request.path.endsWith(\"/v1/models\")'")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    GeneratedTree old = new GeneratedTree(files);
    String hint =
        " (compare paths with request.url_path, which holds no query string, not request.path)";
    // A query that ends in /v1/models makes a model call look like the listing, and its tokens go
    // uncounted.
    assertEquals(
        List.of(
            TOKENS
                + ": error: policy proof: tier `free` → model `granite-8b`: POST /llm/granite-8b/v1/chat/completions"
                + "?stream=true&x=/v1/models is treated unlike POST /llm/granite-8b/v1/chat/completions (admitted, request"
                + " limits `free-requests`, token limits `free-tokens` without the query, admitted, request limits"
                + " `free-requests`, token limits none with it)"
                + hint,
            TOKENS
                + ": error: policy proof: tier `premium` → model `llama-70b`: POST /llm/llama-70b/v1/chat/completions"
                + "?stream=true&x=/v1/models is treated unlike POST /llm/llama-70b/v1/chat/completions (admitted, request"
                + " limits `premium-requests`, token limits `premium-llama-70b-tokens` without the query, admitted, request"
                + " limits `premium-requests`, token limits none with it)"
                + hint,
            TOKENS
                + ": error: policy proof: tier `enterprise` → model `mnist-classifier`: POST"
                + " /vision/mnist-classifier/v2/models/mnist-classifier/infer?stream=true&x=/v1/models is treated unlike"
                + " POST /vision/mnist-classifier/v2/models/mnist-classifier/infer (admitted, request limits none, token"
                + " limits `enterprise-tokens` without the query, admitted, request limits none, token limits none with"
                + " it)"
                + hint),
        findings(old));
  }

  /** The earlier LLM container: no usage in streams, so streamed tokens are not counted. */
  @Test
  void streamsWithoutUsageAreCaught() {
    String file = "base/llminferenceservice-llama-70b.yaml";
    GeneratedTree old =
        Reference.editObject(
            golden,
            file,
            p ->
                ((ObjectNode) Reference.at(p, "spec.template").path("containers").get(0))
                    .remove("env"));
    assertEquals(
        List.of(
            file
                + ": error: policy proof: model `llama-70b` has token limits, but a call with"
                + " \"stream\": true is counted as 0 tokens: vLLM reports no usage in a stream unless asked, and the"
                + " TokenRateLimitPolicy reads /usage/total_tokens of the response (give the LLMInferenceService's main"
                + " container VLLM_ADDITIONAL_ARGS with --enable-force-include-usage)"),
        findings(old));
  }

  /** A model call that no route takes, or that reaches another server, is caught. */
  @Test
  void callsThatReachNoServerAreCaught() {
    GeneratedTree old =
        Reference.editObject(
            golden,
            PREDICTOR_ROUTE,
            p ->
                ((ObjectNode) p.path("spec").path("rules").get(0).path("backendRefs").get(0))
                    .put("name", "granite-8b-predictor"));
    List<String> found = findings(old);
    assertTrue(
        found.contains(
            AUTH
                + ": error: policy proof: tier `enterprise` → model `mnist-classifier`"
                + " (POST /vision/mnist-classifier/v2/models/mnist-classifier/infer): HTTPRoute maas-system/acme-models"
                + " forwards it to Service vision/granite-8b-predictor, expected Service vision/mnist-classifier-predictor"),
        () -> String.join("\n", found));
  }

  /** The earlier LLM of 4 GPUs without tensor parallelism: vLLM loads the 70B model on one GPU. */
  @Test
  void multiGpuModelsThatDoNotShardAreCaught() {
    String file = "base/llminferenceservice-llama-70b.yaml";
    GeneratedTree old =
        Reference.editObject(
            golden, file, p -> ((ObjectNode) p.path("spec")).remove("parallelism"));
    assertEquals(
        List.of(
            file
                + ": error: policy proof: model `llama-70b` asks for 4 GPUs per replica, but"
                + " spec.parallelism gives 1 shard(s) for 4 GPUs per replica: vLLM loads it on one GPU (set"
                + " spec.parallelism.tensor (× pipeline) to the GPUs per replica)"),
        findings(old));
  }

  /**
   * The earlier predictor without a pinned deployment mode: on a Serverless default its route
   * answers 404.
   */
  @Test
  void predictorsLeftToTheDefaultModeAreCaught() {
    String file = "base/inferenceservice-mnist-classifier.yaml";
    GeneratedTree old =
        Reference.editObject(
            golden,
            file,
            p ->
                ((ObjectNode) p.path("metadata").path("annotations"))
                    .remove("serving.kserve.io/deploymentMode"));
    assertEquals(
        List.of(
            file
                + ": error: policy proof: model `mnist-classifier`: serving.kserve.io/deploymentMode"
                + " is not set, so on a cluster whose default is Serverless its predictor Service is an ExternalName for the"
                + " Knative gateway and the route to it answers 404 (pin serving.kserve.io/deploymentMode: Standard)"),
        findings(old));
  }

  /**
   * The earlier predictor that left `scaleMetric: concurrency` to KServe's Standard-mode HPA, which
   * drops it.
   */
  @Test
  void requestMetricsLeftToTheHpaAreCaught() {
    String file = "base/inferenceservice-mnist-classifier.yaml";
    GeneratedTree old =
        Reference.editObject(
            golden,
            file,
            p -> {
              ((ObjectNode) p.path("metadata").path("annotations"))
                  .remove("serving.kserve.io/autoscalerClass");
              ((ObjectNode) p.path("spec").path("predictor"))
                  .put("scaleMetric", "concurrency")
                  .put("scaleTarget", 8);
            });
    assertEquals(
        List.of(
            file
                + ": error: policy proof: model `mnist-classifier`: scaleMetric `concurrency` goes to"
                + " KServe's Standard-mode HPA, which builds metrics for cpu and memory only, so the model scales on nothing"
                + " (spec metric `concurrency`) (scale request metrics with KEDA: serving.kserve.io/autoscalerClass: external"
                + " and a ScaledObject on the predictor's Deployment, reading metrics Prometheus scrapes from the internal"
                + " Gateway)"),
        findings(old));
  }

  /**
   * KServe told to leave the scaling to someone else, and no ScaledObject doing it: the model never
   * scales.
   */
  @Test
  void anExternalScalerWithoutItsScaledObjectIsCaught() {
    String file = "base/inferenceservice-mnist-classifier.yaml";
    GeneratedTree old =
        Reference.editObject(
            golden,
            "base/scaledobject-mnist-classifier-predictor.yaml",
            p ->
                ((ObjectNode) p.path("spec").path("scaleTargetRef"))
                    .put("name", "mnist-classifier"));
    assertEquals(
        List.of(
            file
                + ": error: policy proof: model `mnist-classifier`: its autoscaler class is `external`,"
                + " but no ScaledObject scales Deployment vision/mnist-classifier-predictor (spec metric `concurrency`) (scale"
                + " request metrics with KEDA: serving.kserve.io/autoscalerClass: external and a ScaledObject on the"
                + " predictor's Deployment, reading metrics Prometheus scrapes from the internal Gateway)"),
        findings(old));
  }

  /**
   * The earlier output: a ScaledObject querying the internal Gateway's Envoy metrics, which nothing
   * scraped.
   */
  @Test
  void aScaledObjectWhoseMetricsNobodyScrapesIsCaught() {
    java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>(golden.files());
    assertTrue(files.remove("base/podmonitor-maas-gateway-internal-envoy.yaml") != null);
    assertEquals(
        List.of(
            "base/inferenceservice-mnist-classifier.yaml: error: policy proof: model `mnist-classifier`:"
                + " no PodMonitor scrapes port `http-envoy-prom` of the internal Gateway `maas-gateway-internal`, where the"
                + " calls its ScaledObject counts are reported, so the query finds no series (spec metric `concurrency`)"
                + " (scale request metrics with KEDA: serving.kserve.io/autoscalerClass: external and a ScaledObject on the"
                + " predictor's Deployment, reading metrics Prometheus scrapes from the internal Gateway)"),
        findings(new GeneratedTree(files)));
  }

  /**
   * The earlier NetworkPolicy: only the public Gateway may reach the internal one, so Prometheus
   * can't scrape it.
   */
  @Test
  void aNetworkPolicyThatKeepsPrometheusOutIsCaught() {
    GeneratedTree old =
        Reference.editObject(
            golden,
            "base/networkpolicy-maas-gateway-internal.yaml",
            p ->
                ((com.fasterxml.jackson.databind.node.ArrayNode) p.path("spec").path("ingress"))
                    .remove(1));
    assertEquals(
        List.of(
            "base/inferenceservice-mnist-classifier.yaml: error: policy proof: model `mnist-classifier`:"
                + " NetworkPolicy maas-system/maas-gateway-internal keeps Prometheus (monitoring) from port 15090 of the"
                + " internal Gateway's pods, so its ScaledObject's query finds no series (spec metric `concurrency`) (scale"
                + " request metrics with KEDA: serving.kserve.io/autoscalerClass: external and a ScaledObject on the"
                + " predictor's Deployment, reading metrics Prometheus scrapes from the internal Gateway)"),
        findings(old));
  }

  /**
   * The earlier LLM that had no way to name download credentials: its pods run as the default
   * ServiceAccount.
   */
  @Test
  void gatedModelsWithoutTheirCredentialsAreCaught() {
    String file = "base/llminferenceservice-llama-70b.yaml";
    GeneratedTree old =
        Reference.editObject(
            golden,
            file,
            p -> ((ObjectNode) p.path("spec").path("template")).remove("serviceAccountName"));
    assertEquals(
        List.of(
            file
                + ": error: policy proof: model `llama-70b` names download credentials, but its pods"
                + " run as the namespace's default ServiceAccount, which carries none of its download credentials: KServe's"
                + " storage initializer fails to download it (run the model's pods as a ServiceAccount whose secrets list the"
                + " credentials)"),
        findings(old));
  }

  /** A download ServiceAccount that lists another Secret than the spec names. */
  @Test
  void aServiceAccountWithoutTheNamedSecretIsCaught() {
    GeneratedTree old =
        Reference.editObject(
            golden,
            "base/serviceaccount-mnist-classifier-storage.yaml",
            p -> ((ObjectNode) p.path("secrets").get(0)).put("name", "other"));
    assertEquals(
        List.of(
            "base/inferenceservice-mnist-classifier.yaml: error: policy proof: model `mnist-classifier`"
                + " names download credentials, but its pods run as ServiceAccount `mnist-classifier-storage`, and no"
                + " ServiceAccount of that name in the output lists Secret `models-s3`: KServe's storage initializer fails to"
                + " download it (run the model's pods as a ServiceAccount whose secrets list the credentials)"),
        findings(old));
  }
}
