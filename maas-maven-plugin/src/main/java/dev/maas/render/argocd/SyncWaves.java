package dev.maas.render.argocd;

import java.util.Map;

/**
 * The Argo CD sync wave of each generated kind, written as the {@code argocd.argoproj.io/sync-wave}
 * annotation on every object, because an Application applies its objects in one go otherwise.
 *
 * <p>Order, lowest wave first (Argo CD waits for a wave to be healthy before the next):
 *
 * <ol>
 *   <li>{@code -2}: the AppProject (and a Namespace, should one ever be generated), so Applications
 *       and objects have somewhere to go;
 *   <li>{@code -1}: the Kuadrant and Limitador instances and the Gateway, which every policy
 *       attaches to, and the Applications;
 *   <li>{@code 0}: plain workloads and their plumbing (ConfigMaps, Services, ServiceAccounts, RBAC,
 *       the token service, HTTPRoutes, autoscalers, disruption budgets, network policies) and any
 *       kind not listed here;
 *   <li>{@code 1}: the Kuadrant policies (AuthPolicy, RateLimitPolicy, TokenRateLimitPolicy,
 *       TelemetryPolicy) and upstream MaaS's MaaSAuthPolicy and MaaSSubscription, whose targets now
 *       exist — so no model is reachable before it is protected;
 *   <li>{@code 2}: the models (LLMInferenceService, InferenceService, and upstream MaaS's
 *       MaaSModelRef), after the ConfigMaps, RBAC and policies they rely on;
 *   <li>{@code 3}: monitoring (ServiceMonitor, PodMonitor, PrometheusRule), which watches what the
 *       earlier waves started, and KEDA's ScaledObjects, whose target Deployments KServe makes from
 *       the models of wave 2 (a ScaledObject without its target is not Ready, and Argo CD would
 *       wait on it forever).
 * </ol>
 */
public final class SyncWaves {

  /** The annotation Argo CD reads. */
  public static final String ANNOTATION = "argocd.argoproj.io/sync-wave";

  /** The wave of any kind without its own entry. */
  public static final String DEFAULT_WAVE = "0";

  private static final Map<String, String> WAVES =
      Map.ofEntries(
          Map.entry("AppProject", "-2"),
          Map.entry("Namespace", "-2"),
          Map.entry("Application", "-1"),
          Map.entry("ApplicationSet", "-1"),
          Map.entry("Kuadrant", "-1"),
          Map.entry("Limitador", "-1"),
          Map.entry("Gateway", "-1"),
          Map.entry("AuthPolicy", "1"),
          Map.entry("RateLimitPolicy", "1"),
          Map.entry("TokenRateLimitPolicy", "1"),
          Map.entry("TelemetryPolicy", "1"),
          Map.entry("MaaSAuthPolicy", "1"),
          Map.entry("MaaSSubscription", "1"),
          Map.entry("MaaSModelRef", "2"),
          Map.entry("LLMInferenceService", "2"),
          Map.entry("InferenceService", "2"),
          Map.entry("ServiceMonitor", "3"),
          Map.entry("PodMonitor", "3"),
          Map.entry("PrometheusRule", "3"),
          Map.entry("ScaledObject", "3"));

  private SyncWaves() {}

  /**
   * The sync wave of {@code kind}, e.g. {@code "-1"} for a Gateway; {@value #DEFAULT_WAVE} when
   * unlisted.
   */
  public static String of(String kind) {
    return WAVES.getOrDefault(kind, DEFAULT_WAVE);
  }
}
