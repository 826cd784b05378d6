package dev.maas.commandline.platform;

/** The commented starter spec {@code maas init} writes: one tier, one model, valid as written. */
final class StarterSpec {

  private StarterSpec() {}

  /**
   * The spec of a platform named {@code name}, with the modeline that points editors at the schema.
   */
  static String text(String name) {
    return """
        # yaml-language-server: $schema=../schema/platform-spec.schema.json
        # A starter platform: edit it, then run `maas validate`, `maas plan` and `maas generate`.
        # Every field is described in docs/spec-reference.md; your editor completes them from the schema above.
        apiVersion: maas/v1alpha1
        kind: Platform
        metadata:
          name: %s
        spec:
          # The Gateway API Gateway that exposes the models and the MaaS API (under /maas-api/).
          gateway:
            name: %s-gateway
            namespace: %s-gateway
            className: istio
            hostname: maas.example.com
            tls:
              secretName: %s-gateway-tls

          # Who the people are: Kubernetes tokens (kubectl create token / oc whoami -t), or OIDC with issuerUrl.
          auth:
            users:
              kubernetes:
                audiences: ["https://kubernetes.default.svc"]

          # The MaaS API mints tier-bound tokens; its signing key is a Secret you create (never in this file).
          tokens:
            namespace: %s-system
            defaultTTL: 4h
            maxTTL: 720h
            signingKeySecret: %s-token-signing-key

          # Tiers: who (groups) may call which models at what rate. The highest level a caller's groups match wins.
          tiers:
            - name: free
              displayName: Free
              description: Every signed-in user.
              level: 0
              groups: ["system:authenticated"]
              models: [granite-8b]
              limits:
                requests: [{limit: 10, window: 1m}]
                tokens: [{limit: 10000, window: 1m}]

          # Models: served by KServe; an LLM gets an OpenAI-compatible URL under /<namespace>/<name>/v1.
          models:
            - name: granite-8b
              namespace: llm
              displayName: Granite 3.1 8B Instruct
              serving: llm
              uri: hf://ibm-granite/granite-3.1-8b-instruct
              replicas: 1
              resources: {gpus: 1, memory: 24Gi}
        """
        .formatted(name, name, name, name, name, name);
  }
}
