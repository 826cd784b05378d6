package dev.maas.model;

/** How KServe serves a model. */
public enum Serving {
  /** An LLMInferenceService (serving.kserve.io/v1alpha1). */
  LLM,
  /** An InferenceService predictor (serving.kserve.io/v1beta1). */
  PREDICTOR;

  /** Parses the spec's spelling; {@code null} means {@link #LLM}. */
  public static Serving of(String text) {
    return "predictor".equals(text) ? PREDICTOR : LLM;
  }
}
