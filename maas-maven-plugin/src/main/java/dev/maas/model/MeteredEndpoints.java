package dev.maas.model;

import java.util.List;

/**
 * The paths the platform forwards to a model and meters: every other path under a model's prefix is
 * denied at the gateway. The LLM endpoints are those whose responses carry an OpenAI {@code usage}
 * object that Kuadrant's TokenRateLimitPolicy reads ({@code /usage/total_tokens}, kuadrant-operator
 * v1.5.2 {@code internal/controller/ratelimit_workflow_helpers.go} lines 232–306); {@code
 * /v1/messages} is left out because its usage has no {@code total_tokens}, so its tokens would
 * never be counted.
 */
public final class MeteredEndpoints {

  /** The platform-wide model listing, served by the token service and never token-limited. */
  public static final String LISTING = "/v1/models";

  /** The OpenAI-style endpoints of an LLM, as vLLM serves them. */
  public static final List<String> LLM =
      List.of("/v1/chat/completions", "/v1/completions", "/v1/responses", "/v1/embeddings");

  /**
   * Paths a model server answers that the gateway must never forward: vLLM's metrics, tokenizer,
   * health and its own listing; the Anthropic-style messages endpoint; KServe's model metadata. The
   * proof asks for each of them.
   */
  private static final List<String> LLM_UNMETERED =
      List.of(
          "/metrics",
          "/health",
          "/tokenize",
          "/detokenize",
          "/v1/models",
          "/v1/messages",
          "/v1/chat/completions/render",
          "/invocations");

  private MeteredEndpoints() {}

  /** Whether a predictor of this model format speaks only KServe's V2 (Open Inference) protocol. */
  public static boolean speaksV2(Model model) {
    // kserve-tritonserver, chosen for onnx and tensorrt, serves V2 only (kserve v0.20.0
    // config/runtimes/kserve-tritonserver.yaml); the other built-in runtimes default to V1.
    String format =
        model.modelFormat() == null
            ? "onnx"
            : model.modelFormat().toLowerCase(java.util.Locale.ROOT);
    return format.equals("onnx") || format.equals("tensorrt") || format.equals("triton");
  }

  /**
   * Whether the model's server speaks the OpenAI API: every LLM, and a predictor whose format names
   * an OpenAI-compatible server ({@code vllm}, {@code openai}).
   */
  public static boolean speaksOpenAi(Model model) {
    if (model.servingKind() == Serving.LLM) {
      return true;
    }
    String format =
        model.modelFormat() == null ? "" : model.modelFormat().toLowerCase(java.util.Locale.ROOT);
    return format.equals("vllm") || format.equals("openai");
  }

  /**
   * The paths the model's server answers inference on, as the server sees them (without the model's
   * prefix).
   */
  public static List<String> backendPaths(Model model) {
    if (speaksOpenAi(model)) {
      return LLM;
    }
    return List.of(
        speaksV2(model)
            ? "/v2/models/" + model.name() + "/infer"
            : "/v1/models/" + model.name() + ":predict");
  }

  /** The same paths on the gateway: {@code /<namespace>/<name>} followed by each backend path. */
  public static List<String> gatewayPaths(Model model) {
    return backendPaths(model).stream().map(p -> model.pathPrefix() + p).toList();
  }

  /** The first gateway path: the one the model listing names and the proof calls. */
  public static String primaryPath(Model model) {
    return gatewayPaths(model).get(0);
  }

  /** Paths under the model's prefix that must be refused (the proof's probes). */
  public static List<String> unmeteredGatewayPaths(Model model) {
    List<String> backend =
        speaksOpenAi(model)
            ? LLM_UNMETERED
            : List.of(
                "/v2/models/" + model.name(),
                "/v2/models/" + model.name() + "/ready",
                "/v2/health/live",
                "/v1/models/" + model.name(),
                "/metrics");
    return backend.stream().map(p -> model.pathPrefix() + p).toList();
  }
}
