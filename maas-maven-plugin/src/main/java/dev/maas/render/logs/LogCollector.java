package dev.maas.render.logs;

import dev.maas.model.AccessLogs;
import dev.maas.model.Platform;
import dev.maas.render.KubeObject;
import dev.maas.render.Workloads;
import dev.maas.render.tokenservice.TokenServiceGenerator;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenTelemetry Collector that receives the gateway's access logs: its configuration
 * (ConfigMap), Deployment, Service and NetworkPolicy, in the gateway's namespace.
 */
public final class LogCollector {

  /**
   * The collector image: the contrib distribution, which holds the {@code resource} processor and
   * the {@code health_check} extension, at a release tag published on Docker Hub (0.142.0, December
   * 2025).
   */
  public static final String IMAGE = "otel/opentelemetry-collector-contrib:0.142.0";

  /** The user the image runs as (its Dockerfile's {@code USER 10001}). */
  static final long RUN_AS = 10001L;

  private static final String APP = "log-collector";

  private static final String GRPC = "otlp-grpc";
  private static final String HTTP = "otlp-http";
  private static final String HEALTH = "health";

  private LogCollector() {}

  /** {@code <platform>-log-collector}: the name of each of its objects. */
  public static String name(Platform platform) {
    return platform.name() + "-log-collector";
  }

  /**
   * The OTLP/HTTP logs URL of its Service, which the MaaS API sends its audit events to (the
   * cluster's DNS name, so it resolves from the API's namespace too).
   */
  public static String otlpLogsUrl(Platform platform) {
    return "http://%s.%s.svc:%d/v1/logs"
        .formatted(name(platform), platform.gateway().namespace(), CollectorConfig.OTLP_HTTP_PORT);
  }

  /** Its objects: ConfigMap, Deployment, Service, NetworkPolicy. */
  static List<KubeObject> objects(Platform platform, AccessLogs logs) {
    String config = CollectorConfig.text(platform, logs);
    return List.of(
        kube(
            new ConfigMapBuilder()
                .withMetadata(meta(platform))
                .addToData(CollectorConfig.FILE_NAME, config)
                .build()),
        deployment(platform, logs, config),
        // The port names and appProtocols tell Istio that 4317 speaks gRPC (HTTP/2), which the
        // access log service needs.
        Workloads.service(
            meta(platform),
            selectorLabels(platform),
            Workloads.servicePort("grpc-otlp", MeshProvider.OTLP_GRPC_PORT, GRPC, "grpc"),
            Workloads.servicePort("http-otlp", CollectorConfig.OTLP_HTTP_PORT, HTTP, "http")),
        networkPolicy(platform));
  }

  private static Map<String, String> selectorLabels(Platform platform) {
    return Workloads.selectorLabels(platform, APP);
  }

  private static ObjectMeta meta(Platform platform) {
    return Workloads.meta(platform, APP, name(platform), platform.gateway().namespace());
  }

  private static KubeObject kube(Object fabric8Object) {
    return Workloads.kube(fabric8Object);
  }

  private static Probe probe(int period, int failures) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath("/")
        .withPort(new IntOrString(HEALTH))
        .endHttpGet()
        .withPeriodSeconds(period)
        .withTimeoutSeconds(2)
        .withFailureThreshold(failures)
        .build();
  }

  private static KubeObject deployment(Platform platform, AccessLogs logs, String config) {
    List<EnvVar> env = new ArrayList<>();
    for (int i = 0; i < logs.headers().size(); i++) {
      AccessLogs.ExportHeader header = logs.headers().get(i);
      env.add(
          new EnvVarBuilder()
              .withName(CollectorConfig.headerVariable(i))
              .withNewValueFrom()
              .withNewSecretKeyRef()
              .withName(header.secretName())
              .withKey(header.key())
              .endSecretKeyRef()
              .endValueFrom()
              .build());
    }
    var container =
        new ContainerBuilder()
            .withName("collector")
            .withImage(IMAGE)
            .withImagePullPolicy("IfNotPresent")
            .withArgs("--config=/conf/" + CollectorConfig.FILE_NAME)
            .withEnv(env)
            .addToPorts(Workloads.containerPort(GRPC, MeshProvider.OTLP_GRPC_PORT))
            .addToPorts(Workloads.containerPort(HTTP, CollectorConfig.OTLP_HTTP_PORT))
            .addToPorts(Workloads.containerPort(HEALTH, CollectorConfig.HEALTH_PORT))
            .withReadinessProbe(probe(5, 3))
            .withLivenessProbe(probe(10, 3))
            .withResources(Workloads.resources("100m", "128Mi", "1", "256Mi"))
            .withSecurityContext(Workloads.restrictedContainer())
            .withVolumeMounts(
                new VolumeMountBuilder()
                    .withName("config")
                    .withMountPath("/conf")
                    .withReadOnly(true)
                    .build())
            .build();
    return kube(
        new DeploymentBuilder()
            .withMetadata(meta(platform))
            .withNewSpec()
            // Two, so that a rollout or a lost node does not drop the gateway's log lines: Envoy's
            // access log service sends each line once and drops it when the collector is away.
            .withReplicas(2)
            .withSelector(Workloads.selector(selectorLabels(platform)))
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(Workloads.labels(platform, APP))
            .addToAnnotations(
                TokenServiceGenerator.CHECKSUM_ANNOTATION, TokenServiceGenerator.checksum(config))
            .endMetadata()
            .withNewSpec()
            .withAutomountServiceAccountToken(false)
            .withSecurityContext(Workloads.restrictedPod(RUN_AS))
            .withContainers(container)
            .withVolumes(
                new VolumeBuilder()
                    .withName("config")
                    .withNewConfigMap()
                    .withName(name(platform))
                    .endConfigMap()
                    .build())
            .endSpec()
            .endTemplate()
            .endSpec()
            .build());
  }

  /**
   * Deny by default: the OTLP ports only to the gateway's Envoy pods, which send the access logs,
   * and to the MaaS API's pods, which may send their audit lines as OTLP; anyone else could forge
   * log lines that billing and audits read.
   */
  private static KubeObject networkPolicy(Platform platform) {
    return kube(
        new NetworkPolicyBuilder()
            .withMetadata(meta(platform))
            .withNewSpec()
            .withPodSelector(Workloads.selector(selectorLabels(platform)))
            .withPolicyTypes("Ingress")
            .addNewIngress()
            .withFrom(
                TokenServiceGenerator.peer(
                    platform.gateway().namespace(),
                    Map.of(TokenServiceGenerator.GATEWAY_NAME_LABEL, platform.gateway().name())),
                TokenServiceGenerator.peer(
                    platform.tokens().namespace(), TokenServiceGenerator.selectorLabels(platform)))
            .withPorts(
                Workloads.ingressPort(MeshProvider.OTLP_GRPC_PORT),
                Workloads.ingressPort(CollectorConfig.OTLP_HTTP_PORT))
            .endIngress()
            .endSpec()
            .build());
  }
}
