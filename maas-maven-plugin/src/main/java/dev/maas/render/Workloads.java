package dev.maas.render;

import dev.maas.model.Platform;
import dev.maas.output.Yaml;
import dev.maas.render.transform.ProvenanceTransformer;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every workload the platform runs itself shares: its labels and selector, the security
 * context of its pods and containers, its sizes, its Service and the shape of its ports.
 */
public final class Workloads {

  private Workloads() {}

  /** The labels that select the pods of the platform's workload {@code app}. */
  public static Map<String, String> selectorLabels(Platform platform, String app) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", app);
    labels.put("app.kubernetes.io/instance", platform.name());
    return labels;
  }

  /**
   * The labels of the workload's objects and pods: the selector's, its component and provenance.
   */
  public static Map<String, String> labels(Platform platform, String app) {
    Map<String, String> labels = selectorLabels(platform, app);
    labels.put("app.kubernetes.io/component", app);
    // The same values the provenance transformer gives the objects, so that pods and objects agree.
    labels.put(ProvenanceTransformer.PART_OF, platform.name());
    labels.put(ProvenanceTransformer.MANAGED_BY, ProvenanceTransformer.MANAGER);
    return labels;
  }

  /** The metadata of an object of workload {@code app}. */
  public static ObjectMeta meta(Platform platform, String app, String name, String namespace) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels(platform, app))
        .build();
  }

  /** The selector of the pods that carry {@code labels}. */
  public static LabelSelector selector(Map<String, String> labels) {
    return new LabelSelectorBuilder().withMatchLabels(labels).build();
  }

  /** A fabric8 model object as a generated object. */
  public static KubeObject kube(Object fabric8Object) {
    return new KubeObject(Yaml.JSON.valueToTree(fabric8Object));
  }

  /**
   * The container's security context of the restricted Pod Security Standard: non-root, no
   * privilege escalation, no capabilities, a read-only root file system.
   */
  public static SecurityContext restrictedContainer() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .build();
  }

  /**
   * The pod's security context of the restricted Pod Security Standard: non-root as {@code user}
   * (user and group), the runtime's default seccomp profile.
   */
  public static PodSecurityContext restrictedPod(long user) {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(user)
        .withRunAsGroup(user)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  /** Requests and limits of CPU and memory. */
  public static ResourceRequirements resources(
      String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(cpuRequest))
        .addToRequests("memory", new Quantity(memoryRequest))
        .addToLimits("cpu", new Quantity(cpuLimit))
        .addToLimits("memory", new Quantity(memoryLimit))
        .build();
  }

  /** A named TCP port of a container. */
  public static ContainerPort containerPort(String name, int port) {
    return new ContainerPortBuilder()
        .withName(name)
        .withContainerPort(port)
        .withProtocol("TCP")
        .build();
  }

  /** The ClusterIP Service of the pods {@code selector} selects, on {@code ports}. */
  public static KubeObject service(
      ObjectMeta meta, Map<String, String> selector, ServicePort... ports) {
    return kube(
        new ServiceBuilder()
            .withMetadata(meta)
            .withNewSpec()
            .withType("ClusterIP")
            .withSelector(selector)
            .withPorts(ports)
            .endSpec()
            .build());
  }

  /** A TCP port of a Service that targets the container port of the same name. */
  public static ServicePort servicePort(String name, int port, String appProtocol) {
    return servicePort(name, port, name, appProtocol);
  }

  /** A TCP port of a Service that targets the container port named {@code target}. */
  public static ServicePort servicePort(String name, int port, String target, String appProtocol) {
    return new ServicePortBuilder()
        .withName(name)
        .withPort(port)
        .withTargetPort(new IntOrString(target))
        .withProtocol("TCP")
        .withAppProtocol(appProtocol)
        .build();
  }

  /** A TCP port a network policy lets traffic in to. */
  public static NetworkPolicyPort ingressPort(int port) {
    return new NetworkPolicyPortBuilder()
        .withProtocol("TCP")
        .withPort(new IntOrString(port))
        .build();
  }
}
