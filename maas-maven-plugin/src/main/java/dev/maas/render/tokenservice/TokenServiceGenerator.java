package dev.maas.render.tokenservice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.cel.CelStrings;
import dev.maas.model.Platform;
import dev.maas.model.TokenStateStore;
import dev.maas.model.UserAuth;
import dev.maas.output.Yaml;
import dev.maas.render.EnvironmentInvariant;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import dev.maas.render.Workloads;
import dev.maas.tokenservice.config.ConfigFiles;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Generates the token service: its program, config, workload, route, policies and scaling.
 *
 * <p>The program is the MaaS API module's image (built by Jib: the compiled classes and their
 * libraries on a JRE), the one {@link TokenServiceImage} pins unless {@code spec.tokens.image}
 * names another; nothing is compiled at pod start. Signing keys stay in the Secret the spec names;
 * only a reference to it is generated.
 *
 * <p>State across replicas: a ReadWriteOnce volume cannot be shared by several replicas on
 * different nodes, and the service scales with an autoscaler, so revocations, issued-token records
 * and API-key hashes live in a shared store, one object per record: by default ConfigMaps named
 * {@code <platform>-token-service-state-<kind>-<hash>} and labelled {@code
 * maas.dev/state=<platform>-token-service-state}, written through the Kubernetes API with
 * optimistic concurrency (create, or update with the resourceVersion read; 409 re-reads, merges and
 * retries); or, with {@code spec.tokens.state.backend: redis}, one key per record in that Redis.
 * Every replica re-reads the store every 5 s. For ConfigMaps the Role grants what the store does,
 * on ConfigMaps of the service's namespace only: create, list, get, update and delete (the API
 * cannot restrict create and list by name). The empty ConfigMap {@code
 * <platform>-token-service-state} stays, generated without {@code data}: the service imports the
 * single-object state of earlier releases from it once.
 */
@EnvironmentInvariant(
    reads = "the token settings, tiers, gateway name and namespace, and model names")
public final class TokenServiceGenerator implements Generator {

  /** The pod template annotation holding the checksum of the config, so a change rolls the pods. */
  public static final String CHECKSUM_ANNOTATION = "maas.dev/checksum";

  private static final ObjectMapper JSON = Yaml.JSON;
  private static final String GATEWAY_API = "gateway.networking.k8s.io";
  private static final String HTTP = "http";
  private static final String METRICS = "metrics";
  private static final long RUN_AS = 10001L;

  /**
   * The container's writable scratch folder, an emptyDir: the JVM's temporary files and the image's
   * class data archive, which the container's restarts in one pod share.
   */
  static final String SCRATCH = "/tmp";

  /**
   * The JVM's options. A fixed heap, not a share of the pod's limit: the service holds its config,
   * its keys and the state records, 250 bytes or so per live token (docs/performance.md). 64 MiB
   * holds the state a 20 s burst at full rate leaves (about 60,000 tokens) with room for the young
   * generation: with 40 MiB the state's growth made the serial collector run full collections back
   * to back, 650 against 963 us of CPU per token on JDK 25 (docs/performance.md), at 183-195 MB
   * resident against 154-158 MB, under the pod's 256 MiB limit. The serial collector suits a heap
   * that small and starts no collector threads; metaspace and code cache are capped so that the
   * resident size has a bound. The C1 compiler only (TieredStopAtLevel=1): C2's compilations left
   * tens of MB in the C heap, 148-173 MB resident against 111-119 MB with C1 under load; C1 cost
   * about the same CPU per token on JDK 17 and half as much again on JDK 25 (157 against 100 us),
   * within the load target (docs/performance.md). An out-of-memory error ends the process, and
   * Kubernetes restarts it.
   */
  static final String JVM_OPTIONS =
      "-XX:+UseSerialGC -Xmx64m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m"
          + " -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError";

  /**
   * Seconds the startup probe waits for the first answer of /health. The image's entrypoint takes
   * 2.1-2.2 s of CPU to ready on a first start and 1.1-1.3 s with the class data archive a restart
   * of the container maps (token-service-start.sh); on 2 processors at load 16-28 that was 7.1-7.8
   * s and 3.5-5.8 s of wall time. 20 s is more than twice the slowest, for a start on a busy node.
   */
  static final int STARTUP_FAILURES = 20;

  /**
   * Started first: in a new JVM the workloads' first conversion to trees makes Jackson introspect
   * the Kubernetes model classes, which makes this the longest generator by far (225–263 ms of a
   * forced run at 1,000 models, the next 76–114 ms).
   */
  @Override
  public boolean startsFirst() {
    return true;
  }

  @Override
  public List<KubeObject> generate(Platform platform) {
    Map<String, String> files = TokenServiceConfig.files(platform);
    List<KubeObject> out = new ArrayList<>();
    out.add(serviceAccount(platform));
    if (!platform.tokens().state().redis()) {
      out.add(stateRole(platform));
      out.add(stateRoleBinding(platform));
    }
    files.forEach(
        (file, text) -> out.add(configMap(platform, configMapName(platform, file), file, text)));
    out.add(stateConfigMap(platform));
    out.add(deployment(platform, files));
    out.add(
        Workloads.service(
            meta(platform, TokenServiceEndpoints.name(platform)),
            selectorLabels(platform),
            Workloads.servicePort(HTTP, TokenServiceEndpoints.PORT, HTTP),
            Workloads.servicePort(METRICS, TokenServiceEndpoints.METRICS_PORT, HTTP)));
    out.add(httpRoute(platform));
    out.add(authPolicy(platform));
    out.add(networkPolicy(platform));
    out.add(autoscaler(platform));
    out.add(disruptionBudget(platform));
    return List.copyOf(out);
  }

  /** The label Istio puts on the pods it deploys for a Gateway, with the Gateway's name. */
  public static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

  /** The labels of the Authorino pods of Kuadrant's Authorino instance {@code authorino}. */
  public static final Map<String, String> AUTHORINO_POD_LABELS =
      Map.of("authorino-resource", "authorino", "control-plane", "controller-manager");

  /** The label Kubernetes puts on every namespace, with its name. */
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  /** {@code <platform>-token-service-config}: the config file. */
  public static String configConfigMapName(Platform platform) {
    return TokenServiceEndpoints.name(platform) + "-config";
  }

  /**
   * The ConfigMap of one config file: {@code <platform>-token-service-config} for {@code
   * config.json}, {@code <platform>-token-service-config-models-<n>} for shard {@code
   * models-<n>.json}. One file per ConfigMap, because each holds at most 1 MiB of data.
   */
  public static String configMapName(Platform platform, String file) {
    return file.equals(ConfigFiles.MAIN)
        ? configConfigMapName(platform)
        : configConfigMapName(platform) + "-" + file.substring(0, file.length() - ".json".length());
  }

  /** {@code <platform>-token-service-state}: the revocations the service keeps. */
  public static String stateConfigMapName(Platform platform) {
    return TokenServiceEndpoints.name(platform) + "-state";
  }

  /** {@code <platform>-token-service-auth}: the AuthPolicy of the service's route. */
  public static String authPolicyName(Platform platform) {
    return TokenServiceEndpoints.name(platform) + "-auth";
  }

  /** The image the Deployment runs: the spec's override, else the one the plugin pins. */
  public static String image(Platform platform) {
    return platform.tokens().image() != null
        ? platform.tokens().image()
        : TokenServiceImage.pinned();
  }

  // --- identity and configuration ---------------------------------------------------------------

  /** The labels that select the service's pods. */
  public static Map<String, String> selectorLabels(Platform platform) {
    return Workloads.selectorLabels(platform, "token-service");
  }

  private static Map<String, String> labels(Platform platform) {
    return Workloads.labels(platform, "token-service");
  }

  private static ObjectMeta meta(Platform platform, String name) {
    return Workloads.meta(platform, "token-service", name, platform.tokens().namespace());
  }

  private static KubeObject kube(Object fabric8Object) {
    return Workloads.kube(fabric8Object);
  }

  private static KubeObject serviceAccount(Platform platform) {
    return kube(
        new ServiceAccountBuilder()
            .withMetadata(meta(platform, TokenServiceEndpoints.name(platform)))
            // The in-cluster revocation store calls the Kubernetes API with this account's token.
            .withAutomountServiceAccountToken(true)
            .build());
  }

  private static KubeObject stateRole(Platform platform) {
    return kube(
        new RoleBuilder()
            .withMetadata(meta(platform, TokenServiceEndpoints.name(platform)))
            .withRules(
                new PolicyRuleBuilder()
                    .withApiGroups("")
                    .withResources("configmaps")
                    .withVerbs("create", "delete", "get", "list", "update")
                    .build())
            .build());
  }

  private static KubeObject stateRoleBinding(Platform platform) {
    String name = TokenServiceEndpoints.name(platform);
    return kube(
        new RoleBindingBuilder()
            .withMetadata(meta(platform, name))
            .withNewRoleRef()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("Role")
            .withName(name)
            .endRoleRef()
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName(name)
            .withNamespace(platform.tokens().namespace())
            .endSubject()
            .build());
  }

  private static KubeObject configMap(Platform platform, String name, String key, String content) {
    return kube(
        new ConfigMapBuilder().withMetadata(meta(platform, name)).addToData(key, content).build());
  }

  private static KubeObject stateConfigMap(Platform platform) {
    ObjectMeta meta = meta(platform, stateConfigMapName(platform));
    meta.setAnnotations(
        Map.of(
            "maas.dev/written-by",
            "the token service imports the state of earlier releases from this object once; its"
                + " records are ConfigMaps labelled maas.dev/state="
                + stateConfigMapName(platform)));
    return kube(new ConfigMapBuilder().withMetadata(meta).build());
  }

  // --- workload ---------------------------------------------------------------------------------

  /** The SHA-256 of a configuration file, hex: a pod annotation that rolls pods when it changes. */
  public static String checksum(String config) {
    return checksum(List.of(config));
  }

  /**
   * The SHA-256 of the config files' texts one after the other, hex: any file's change rolls the
   * pods, since the service reads them all only when it starts. Of one file, its own SHA-256.
   */
  public static String checksum(java.util.Collection<String> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String file : files) {
        sha.update(file.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Probe probe(String port, int period, int failures) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath("/health")
        .withPort(new IntOrString(port))
        .endHttpGet()
        .withPeriodSeconds(period)
        .withTimeoutSeconds(2)
        .withFailureThreshold(failures)
        .build();
  }

  /**
   * The Redis store's URL, and its credentials from the Secret the spec names (by reference: the
   * kubelet reads it, the output never holds it).
   */
  private static List<EnvVar> redisEnv(TokenStateStore state) {
    if (!state.redis()) {
      return List.of();
    }
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVar("MAAS_REDIS_URL", state.redisUrl(), null));
    if (state.redisSecret() != null) {
      env.add(secretEnv("MAAS_REDIS_USERNAME", state.redisSecret(), "username", true));
      env.add(secretEnv("MAAS_REDIS_PASSWORD", state.redisSecret(), "password", false));
    }
    return env;
  }

  private static EnvVar secretEnv(String name, String secret, String key, boolean optional) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .withOptional(optional)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  /**
   * The config volume: the ConfigMap of {@code config.json}, or, when the catalogue is split, a
   * projected volume of every config ConfigMap, so that all files sit in one directory as the
   * service reads them.
   */
  private static Volume configVolume(Platform platform, Map<String, String> files) {
    if (files.size() == 1) {
      return new VolumeBuilder()
          .withName("config")
          .withNewConfigMap()
          .withName(configConfigMapName(platform))
          .endConfigMap()
          .build();
    }
    List<VolumeProjection> sources = new ArrayList<>();
    for (String file : files.keySet()) {
      sources.add(
          new VolumeProjectionBuilder()
              .withNewConfigMap()
              .withName(configMapName(platform, file))
              .endConfigMap()
              .build());
    }
    return new VolumeBuilder()
        .withName("config")
        .withNewProjected()
        .withSources(sources)
        .endProjected()
        .build();
  }

  private static KubeObject deployment(Platform platform, Map<String, String> files) {
    String checksum = checksum(files.values());
    String name = TokenServiceEndpoints.name(platform);
    List<EnvVar> env =
        new ArrayList<>(
            List.of(
                new EnvVar("MAAS_CONFIG", "/etc/maas/config/" + ConfigFiles.MAIN, null),
                new EnvVar("MAAS_KEYS_DIR", "/etc/maas/keys", null),
                new EnvVar("MAAS_STATE_DIR", "/var/lib/maas", null),
                new EnvVar("MAAS_STATE_CONFIGMAP", stateConfigMapName(platform), null),
                new EnvVar("MAAS_STATE_BACKEND", platform.tokens().state().backend(), null),
                new EnvVar("MAAS_PORT", String.valueOf(TokenServiceEndpoints.PORT), null),
                new EnvVar(
                    "MAAS_METRICS_PORT", String.valueOf(TokenServiceEndpoints.METRICS_PORT), null),
                new EnvVar("JDK_JAVA_OPTIONS", JVM_OPTIONS, null)));
    env.addAll(redisEnv(platform.tokens().state()));
    // The Web UI's OIDC sign-in: the issuer the route's AuthPolicy trusts and the public client
    // the page signs in as (dev.maas.tokenservice.ui.WebUi reads both; without either it offers
    // only the pasted Kubernetes token).
    String client = platform.auth().webClientId();
    if (client != null) {
      env.add(new EnvVar("MAAS_OIDC_ISSUER_URL", platform.auth().oidcIssuerUrl(), null));
      env.add(new EnvVar("MAAS_OIDC_CLIENT_ID", client, null));
    }
    // With the gateway's access logs on, the audit events also go to the bundled collector (and on
    // to Loki) as OTLP log records; its NetworkPolicy admits these pods on 4318.
    var observability = platform.observability();
    if (observability != null && observability.logs() != null) {
      env.add(
          new EnvVar(
              "MAAS_AUDIT_OTLP_ENDPOINT",
              dev.maas.render.logs.LogCollector.otlpLogsUrl(platform),
              null));
    }
    var container =
        new ContainerBuilder()
            .withName("token-service")
            .withImage(image(platform))
            // The image's own entrypoint: java <class data sharing flags> -cp
            // /app/classpath/<jar>:/app/libs/* dev.maas.tokenservice.Main.
            // A tag that is not latest is pulled only when absent, which lets an image loaded into
            // the nodes run.
            .withImagePullPolicy("IfNotPresent")
            // The image's class data archive is a file of the working directory (a relative
            // -XX:SharedArchiveFile): it must be the writable emptyDir, which outlives a restart of
            // the container, so a restart maps what the first start recorded.
            .withWorkingDir(SCRATCH)
            .withEnv(env)
            .addToPorts(Workloads.containerPort(HTTP, TokenServiceEndpoints.PORT))
            .addToPorts(Workloads.containerPort(METRICS, TokenServiceEndpoints.METRICS_PORT))
            // The startup probe asks every second, so a pod is ready within a second of its JVM;
            // STARTUP_FAILURES seconds leave room for a start on a busy node (see its comment).
            .withStartupProbe(probe(METRICS, 1, STARTUP_FAILURES))
            // Readiness asks the API's own threads, so a saturated pod stops getting traffic;
            // liveness asks the
            // metrics port, whose threads never queue behind API work, so a busy pod is not
            // restarted for being busy.
            .withReadinessProbe(probe(HTTP, 5, 3))
            .withLivenessProbe(probe(METRICS, 10, 3))
            .withResources(Workloads.resources("100m", "192Mi", "1", "256Mi"))
            .withSecurityContext(Workloads.restrictedContainer())
            .withVolumeMounts(
                new VolumeMountBuilder()
                    .withName("config")
                    .withMountPath("/etc/maas/config")
                    .withReadOnly(true)
                    .build(),
                new VolumeMountBuilder()
                    .withName("keys")
                    .withMountPath("/etc/maas/keys")
                    .withReadOnly(true)
                    .build(),
                new VolumeMountBuilder().withName("state").withMountPath("/var/lib/maas").build(),
                new VolumeMountBuilder().withName("tmp").withMountPath(SCRATCH).build())
            .build();
    return kube(
        new DeploymentBuilder()
            .withMetadata(meta(platform, name))
            // No spec.replicas: the autoscaler owns the count (tokens.replicas is its minimum), and
            // a fixed
            // number here would make every Git sync fight it.
            .withNewSpec()
            .withSelector(Workloads.selector(selectorLabels(platform)))
            .withNewStrategy()
            .withType("RollingUpdate")
            .withNewRollingUpdate()
            .withMaxUnavailable(new IntOrString(0))
            .withMaxSurge(new IntOrString(1))
            .endRollingUpdate()
            .endStrategy()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(labels(platform))
            .addToAnnotations(CHECKSUM_ANNOTATION, checksum)
            .endMetadata()
            .withNewSpec()
            .withServiceAccountName(name)
            .withAutomountServiceAccountToken(true)
            .withSecurityContext(
                new PodSecurityContextBuilder(Workloads.restrictedPod(RUN_AS))
                    .withFsGroup(RUN_AS)
                    .build())
            .withContainers(container)
            .withVolumes(
                configVolume(platform, files),
                // Only a reference: the keys never leave the Secret. 0440 + fsGroup lets the
                // non-root user read them.
                new VolumeBuilder()
                    .withName("keys")
                    .withNewSecret()
                    .withSecretName(platform.tokens().signingKeySecret())
                    .withDefaultMode(0440)
                    .endSecret()
                    .build(),
                // The file store is used only outside a cluster; in-cluster the state ConfigMap is
                // the store.
                new VolumeBuilder().withName("state").withNewEmptyDir().endEmptyDir().build(),
                new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build())
            .endSpec()
            .endTemplate()
            .endSpec()
            .build());
  }

  private static KubeObject autoscaler(Platform platform) {
    String name = TokenServiceEndpoints.name(platform);
    int min = platform.tokens().replicas();
    return kube(
        new HorizontalPodAutoscalerBuilder()
            .withMetadata(meta(platform, name))
            .withNewSpec()
            .withNewScaleTargetRef()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName(name)
            .endScaleTargetRef()
            .withMinReplicas(min)
            .withMaxReplicas(Math.max(3 * min, min + 2))
            .addNewMetric()
            .withType("Resource")
            .withNewResource()
            .withName("cpu")
            .withNewTarget()
            .withType("Utilization")
            .withAverageUtilization(70)
            .endTarget()
            .endResource()
            .endMetric()
            .endSpec()
            .build());
  }

  private static KubeObject disruptionBudget(Platform platform) {
    return kube(
        new PodDisruptionBudgetBuilder()
            .withMetadata(meta(platform, TokenServiceEndpoints.name(platform)))
            .withNewSpec()
            .withMinAvailable(new IntOrString(1))
            .withSelector(Workloads.selector(selectorLabels(platform)))
            .endSpec()
            .build());
  }

  /**
   * Ingress to the API port only from the gateway's namespace (user traffic) and from the namespace
   * where Kuadrant's Authorino runs (OIDC discovery, JWKS and the revocation status call). Nothing
   * else may reach the API, which is what makes the X-MaaS-* identity headers trustworthy. The
   * metrics port, which serves nothing but counters and health, is open so that Prometheus can
   * scrape it from its own namespace.
   */
  /**
   * Deny by default: the API port only to the gateway's Envoy pods (which forward the token route)
   * and to Authorino (which calls the JWKS and revocation endpoints), because any other caller
   * could forge the {@code X-MaaS-*} identity headers the gateway sets; the metrics port only to
   * Prometheus.
   *
   * <p>Istio labels the pods it deploys for a Gateway with {@code
   * gateway.networking.k8s.io/gateway-name} (istio
   * manifests/charts/istio-control/istio-discovery/files/kube-gateway.yaml, pod template labels);
   * authorino-operator v0.25.2 labels the Authorino pods {@code control-plane: controller-manager}
   * and {@code authorino-resource: <Authorino name>} (pkg/resources/k8s_util.go
   * defaultAuthorinoLabels, pkg/resources/k8s_deployment.go), and Kuadrant names its Authorino
   * {@code authorino}.
   */
  private static KubeObject networkPolicy(Platform platform) {
    List<NetworkPolicyPeer> api =
        List.of(
            peer(
                platform.gateway().namespace(),
                Map.of(GATEWAY_NAME_LABEL, platform.gateway().name())),
            peer(platform.limitador().namespace(), AUTHORINO_POD_LABELS));
    var observability =
        platform.observability() != null
            ? platform.observability()
            : new dev.maas.model.Observability(true, true, true, 80);
    List<NetworkPolicyPeer> metrics =
        List.of(peer(observability.prometheusNamespace(), observability.prometheusPodLabels()));
    return kube(
        new NetworkPolicyBuilder()
            .withMetadata(meta(platform, TokenServiceEndpoints.name(platform)))
            .withNewSpec()
            .withPodSelector(Workloads.selector(selectorLabels(platform)))
            .withPolicyTypes("Ingress")
            .addNewIngress()
            .withFrom(api)
            .addToPorts(Workloads.ingressPort(TokenServiceEndpoints.PORT))
            .endIngress()
            .addNewIngress()
            .withFrom(metrics)
            .addToPorts(Workloads.ingressPort(TokenServiceEndpoints.METRICS_PORT))
            .endIngress()
            .endSpec()
            .build());
  }

  /**
   * Pods with {@code labels} in namespace {@code namespace}: both selectors in one peer, so both
   * must match.
   */
  public static NetworkPolicyPeer peer(String namespace, Map<String, String> labels) {
    return new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(
            new LabelSelectorBuilder().addToMatchLabels(NAMESPACE_NAME_LABEL, namespace).build())
        .withPodSelector(
            new LabelSelectorBuilder().withMatchLabels(new java.util.TreeMap<>(labels)).build())
        .build();
  }

  // --- gateway ----------------------------------------------------------------------------------

  private static ObjectNode header(String apiVersion, String kind, Platform platform, String name) {
    ObjectNode o = Manifests.object(apiVersion, kind, name, platform.tokens().namespace()).body();
    ObjectNode labels = ((ObjectNode) o.get("metadata")).putObject("labels");
    labels(platform).forEach(labels::put);
    return o;
  }

  private static void backend(ObjectNode rule, Platform platform) {
    ObjectNode ref = rule.putArray("backendRefs").addObject();
    ref.put("group", "");
    ref.put("kind", "Service");
    ref.put("name", TokenServiceEndpoints.name(platform));
    ref.put("port", TokenServiceEndpoints.PORT);
  }

  /**
   * {@code /maas-api/...} rewritten to {@code /...}. No hostnames: the Gateway listener's hostname
   * applies, so an environment changes it in one place. The listing {@code /v1/models} is on the
   * public model route instead, where the tier's request limits count it with the tier's model
   * calls.
   */
  private static KubeObject httpRoute(Platform platform) {
    ObjectNode route =
        header(GATEWAY_API + "/v1", "HTTPRoute", platform, TokenServiceEndpoints.name(platform));
    ObjectNode spec = route.putObject("spec");
    ObjectNode parent = spec.putArray("parentRefs").addObject();
    parent.put("group", GATEWAY_API);
    parent.put("kind", "Gateway");
    parent.put("name", platform.gateway().name());
    parent.put("namespace", platform.gateway().namespace());
    ArrayNode rules = spec.putArray("rules");

    ObjectNode api = rules.addObject();
    ObjectNode apiPath = api.putArray("matches").addObject().putObject("path");
    apiPath.put("type", "PathPrefix");
    apiPath.put("value", TokenServiceEndpoints.PATH_PREFIX);
    ObjectNode rewrite = api.putArray("filters").addObject();
    rewrite.put("type", "URLRewrite");
    ObjectNode rewritePath = rewrite.putObject("urlRewrite").putObject("path");
    rewritePath.put("type", "ReplacePrefixMatch");
    rewritePath.put("replacePrefixMatch", "/");
    backend(api, platform);

    return new KubeObject(route);
  }

  private static ObjectNode valueOf(String kind, String text) {
    ObjectNode v = JSON.createObjectNode();
    v.put(kind, text);
    return v;
  }

  /** A gjson path to a claim, with the dots gjson would read as nesting escaped. */
  private static String claimSelector(String claim) {
    return "auth.identity." + claim.replace(".", "\\.");
  }

  /**
   * Authenticates people (Kubernetes TokenReview and/or OIDC as the spec says). Each identity
   * source normalises the caller into {@code auth.identity.maas_username} and {@code maas_groups}
   * (overrides, so no token claim can set them), which are injected as {@code X-MaaS-Username} and
   * {@code X-MaaS-Groups} (a JSON array). Requests that carry those headers themselves are denied,
   * and the service's internal endpoints and metrics are not reachable through the gateway. Paths
   * are matched on {@code request.url_path}, which has no query string ({@code request.path} has
   * one, so {@code /maas-api/metrics?x} would slip past).
   *
   * <p>This policy replaces the gateway's for the route. The route's own RateLimitPolicy counts
   * each caller by {@code auth.identity.userid}, which exists for the limits only through the
   * {@code identity} filter below; its values are written to hold for every credential accepted on
   * every path, never failing on a missing claim.
   */
  private static KubeObject authPolicy(Platform platform) {
    ObjectNode policy = header("kuadrant.io/v1", "AuthPolicy", platform, authPolicyName(platform));
    ObjectNode spec = policy.putObject("spec");
    ObjectNode target = spec.putObject("targetRef");
    target.put("group", GATEWAY_API);
    target.put("kind", "HTTPRoute");
    target.put("name", TokenServiceEndpoints.name(platform));
    ObjectNode rules = spec.putObject("rules");

    UserAuth users = platform.auth();
    ObjectNode authentication = rules.putObject("authentication");
    // The Web UI's files are what a browser loads before anyone signs in; the page then calls the
    // API with a
    // credential. Only GETs under the UI's path, where the service serves a fixed list of static
    // files.
    ObjectNode webUi = authentication.putObject("web-ui-files");
    webUi.putArray("when").addObject().put("predicate", TokenServiceEndpoints.WEB_UI_PREDICATE);
    webUi.putObject("anonymous");
    if (users.kubernetes()) {
      ObjectNode k8s = authentication.putObject("kubernetes-users");
      ArrayNode audiences = k8s.putObject("kubernetesTokenReview").putArray("audiences");
      users.kubernetesAudiences().forEach(audiences::add);
      ObjectNode overrides = k8s.putObject("overrides");
      overrides.set("maas_username", valueOf("selector", "auth.identity.user.username"));
      overrides.set("maas_groups", valueOf("selector", "auth.identity.user.groups"));
    }
    if (users.oidc()) {
      ObjectNode oidc = authentication.putObject("oidc-users");
      oidc.putObject("jwt").put("issuerUrl", users.oidcIssuerUrl());
      ObjectNode overrides = oidc.putObject("overrides");
      overrides.set("maas_username", valueOf("selector", claimSelector(users.oidcUsernameClaim())));
      overrides.set("maas_groups", valueOf("selector", claimSelector(users.oidcGroupsClaim())));
    }
    ObjectNode authorization = rules.putObject("authorization");
    authorization
        .putObject("deny-client-identity-headers")
        .putObject("patternMatching")
        .putArray("patterns")
        .addObject()
        .put(
            "predicate",
            "!(\"x-maas-username\" in request.headers) && !(\"x-maas-groups\" in request.headers)");
    authorization
        .putObject("internal-endpoints-closed")
        .putObject("patternMatching")
        .putArray("patterns")
        .addObject()
        .put(
            "predicate",
            "!request.url_path.startsWith(\""
                + TokenServiceEndpoints.PATH_PREFIX
                + "/internal/\") && request.url_path != \""
                + TokenServiceEndpoints.PATH_PREFIX
                + "/metrics\"");
    if (users.oidc() && !users.oidcAudiences().isEmpty()) {
      // Authorino's jwt method does not check the audience; tokens the IdP issued to other clients
      // are refused here.
      String list =
          "["
              + String.join(
                  ", ", users.oidcAudiences().stream().map(dev.maas.cel.CelStrings::quote).toList())
              + "]";
      ObjectNode audience = authorization.putObject("oidc-audience");
      audience
          .putArray("when")
          .addObject()
          .put(
              "predicate",
              "has(auth.identity.iss) && auth.identity.iss == "
                  + dev.maas.cel.CelStrings.quote(users.oidcIssuerUrl()));
      audience
          .putObject("patternMatching")
          .putArray("patterns")
          .addObject()
          .put(
              "predicate",
              list
                  + ".exists(a, a == auth.identity.aud || (type(auth.identity.aud) == list && a in auth.identity.aud))");
    }

    ObjectNode success = rules.putObject("response").putObject("success");
    ObjectNode headers = success.putObject("headers");
    headers
        .putObject("X-MaaS-Username")
        .set("plain", valueOf("selector", "auth.identity.maas_username"));
    // @tostr renders the list as a JSON array string, which the service parses.
    headers
        .putObject("X-MaaS-Groups")
        .set("plain", valueOf("selector", "auth.identity.maas_groups.@tostr"));
    // Every identity source sets maas_username; no credential accepted here carries a platform
    // tier.
    ObjectNode identity =
        success
            .putObject("filters")
            .putObject("identity")
            .putObject("json")
            .putObject("properties");
    identity.set(
        "userid",
        valueOf(
            "expression", "has(auth.identity.maas_username) ? auth.identity.maas_username : \"\""));
    identity.set(
        "tier",
        valueOf(
            "expression",
            "has(auth.identity.iss) && auth.identity.iss == "
                + CelStrings.quote(TokenServiceEndpoints.issuer(platform))
                + " && has(auth.identity.tier) ? auth.identity.tier : \"\""));
    return new KubeObject(policy);
  }
}
