package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The built-in Kubernetes kinds the compiler emits, checked through fabric8's typed models: unknown
 * fields, wrong types, and the API server's basic rules for each kind.
 */
final class CoreKinds {

  /**
   * One built-in kind.
   *
   * @param model fabric8's class for it
   * @param namespaced whether objects live in a namespace
   * @param nameRule the naming rule of the kind, returning why a name is wrong or {@code null}
   * @param checks the kind's own rules, run on the typed object
   */
  private record Kind(
      Class<?> model,
      boolean namespaced,
      Function<String, String> nameRule,
      BiConsumer<Object, Findings> checks) {}

  private static final BiConsumer<Object, Findings> NONE = (o, f) -> {};

  private static final Map<String, Kind> KINDS =
      Map.ofEntries(
          Map.entry(
              "v1 ConfigMap", new Kind(ConfigMap.class, true, ObjectNames::dns1123Subdomain, NONE)),
          Map.entry("v1 Secret", new Kind(Secret.class, true, ObjectNames::dns1123Subdomain, NONE)),
          Map.entry(
              "v1 Service",
              new Kind(Service.class, true, ObjectNames::dns1035Label, CoreKinds::service)),
          Map.entry(
              "v1 ServiceAccount",
              new Kind(ServiceAccount.class, true, ObjectNames::dns1123Subdomain, NONE)),
          Map.entry(
              "v1 Namespace", new Kind(Namespace.class, false, ObjectNames::dns1123Label, NONE)),
          Map.entry(
              "apps/v1 Deployment",
              new Kind(
                  Deployment.class, true, ObjectNames::dns1123Subdomain, CoreKinds::deployment)),
          Map.entry(
              "networking.k8s.io/v1 NetworkPolicy",
              new Kind(
                  NetworkPolicy.class,
                  true,
                  ObjectNames::dns1123Subdomain,
                  CoreKinds::networkPolicy)),
          Map.entry(
              "autoscaling/v2 HorizontalPodAutoscaler",
              new Kind(
                  HorizontalPodAutoscaler.class,
                  true,
                  ObjectNames::dns1123Subdomain,
                  CoreKinds::hpa)),
          Map.entry(
              "policy/v1 PodDisruptionBudget",
              new Kind(
                  PodDisruptionBudget.class, true, ObjectNames::dns1123Subdomain, CoreKinds::pdb)),
          Map.entry(
              "rbac.authorization.k8s.io/v1 Role",
              new Kind(Role.class, true, ObjectNames::dns1123Subdomain, NONE)),
          Map.entry(
              "rbac.authorization.k8s.io/v1 RoleBinding",
              new Kind(
                  RoleBinding.class, true, ObjectNames::dns1123Subdomain, CoreKinds::roleBinding)),
          Map.entry(
              "rbac.authorization.k8s.io/v1 ClusterRole",
              new Kind(ClusterRole.class, false, ObjectNames::dns1123Subdomain, NONE)),
          Map.entry(
              "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
              new Kind(ClusterRoleBinding.class, false, ObjectNames::dns1123Subdomain, NONE)));

  private CoreKinds() {}

  /** Whether {@code apiVersion kind} is a built-in kind checked here. */
  static boolean covers(String apiVersion, String kind) {
    return KINDS.containsKey(apiVersion + " " + kind);
  }

  /** The apiVersion under which {@code kind} is checked, if it is a built-in kind. */
  static Optional<String> apiVersionOf(String kind) {
    return KINDS.keySet().stream()
        .filter(k -> k.endsWith(" " + kind))
        .map(k -> k.substring(0, k.indexOf(' ')))
        .findFirst();
  }

  /** Whether objects of a built-in kind live in a namespace. */
  static boolean namespaced(String apiVersion, String kind) {
    return KINDS.get(apiVersion + " " + kind).namespaced();
  }

  /** Checks a built-in object; its metadata is checked by the caller. */
  static void check(JsonNode object, String apiVersion, String kind, Findings findings) {
    Kind k = KINDS.get(apiVersion + " " + kind);
    StrictModels.Read<?> read = StrictModels.read(object, k.model());
    read.problems()
        .forEach(
            p ->
                findings.error(
                    p.message().startsWith("field ") ? "k8s.unknownField" : "k8s.type",
                    p.path(),
                    p.message(),
                    null));
    if (read.value() != null) {
      k.checks().accept(read.value(), findings);
    }
  }

  /** The naming rule of a built-in kind. */
  static String nameProblem(String apiVersion, String kind, String name) {
    return KINDS.get(apiVersion + " " + kind).nameRule().apply(name);
  }

  private static void service(Object o, Findings f) {
    Service s = (Service) o;
    if (s.getSpec() == null) {
      f.error("k8s.required", "spec", "required field is missing", null);
      return;
    }
    List<ServicePort> ports = s.getSpec().getPorts();
    if (!"ExternalName".equals(s.getSpec().getType())
        && !"None".equals(s.getSpec().getClusterIP())
        && (ports == null || ports.isEmpty())) {
      f.error("k8s.required", "spec.ports", "a Service needs at least one port", null);
    }
    for (int i = 0; ports != null && i < ports.size(); i++) {
      Integer port = ports.get(i).getPort();
      if (port == null || port < 1 || port > 65535) {
        f.error("k8s.value", "spec.ports[" + i + "].port", "must be between 1 and 65535", null);
      }
      if (ports.size() > 1
          && (ports.get(i).getName() == null || ports.get(i).getName().isEmpty())) {
        f.error(
            "k8s.required",
            "spec.ports[" + i + "].name",
            "every port needs a name when there are several",
            null);
      }
    }
  }

  private static void deployment(Object o, Findings f) {
    Deployment d = (Deployment) o;
    if (d.getSpec() == null || d.getSpec().getTemplate() == null) {
      f.error("k8s.required", "spec.template", "required field is missing", null);
      return;
    }
    ObjectMeta templateMeta = d.getSpec().getTemplate().getMetadata();
    Map<String, String> labels =
        templateMeta == null || templateMeta.getLabels() == null
            ? Map.of()
            : templateMeta.getLabels();
    if (d.getSpec().getSelector() == null) {
      f.error("k8s.required", "spec.selector", "required field is missing", null);
    } else if (d.getSpec().getSelector().getMatchLabels() != null) {
      d.getSpec()
          .getSelector()
          .getMatchLabels()
          .forEach(
              (key, value) -> {
                if (!value.equals(labels.get(key))) {
                  f.error(
                      "k8s.selector",
                      "spec.template.metadata.labels",
                      "`selector` does not match template `labels`: missing " + key + "=" + value,
                      null);
                }
              });
    }
    List<Container> containers =
        d.getSpec().getTemplate().getSpec() == null
            ? null
            : d.getSpec().getTemplate().getSpec().getContainers();
    if (containers == null || containers.isEmpty()) {
      f.error(
          "k8s.required",
          "spec.template.spec.containers",
          "a pod needs at least one container",
          null);
      return;
    }
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      String problem =
          c.getName() == null ? "required field is missing" : ObjectNames.dns1123Label(c.getName());
      if (problem != null) {
        f.error("k8s.name", "spec.template.spec.containers[" + i + "].name", problem, null);
      }
      if (c.getImage() == null || c.getImage().isBlank()) {
        f.error(
            "k8s.required",
            "spec.template.spec.containers[" + i + "].image",
            "required field is missing",
            null);
      }
    }
  }

  private static void networkPolicy(Object o, Findings f) {
    NetworkPolicy n = (NetworkPolicy) o;
    if (n.getSpec() == null || n.getSpec().getPodSelector() == null) {
      f.error("k8s.required", "spec.podSelector", "required field is missing", null);
    }
  }

  private static void hpa(Object o, Findings f) {
    HorizontalPodAutoscaler h = (HorizontalPodAutoscaler) o;
    if (h.getSpec() == null
        || h.getSpec().getScaleTargetRef() == null
        || h.getSpec().getScaleTargetRef().getName() == null
        || h.getSpec().getScaleTargetRef().getKind() == null) {
      f.error("k8s.required", "spec.scaleTargetRef", "needs kind and name", null);
      return;
    }
    Integer max = h.getSpec().getMaxReplicas();
    Integer min = h.getSpec().getMinReplicas();
    if (max == null || max < 1) {
      f.error("k8s.value", "spec.maxReplicas", "must be at least 1", null);
    } else if (min != null && (min < 1 || min > max)) {
      f.error(
          "k8s.value", "spec.minReplicas", "must be between 1 and maxReplicas (" + max + ")", null);
    }
  }

  private static void pdb(Object o, Findings f) {
    PodDisruptionBudget p = (PodDisruptionBudget) o;
    if (p.getSpec() == null
        || (p.getSpec().getMinAvailable() == null) == (p.getSpec().getMaxUnavailable() == null)) {
      f.error("k8s.value", "spec", "set exactly one of minAvailable and maxUnavailable", null);
    }
  }

  private static void roleBinding(Object o, Findings f) {
    RoleBinding b = (RoleBinding) o;
    if (b.getRoleRef() == null
        || b.getRoleRef().getName() == null
        || b.getRoleRef().getKind() == null) {
      f.error("k8s.required", "roleRef", "needs kind and name", null);
    }
  }
}
