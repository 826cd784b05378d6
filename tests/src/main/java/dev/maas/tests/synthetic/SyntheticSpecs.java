package dev.maas.tests.synthetic;

import java.nio.charset.StandardCharsets;

/**
 * Writes synthetic platform specs of any size that are valid by construction: N models, T tiers
 * with allow-lists and per-model overrides, E environments with overrides.
 */
public final class SyntheticSpecs {

  private SyntheticSpecs() {}

  /**
   * A spec with {@code models} models, {@code tiers} tiers and {@code environments} environments.
   */
  public static String spec(int models, int tiers, int environments) {
    if (models < 1 || tiers < 1 || environments < 1) {
      throw new IllegalArgumentException("at least one model, tier and environment");
    }
    StringBuilder y = new StringBuilder(256 * models + 512 * tiers);
    y.append("# yaml-language-server: $schema=../schema/platform-spec.schema.json\n");
    y.append("apiVersion: maas/v1alpha1\nkind: Platform\nmetadata:\n  name: synth\nspec:\n");
    y.append(
        "  gateway:\n    name: maas-gateway\n    namespace: maas-system\n    className: istio\n");
    y.append("    hostname: maas.apps.example.com\n    tls:\n      secretName: maas-gateway-tls\n");
    y.append(
        "  auth:\n    users:\n      kubernetes:\n        audiences: [\"https://kubernetes.default.svc\"]\n");
    y.append("  tokens:\n    namespace: maas-system\n    defaultTTL: 4h\n    maxTTL: 720h\n");
    y.append("    signingKeySecret: maas-token-signing-key\n");
    y.append("  tiers:\n");
    for (int t = 0; t < tiers; t++) {
      y.append("    - name: tier-").append(t).append('\n');
      y.append("      displayName: Tier ").append(t).append('\n');
      y.append("      level: ").append(t * 10).append('\n');
      y.append("      groups: [tier-").append(t).append("-users");
      if (t == 0) {
        y.append(", \"system:authenticated\"");
      }
      y.append("]\n");
      boolean allModels = t == tiers - 1;
      if (!allModels) {
        // Higher tiers reach more models: tier t may call every model whose index modulo T is at
        // most t.
        y.append("      models: [");
        boolean first = true;
        for (int m = 0; m < models; m++) {
          if (m % tiers <= t) {
            y.append(first ? "" : ", ").append(modelName(m));
            first = false;
          }
        }
        y.append("]\n");
      }
      y.append("      limits:\n");
      if (t % 2 == 1) {
        y.append("        counter: tier\n");
      }
      y.append("        requests: [{limit: ").append(10 + 10L * t).append(", window: 1m}]\n");
      y.append("        tokens:\n");
      y.append("          - {limit: ").append(1000 + 1000L * t).append(", window: 1m}\n");
      y.append("          - {limit: ").append(100000 + 100000L * t).append(", window: 1d}\n");
      // Two per-model overrides per tier, on models the tier may call.
      int a = (t * 7) % models;
      int b = (t * 13 + 1) % models;
      y.append("      modelLimits:\n");
      java.util.TreeSet<Integer> overridden = new java.util.TreeSet<>();
      for (int m : new int[] {a, b}) {
        overridden.add(allModels ? m : allowedIndex(m, t, tiers, models));
      }
      for (int allowed : overridden) {
        y.append("        ").append(modelName(allowed)).append(":\n");
        y.append("          tokens: [{limit: ").append(500 + 500L * t).append(", window: 1m}]\n");
      }
    }
    y.append("  models:\n");
    for (int m = 0; m < models; m++) {
      boolean predictor = m % 5 == 4;
      y.append("    - name: ").append(modelName(m)).append('\n');
      y.append("      namespace: models-").append(m % 10).append('\n');
      y.append("      displayName: Model ").append(m).append('\n');
      if (predictor) {
        y.append("      serving: predictor\n      modelFormat: onnx\n");
        y.append("      uri: s3://models/model-").append(m).append("/v1\n");
        y.append("      credentials: {secretName: models-s3}\n");
        y.append(
            "      autoscaling: {minReplicas: 1, maxReplicas: 4, metric: concurrency, target: 8}\n");
        y.append("      resources: {cpu: \"2\", memory: 4Gi}\n");
      } else {
        y.append("      serving: llm\n");
        y.append("      uri: hf://example/model-").append(m).append('\n');
        y.append("      replicas: 1\n");
        // Every fifth model is large: its replicas span four GPUs, which vLLM must shard across.
        y.append(
            m % 5 == 3
                ? "      resources: {gpus: 4, memory: 160Gi}\n"
                : "      resources: {gpus: 1, memory: 24Gi}\n");
      }
    }
    // Counters in Redis: the tiers' 1d windows must survive a Limitador restart.
    y.append("  limitador:\n    storage:\n      redis:\n        secretName: limitador-redis\n");
    y.append(
        "  observability:\n    metrics: true\n    dashboards: true\n    alerts:\n      tokenUsageWarnPercent: 80\n");
    y.append("  environments:\n");
    for (int e = 0; e < environments; e++) {
      y.append("    - name: env-").append(e).append('\n');
      y.append("      gateway:\n        hostname: maas.env-").append(e).append(".example.com\n");
      y.append("      models:\n");
      for (int m = e; m < models; m += Math.max(1, models / 10)) {
        if (m % 5 == 3 && e % 2 == 1) {
          // A smaller environment runs the large model on half the GPUs.
          y.append("        ")
              .append(modelName(m))
              .append(": {replicas: 1, resources: {gpus: 2, memory: 80Gi}}\n");
        } else if (m % 5 != 4) {
          y.append("        ")
              .append(modelName(m))
              .append(": {replicas: ")
              .append(e % 2)
              .append("}\n");
        }
      }
    }
    y.append(
        "  gitops:\n    repoURL: https://git.example.com/platform/maas-gitops.git\n    branch: main\n");
    y.append(
        "    path: clusters/synth\n    argocd:\n      namespace: argocd\n      project: maas\n");
    return y.toString();
  }

  /** The same spec as UTF-8 bytes. */
  public static byte[] bytes(int models, int tiers, int environments) {
    return spec(models, tiers, environments).getBytes(StandardCharsets.UTF_8);
  }

  /** The name of model {@code index}. */
  public static String modelName(int index) {
    return "model-" + index;
  }

  /**
   * The nearest model index at or below {@code m} that tier {@code t} of {@code tiers} may call.
   */
  private static int allowedIndex(int m, int t, int tiers, int models) {
    for (int i = m; i >= 0; i--) {
      if (i % tiers <= t) {
        return i;
      }
    }
    return 0;
  }
}
