package dev.maas.tests.publish;

import dev.maas.output.GeneratedTree;
import java.util.Map;
import java.util.TreeMap;

/** Small hand-made generated trees, shaped like a platform's output. */
final class Trees {

  private Trees() {}

  /**
   * A platform tree whose token limit is {@code tokenLimit}; {@code extra} files are added as they
   * are.
   */
  static GeneratedTree platform(String platform, int tokenLimit, Map<String, String> extra) {
    Map<String, String> files = new TreeMap<>();
    files.put(
        "base/kustomization.yaml",
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - gateway.yaml
          - gateway-auth.yaml
          - token-limits.yaml
        """);
    files.put(
        "base/gateway.yaml",
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: maas-gateway
          namespace: maas-gateway
        spec:
          gatewayClassName: istio
        """);
    files.put(
        "base/gateway-auth.yaml",
        """
        apiVersion: kuadrant.io/v1
        kind: AuthPolicy
        metadata:
          name: %s-gateway-auth
          namespace: maas-gateway
        """
            .formatted(platform));
    files.put(
        "base/token-limits.yaml",
        """
        apiVersion: kuadrant.io/v1alpha1
        kind: TokenRateLimitPolicy
        metadata:
          name: %s-token-limits
          namespace: maas-gateway
        spec:
          limits:
            free:
              rates:
                - limit: %d
                  window: 1m
        """
            .formatted(platform, tokenLimit));
    files.put(
        "overlays/dev/kustomization.yaml",
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../../base
        """);
    files.putAll(extra);
    return GeneratedTree.ofText(files);
  }
}
