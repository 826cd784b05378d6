package dev.maas.render.argocd;

import dev.maas.model.Platform;
import dev.maas.model.Target;
import java.util.List;

/** The namespaced kinds a platform emits, by API group: what its AppProject lets Argo CD manage. */
final class PlatformKinds {

  /**
   * One group and kind.
   *
   * @param group the API group, empty for the core group
   * @param kind the kind
   */
  record GroupKind(String group, String kind) {}

  /** Sorted by group, then kind, so the AppProject's list is stable. */
  static final List<GroupKind> NAMESPACED =
      List.of(
          new GroupKind("", "ConfigMap"),
          new GroupKind("", "PersistentVolumeClaim"),
          new GroupKind("", "Service"),
          new GroupKind("", "ServiceAccount"),
          new GroupKind("apps", "Deployment"),
          new GroupKind("autoscaling", "HorizontalPodAutoscaler"),
          new GroupKind("extensions.kuadrant.io", "TelemetryPolicy"),
          new GroupKind("gateway.networking.k8s.io", "Gateway"),
          new GroupKind("gateway.networking.k8s.io", "HTTPRoute"),
          new GroupKind("gateway.networking.k8s.io", "ReferenceGrant"),
          new GroupKind("keda.sh", "ScaledObject"),
          new GroupKind("kuadrant.io", "AuthPolicy"),
          new GroupKind("kuadrant.io", "Kuadrant"),
          new GroupKind("kuadrant.io", "RateLimitPolicy"),
          new GroupKind("kuadrant.io", "TokenRateLimitPolicy"),
          new GroupKind("limitador.kuadrant.io", "Limitador"),
          new GroupKind("monitoring.coreos.com", "PodMonitor"),
          new GroupKind("monitoring.coreos.com", "PrometheusRule"),
          new GroupKind("monitoring.coreos.com", "ServiceMonitor"),
          new GroupKind("networking.k8s.io", "NetworkPolicy"),
          new GroupKind("policy", "PodDisruptionBudget"),
          new GroupKind("rbac.authorization.k8s.io", "Role"),
          new GroupKind("rbac.authorization.k8s.io", "RoleBinding"),
          new GroupKind("serving.kserve.io", "InferenceService"),
          new GroupKind("serving.kserve.io", "LLMInferenceService"));

  /** The kinds the {@code maas-crds} target adds: upstream MaaS's resources. */
  static final List<GroupKind> MAAS_CRDS =
      List.of(
          new GroupKind("maas.opendatahub.io", "MaaSAuthPolicy"),
          new GroupKind("maas.opendatahub.io", "MaaSModelRef"),
          new GroupKind("maas.opendatahub.io", "MaaSSubscription"));

  private PlatformKinds() {}

  /** The kinds the access logs add: Istio's Telemetry, and the EnvoyFilter of the token counts. */
  static final List<GroupKind> ACCESS_LOGS =
      List.of(
          new GroupKind("networking.istio.io", "EnvoyFilter"),
          new GroupKind("telemetry.istio.io", "Telemetry"));

  /**
   * The kinds of {@code platform}: those of its target, and the access logs' when it has them,
   * sorted by group, then kind.
   */
  static List<GroupKind> of(Platform platform) {
    boolean logs = platform.observability() != null && platform.observability().logs() != null;
    if (platform.target() != Target.MAAS_CRDS && !logs) {
      return NAMESPACED;
    }
    List<GroupKind> all = new java.util.ArrayList<>(NAMESPACED);
    if (platform.target() == Target.MAAS_CRDS) {
      all.addAll(MAAS_CRDS);
    }
    if (logs) {
      all.addAll(ACCESS_LOGS);
    }
    all.sort(java.util.Comparator.comparing(GroupKind::group).thenComparing(GroupKind::kind));
    return List.copyOf(all);
  }
}
