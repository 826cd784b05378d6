package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maas.diag.Diagnostic;
import dev.maas.validate.SpecValidator;
import dev.maas.validate.lint.LintRules;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The contract's reference spec as text, edited one place at a time by the rule tests. */
public final class ReferenceSpec {

  /** The reference spec; line numbers in the tests refer to this text. */
  public static final String TEXT =
      """
      # The reference platform spec: three tiers, three models, two environments.
      apiVersion: maas/v1alpha1
      kind: Platform
      metadata:
        name: acme
      spec:
        gateway:
          name: maas-gateway
          namespace: maas-system
          className: istio
          hostname: maas.apps.example.com
          tls:
            secretName: maas-gateway-tls

        auth:
          users:
            kubernetes:
              audiences: ["https://kubernetes.default.svc"]

        tokens:
          namespace: maas-system
          defaultTTL: 4h
          maxTTL: 720h
          signingKeySecret: maas-token-signing-key

        tiers:
          - name: free
            displayName: Free
            description: Try every small model at a low rate.
            level: 0
            groups: ["system:authenticated"]
            models: [granite-8b]
            limits:
              requests: [{limit: 5, window: 2m}]
              tokens: [{limit: 100, window: 1m}]

          - name: premium
            displayName: Premium
            level: 10
            groups: [premium-users]
            models: [granite-8b, llama-70b]
            limits:
              requests: [{limit: 20, window: 2m}]
              tokens:
                - {limit: 50000, window: 1m}
                - {limit: 2000000, window: 1d}
            modelLimits:
              llama-70b:
                tokens: [{limit: 20000, window: 1m}]

          - name: enterprise
            displayName: Enterprise
            level: 20
            groups: [enterprise-users, "acme:ml-admins"]
            limits:
              counter: tier
              tokens: [{limit: 1000000, window: 1m}]

        models:
          - name: granite-8b
            namespace: llm
            displayName: Granite 3.1 8B Instruct
            serving: llm
            uri: hf://ibm-granite/granite-3.1-8b-instruct
            replicas: 1
            resources: {gpus: 1, memory: 24Gi}

          - name: llama-70b
            namespace: llm
            displayName: Llama 3.3 70B Instruct
            serving: llm
            uri: hf://meta-llama/Llama-3.3-70B-Instruct
            replicas: 2
            resources: {gpus: 4, memory: 160Gi}

          - name: mnist-classifier
            namespace: vision
            serving: predictor
            uri: s3://models/mnist/v3
            autoscaling: {minReplicas: 1, maxReplicas: 4, metric: concurrency, target: 8}
            resources: {cpu: "2", memory: 4Gi}

        observability:
          metrics: true
          dashboards: true
          alerts:
            tokenUsageWarnPercent: 80

        environments:
          - name: dev
            gateway:
              hostname: maas.dev.example.com
            models:
              llama-70b: {replicas: 0}
          - name: prod

        gitops:
          repoURL: https://git.example.com/platform/maas-gitops.git
          branch: main
          path: clusters/acme
          argocd:
            namespace: argocd
            project: maas
            destinationServer: https://kubernetes.default.svc
      """;

  private ReferenceSpec() {}

  /**
   * The reference spec with {@code from} (which must occur exactly once) replaced by {@code to}.
   */
  public static String edit(String from, String to) {
    int at = TEXT.indexOf(from);
    assertEquals(
        true, at >= 0 && TEXT.indexOf(from, at + 1) < 0, "edit target must occur once: " + from);
    return TEXT.replace(from, to);
  }

  /**
   * Every diagnostic of validating {@code text} as {@code spec.yaml}, rendered; lint warnings are
   * left out (the reference spec's free tier is below one typical response on purpose; the lint
   * rules have tests of their own).
   */
  static List<String> validate(String text) {
    return new SpecValidator()
        .validate(text.getBytes(StandardCharsets.UTF_8), "spec.yaml").diagnostics().stream()
            .filter(d -> !LintRules.isLint(d.code()))
            .map(Diagnostic::render)
            .toList();
  }

  /** The diagnostics of the reference spec with one edit. */
  static List<String> validateEdited(String from, String to) {
    return validate(edit(from, to));
  }

  /** The codes of the diagnostics of the reference spec with one edit. */
  static List<String> codes(String from, String to) {
    return new SpecValidator()
            .validate(edit(from, to).getBytes(StandardCharsets.UTF_8), "spec.yaml")
            .diagnostics()
            .stream()
            .map(Diagnostic::code)
            .filter(code -> !LintRules.isLint(code))
            .toList();
  }
}
