package dev.maas.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-written objects of every kind the compiler emits pass the real CRDs and the built-in models.
 */
class ValidObjectsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: maas-gateway, namespace: gateway-system}
      spec:
        gatewayClassName: istio
        listeners:
        - name: https
          port: 443
          protocol: HTTPS
          hostname: maas.example.com
          allowedRoutes: {namespaces: {from: All}}
          tls:
            mode: Terminate
            certificateRefs: [{kind: Secret, name: maas-tls}]
      """,
        """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: acme-granite-8b, namespace: llm}
      spec:
        parentRefs: [{name: maas-gateway, namespace: gateway-system}]
        rules:
        - matches: [{path: {type: PathPrefix, value: /llm/granite-8b}}]
          filters:
          - type: URLRewrite
            urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}
          backendRefs: [{name: granite-8b-predictor, port: 80}]
      """,
        """
      apiVersion: kuadrant.io/v1
      kind: AuthPolicy
      metadata: {name: acme-gateway-auth, namespace: gateway-system}
      spec:
        targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: maas-gateway}
        rules:
          authentication:
            maas-tokens:
              jwt: {issuerUrl: "http://acme-token-service.maas.svc.cluster.local:8080"}
          metadata:
            revocation:
              http:
                url: http://acme-token-service.maas.svc.cluster.local:8080/internal/v1/tokens/status
                method: POST
                body: {expression: '{"jti": auth.identity.jti}'}
              cache: {key: {selector: auth.identity.jti}, ttl: 60}
          authorization:
            not-revoked:
              patternMatching:
                patterns: [{predicate: '!auth.metadata.revocation.revoked'}]
      """,
        """
      apiVersion: kuadrant.io/v1
      kind: RateLimitPolicy
      metadata: {name: acme-request-limits, namespace: gateway-system}
      spec:
        targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: maas-gateway}
        limits:
          free:
            rates: [{limit: 5, window: 2m}]
            when: [{predicate: 'auth.identity.tier == "free"'}]
            counters: [{expression: auth.identity.userid}]
      """,
        """
      apiVersion: kuadrant.io/v1alpha1
      kind: TokenRateLimitPolicy
      metadata: {name: acme-token-limits, namespace: gateway-system}
      spec:
        targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: maas-gateway}
        limits:
          premium:
            rates: [{limit: 100000, window: 24h}]
            when: [{predicate: 'auth.identity.tier == "premium"'}]
            counters: [{expression: auth.identity.userid}]
      """,
        """
      apiVersion: extensions.kuadrant.io/v1alpha1
      kind: TelemetryPolicy
      metadata: {name: acme-telemetry, namespace: gateway-system}
      spec:
        targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: maas-gateway}
        metrics: {default: {labels: {user: auth.identity.userid, tier: auth.identity.tier}}}
      """,
        """
      apiVersion: kuadrant.io/v1beta1
      kind: Kuadrant
      metadata: {name: kuadrant, namespace: kuadrant-system}
      spec: {}
      """,
        """
      apiVersion: limitador.kuadrant.io/v1alpha1
      kind: Limitador
      metadata: {name: limitador, namespace: kuadrant-system}
      spec:
        replicas: 2
        pdb: {maxUnavailable: 1}
        storage: {redis: {configSecretRef: {name: limitador-redis}}}
      """,
        """
      apiVersion: serving.kserve.io/v1alpha1
      kind: LLMInferenceService
      metadata: {name: granite-8b, namespace: llm}
      spec:
        model: {uri: "hf://ibm-granite/granite-3.1-8b-instruct", name: ibm-granite/granite-3.1-8b-instruct}
        replicas: 1
        router: {gateway: {}, route: {}}
        template:
          containers:
          - name: main
            resources:
              limits: {cpu: "4", memory: 32Gi, nvidia.com/gpu: "1"}
      """,
        """
      apiVersion: serving.kserve.io/v1beta1
      kind: InferenceService
      metadata: {name: granite-8b, namespace: llm}
      spec:
        predictor:
          minReplicas: 1
          maxReplicas: 2
          model:
            modelFormat: {name: huggingface}
            storageUri: "hf://ibm-granite/granite-3.1-8b-instruct"
            resources: {limits: {nvidia.com/gpu: "1"}, requests: {cpu: "2", memory: 16Gi}}
      """,
        """
      apiVersion: monitoring.coreos.com/v1
      kind: ServiceMonitor
      metadata: {name: acme-limitador, namespace: kuadrant-system}
      spec:
        selector: {matchLabels: {app: limitador}}
        endpoints: [{port: http, path: /metrics, interval: 30s}]
      """,
        """
      apiVersion: monitoring.coreos.com/v1
      kind: PodMonitor
      metadata: {name: acme-authorino, namespace: kuadrant-system}
      spec:
        selector: {matchLabels: {authorino-resource: authorino}}
        podMetricsEndpoints: [{port: http, path: /server-metrics}]
      """,
        """
      apiVersion: monitoring.coreos.com/v1
      kind: PrometheusRule
      metadata: {name: acme-alerts, namespace: maas}
      spec:
        groups:
        - name: maas
          rules:
          - alert: TokenServiceDown
            expr: up{job="acme-token-service"} == 0
            for: 5m
            labels: {severity: critical}
            annotations: {summary: The token service is down}
      """,
        """
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: acme-prod, namespace: argocd}
      spec:
        project: maas
        source: {repoURL: "https://git.example.com/platform.git", targetRevision: main, path: acme/overlays/prod}
        destination: {server: "https://kubernetes.default.svc", namespace: maas}
        syncPolicy: {automated: {prune: true, selfHeal: true}, syncOptions: [CreateNamespace=true]}
      """,
        """
      apiVersion: argoproj.io/v1alpha1
      kind: AppProject
      metadata: {name: maas, namespace: argocd}
      spec:
        sourceRepos: ["https://git.example.com/platform.git"]
        destinations: [{server: "https://kubernetes.default.svc", namespace: "*"}]
        clusterResourceWhitelist: [{group: "*", kind: "*"}]
      """
      })
  void passes(String yaml) {
    assertEquals(List.of(), Crds.check(yaml));
  }
}
