package dev.maas.render.tokenservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.TokenService;
import dev.maas.model.TokenStateStore;
import dev.maas.model.UserAuth;
import dev.maas.render.KubeObject;
import dev.maas.tokenservice.config.ConfigFiles;
import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.validate.SpecValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token service's objects as generated from the reference spec. */
class TokenServiceGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Platform acme;

  @BeforeAll
  static void bind() {
    Path spec =
        Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml");
    SpecValidator.Outcome outcome = new SpecValidator().validate(spec, "acme.yaml");
    assertEquals(
        List.of(),
        outcome.diagnostics().stream().filter(d -> d.isError()).map(d -> d.render()).toList());
    acme = outcome.platform();
  }

  private static List<KubeObject> objects(Platform platform) {
    return new TokenServiceGenerator().generate(platform);
  }

  private static KubeObject find(List<KubeObject> objects, String kind, String name) {
    return objects.stream()
        .filter(o -> o.kind().equals(kind) && o.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no "
                        + kind
                        + " "
                        + name
                        + " in "
                        + objects.stream().map(o -> o.kind() + "/" + o.name()).toList()));
  }

  private static Platform withAuth(Platform p, UserAuth auth) {
    return p.with(parts -> parts.auth = auth);
  }

  private static Platform withTokens(Platform p, TokenService tokens) {
    return p.with(parts -> parts.tokens = tokens);
  }

  @Test
  void generatesEveryObjectWithTheConventionalNames() {
    List<String> names =
        objects(acme).stream().map(o -> o.apiVersion() + " " + o.kind() + " " + o.name()).toList();
    assertEquals(
        List.of(
            "v1 ServiceAccount acme-token-service",
            "rbac.authorization.k8s.io/v1 Role acme-token-service",
            "rbac.authorization.k8s.io/v1 RoleBinding acme-token-service",
            "v1 ConfigMap acme-token-service-config",
            "v1 ConfigMap acme-token-service-state",
            "apps/v1 Deployment acme-token-service",
            "v1 Service acme-token-service",
            "gateway.networking.k8s.io/v1 HTTPRoute acme-token-service",
            "kuadrant.io/v1 AuthPolicy acme-token-service-auth",
            "networking.k8s.io/v1 NetworkPolicy acme-token-service",
            "autoscaling/v2 HorizontalPodAutoscaler acme-token-service",
            "policy/v1 PodDisruptionBudget acme-token-service"),
        names);
    objects(acme)
        .forEach(o -> assertEquals("maas-system", o.namespace(), o.kind() + " " + o.name()));
  }

  @Test
  void outputIsDeterministic() throws Exception {
    assertEquals(
        JSON.writeValueAsString(objects(acme).stream().map(KubeObject::body).toList()),
        JSON.writeValueAsString(objects(acme).stream().map(KubeObject::body).toList()));
  }

  @Test
  void configComesFromThePlatform() throws Exception {
    List<KubeObject> objects = objects(acme);

    JsonNode config =
        JSON.readTree(
            find(objects, "ConfigMap", "acme-token-service-config")
                .body()
                .path("data")
                .path("config.json")
                .asText());
    assertEquals(
        "http://acme-token-service.maas-system.svc.cluster.local:8080",
        config.path("issuer").asText());
    assertEquals("maas:acme", config.path("audience").asText());
    assertEquals(4 * 3600, config.path("defaultTTL").asLong());
    assertEquals(720 * 3600, config.path("maxTTL").asLong());
    assertEquals(
        List.of("free", "premium", "enterprise"),
        config.path("tiers").findValuesAsText("name").subList(0, 3));
    assertEquals(
        "[\"granite-8b\",\"llama-70b\"]", config.path("tiers").get(1).path("models").toString());
    assertTrue(
        config.path("tiers").get(2).path("models").isNull(), "enterprise may use every model");
    assertEquals(20, config.path("tiers").get(2).path("level").asInt());
    assertEquals(
        "[\"enterprise-users\",\"acme:ml-admins\"]",
        config.path("tiers").get(2).path("groups").toString());
    assertEquals("vision", config.path("models").get(2).path("namespace").asText());
    assertEquals(
        "Granite 3.1 8B Instruct", config.path("models").get(0).path("displayName").asText());
    assertEquals(TokenServiceConfig.render(acme), TokenServiceConfig.render(acme));
    assertFalse(TokenServiceConfig.render(acme).contains("\r"));
  }

  @Test
  void noKeyMaterialAnywhere() throws Exception {
    String all = JSON.writeValueAsString(objects(acme).stream().map(KubeObject::body).toList());
    for (String forbidden : List.of("PRIVATE KEY", "BEGIN ", "\"d\":", "stringData")) {
      assertFalse(all.contains(forbidden), forbidden + " found in the output");
    }
    assertFalse(
        objects(acme).stream().anyMatch(o -> o.kind().equals("Secret")), "no Secret is generated");
    JsonNode keys =
        find(objects(acme), "Deployment", "acme-token-service")
            .body()
            .at("/spec/template/spec/volumes")
            .findParent("secret");
    assertEquals("maas-token-signing-key", keys.path("secret").path("secretName").asText());
    assertEquals(2, keys.size(), "the key volume is only a name and a Secret reference");
  }

  @Test
  void deploymentRunsThePinnedImageLockedDown() {
    JsonNode d = find(objects(acme), "Deployment", "acme-token-service").body();
    JsonNode pod = d.at("/spec/template/spec");
    JsonNode c = pod.path("containers").get(0);
    // The reference the build pinned: the Jib image of this version, run by its own entrypoint.
    assertTrue(
        c.path("image").asText().matches("[a-z0-9./-]+/maas-token-service:[0-9A-Za-z.-]+"),
        c.toString());
    assertEquals(TokenServiceImage.pinned(), c.path("image").asText());
    assertTrue(
        c.path("command").isMissingNode() && c.path("args").isMissingNode(),
        "the image's entrypoint runs");
    assertEquals(
        "IfNotPresent", c.path("imagePullPolicy").asText(), "an image loaded into the nodes runs");
    assertTrue(d.at("/spec/replicas").isMissingNode(), "the autoscaler owns the replica count");
    assertEquals("acme-token-service", pod.path("serviceAccountName").asText());
    assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean());
    assertTrue(c.at("/securityContext/runAsNonRoot").asBoolean());
    assertFalse(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
    assertEquals("[\"ALL\"]", c.at("/securityContext/capabilities/drop").toString());
    assertEquals("/health", c.at("/readinessProbe/httpGet/path").asText());
    assertEquals("/health", c.at("/livenessProbe/httpGet/path").asText());
    assertEquals(
        "http",
        c.at("/readinessProbe/httpGet/port").asText(),
        "readiness follows the API's threads");
    assertEquals(
        "metrics",
        c.at("/livenessProbe/httpGet/port").asText(),
        "liveness never waits behind API work");
    assertEquals("metrics", c.at("/startupProbe/httpGet/port").asText());
    assertEquals("256Mi", c.at("/resources/limits/memory").asText());
    Set<String> mounts = new TreeSet<>();
    c.path("volumeMounts")
        .forEach(
            m ->
                mounts.add(
                    m.path("mountPath").asText() + (m.path("readOnly").asBoolean() ? " ro" : "")));
    assertEquals(
        Set.of("/etc/maas/config ro", "/etc/maas/keys ro", "/var/lib/maas", "/tmp"), mounts);
    // The image's class data archive is a file of the working directory: a writable emptyDir
    // mount, which a restart of the container keeps.
    String workingDir = c.path("workingDir").asText();
    String scratchVolume = null;
    for (JsonNode m : c.path("volumeMounts")) {
      if (m.path("mountPath").asText().equals(workingDir) && !m.path("readOnly").asBoolean()) {
        scratchVolume = m.path("name").asText();
      }
    }
    assertTrue(scratchVolume != null, "the working directory is a writable mount: " + workingDir);
    String volume = scratchVolume;
    assertTrue(
        java.util.stream.StreamSupport.stream(pod.path("volumes").spliterator(), false)
            .anyMatch(v -> v.path("name").asText().equals(volume) && v.has("emptyDir")),
        "the working directory is an emptyDir: " + pod.path("volumes"));
    List<String> env = new ArrayList<>();
    c.path("env").forEach(e -> env.add(e.path("name").asText() + "=" + e.path("value").asText()));
    assertTrue(env.contains("MAAS_STATE_CONFIGMAP=acme-token-service-state"), env.toString());
    assertTrue(env.contains("MAAS_CONFIG=/etc/maas/config/config.json"), env.toString());
    String jvm =
        env.stream()
            .filter(e -> e.startsWith("JDK_JAVA_OPTIONS="))
            .findFirst()
            .orElseThrow()
            .substring("JDK_JAVA_OPTIONS=".length());
    java.util.regex.Matcher heap = java.util.regex.Pattern.compile("-Xmx(\\d+)m").matcher(jvm);
    assertTrue(heap.find(), "the heap is sized: " + jvm);
    // The process beside its heap took 120-125 MB at load (docs/performance.md): the limit leaves
    // at least 128 MiB above the heap, so a full heap is an OutOfMemoryError, not an OOM kill.
    assertTrue(
        256 - Integer.parseInt(heap.group(1)) >= 128,
        "the heap leaves the memory limit room for metaspace, code and threads: " + jvm);
    assertTrue(jvm.contains("-XX:+ExitOnOutOfMemoryError"), jvm);
  }

  @Test
  void theSpecsImageOverridesThePinnedOne() {
    TokenService t = acme.tokens();
    String mirror = "registry.internal:5000/maas/token-service@sha256:" + "ab".repeat(32);
    Platform mirrored =
        withTokens(
            acme,
            new TokenService(
                t.namespace(),
                t.defaultTTL(),
                t.maxTTL(),
                t.signingKeySecret(),
                t.replicas(),
                mirror));
    assertEquals(
        mirror,
        find(objects(mirrored), "Deployment", "acme-token-service")
            .body()
            .at("/spec/template/spec/containers/0/image")
            .asText());
  }

  /** The config checksum on the pods of {@code platform}'s token service. */
  private static String checksum(Platform platform) {
    return find(objects(platform), "Deployment", "acme-token-service")
        .body()
        .at("/spec/template/metadata/annotations")
        .path(TokenServiceGenerator.CHECKSUM_ANNOTATION)
        .asText();
  }

  @Test
  void checksumRollsThePodsWhenTheConfigChanges() {
    String before = checksum(acme);
    assertEquals(64, before.length());
    TokenService t = acme.tokens();
    Platform longer =
        withTokens(
            acme,
            new TokenService(
                t.namespace(),
                t.defaultTTL(),
                "800h",
                t.signingKeySecret(),
                t.replicas(),
                t.image()));
    String after = checksum(longer);
    assertNotEquals(before, after);
  }

  @Test
  void stateIsOneConfigMapPerRecordWhichTheServiceManagesInItsNamespaceOnly() {
    List<KubeObject> objects = objects(acme);
    JsonNode state = find(objects, "ConfigMap", "acme-token-service-state").body();
    assertTrue(state.path("data").isMissingNode(), "Git must not own the records");
    JsonNode role = find(objects, "Role", "acme-token-service").body();
    assertEquals("acme-token-service", role.at("/metadata/name").asText());
    assertEquals(1, role.path("rules").size());
    JsonNode rule = role.path("rules").get(0);
    assertEquals("[\"\"]", rule.path("apiGroups").toString());
    assertEquals("[\"configmaps\"]", rule.path("resources").toString());
    assertEquals(
        "[\"create\",\"delete\",\"get\",\"list\",\"update\"]", rule.path("verbs").toString());
    JsonNode binding = find(objects, "RoleBinding", "acme-token-service").body();
    assertEquals("acme-token-service", binding.at("/subjects/0/name").asText());
    assertEquals("Role", binding.at("/roleRef/kind").asText());
    assertTrue(env(objects).contains("MAAS_STATE_BACKEND=kubernetes"));
  }

  @Test
  void aRedisStateStoreNeedsNoRoleAndReadsItsPasswordFromTheNamedSecret() {
    Platform redis =
        withTokens(
            acme,
            acme.tokens()
                .withState(
                    new TokenStateStore(
                        "redis", "redis://redis.example.svc:6379/1", "maas-redis")));
    List<KubeObject> objects = objects(redis);
    assertTrue(objects.stream().noneMatch(o -> o.kind().startsWith("Role")), "no Role");
    List<String> env = env(objects);
    assertTrue(env.contains("MAAS_STATE_BACKEND=redis"), env.toString());
    assertTrue(env.contains("MAAS_REDIS_URL=redis://redis.example.svc:6379/1"), env.toString());
    JsonNode password =
        container(objects).path("env").findParents("name").stream()
            .filter(e -> e.path("name").asText().equals("MAAS_REDIS_PASSWORD"))
            .findFirst()
            .orElseThrow();
    assertEquals("maas-redis", password.at("/valueFrom/secretKeyRef/name").asText());
    assertEquals("password", password.at("/valueFrom/secretKeyRef/key").asText());
    assertTrue(password.path("value").isMissingNode(), "the password is never in the output");
  }

  private static JsonNode container(List<KubeObject> objects) {
    return find(objects, "Deployment", "acme-token-service")
        .body()
        .at("/spec/template/spec/containers/0");
  }

  private static List<String> env(List<KubeObject> objects) {
    List<String> env = new java.util.ArrayList<>();
    container(objects)
        .path("env")
        .forEach(e -> env.add(e.path("name").asText() + "=" + e.path("value").asText()));
    return env;
  }

  @Test
  void networkPolicyAdmitsOnlyTheGatewayAndAuthorinoPodsToTheApi() {
    List<KubeObject> objects = objects(acme);
    JsonNode np = find(objects, "NetworkPolicy", "acme-token-service").body();
    assertEquals("[\"Ingress\"]", np.at("/spec/policyTypes").toString());
    assertEquals(
        find(objects, "Deployment", "acme-token-service").body().at("/spec/selector"),
        np.at("/spec/podSelector"));
    JsonNode ingress = np.at("/spec/ingress");
    assertEquals(2, ingress.size());
    // Each peer names a namespace and the pods in it: a namespace alone would admit every pod
    // there, and any of
    // them could forge the X-MaaS-* headers.
    List<String> peers = new ArrayList<>();
    ingress
        .get(0)
        .path("from")
        .forEach(
            peer -> {
              assertEquals(1, peer.at("/namespaceSelector/matchLabels").size());
              peers.add(
                  peer.at("/namespaceSelector/matchLabels")
                          .path("kubernetes.io/metadata.name")
                          .asText()
                      + " "
                      + peer.at("/podSelector/matchLabels"));
            });
    assertEquals(
        List.of(
            "maas-system {\"gateway.networking.k8s.io/gateway-name\":\"maas-gateway\"}",
            "kuadrant-system {\"authorino-resource\":\"authorino\",\"control-plane\":\"controller-manager\"}"),
        peers);
    assertEquals(8080, ingress.get(0).at("/ports/0/port").asInt());
    assertEquals(1, ingress.get(0).path("ports").size());
    // The second rule opens the metrics port, and only it, to Prometheus's pods.
    assertEquals(
        "monitoring",
        ingress
            .get(1)
            .at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
            .asText());
    assertEquals(
        "prometheus",
        ingress.get(1).at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText());
    assertEquals(1, ingress.get(1).path("ports").size());
    assertEquals(9090, ingress.get(1).at("/ports/0/port").asInt());
    JsonNode monitor =
        find(
                new dev.maas.render.monitoring.MonitoringGenerator().generate(acme),
                "ServiceMonitor",
                "acme-token-service")
            .body();
    assertEquals("metrics", monitor.at("/spec/endpoints/0/port").asText());
    JsonNode servicePorts = find(objects, "Service", "acme-token-service").body().at("/spec/ports");
    assertEquals("metrics", servicePorts.get(1).path("name").asText());
    assertEquals(9090, servicePorts.get(1).path("port").asInt());
  }

  @Test
  void routeRewritesMaasApiAndServesModelsWithoutHostnames() {
    JsonNode route = find(objects(acme), "HTTPRoute", "acme-token-service").body();
    assertTrue(route.at("/spec/hostnames").isMissingNode());
    assertEquals("maas-gateway", route.at("/spec/parentRefs/0/name").asText());
    assertEquals("maas-system", route.at("/spec/parentRefs/0/namespace").asText());
    assertEquals("/maas-api", route.at("/spec/rules/0/matches/0/path/value").asText());
    assertEquals(
        "/", route.at("/spec/rules/0/filters/0/urlRewrite/path/replacePrefixMatch").asText());
    assertEquals(8080, route.at("/spec/rules/0/backendRefs/0/port").asInt());
    // The listing is on the public model route, counted with the tier's model calls.
    assertEquals(1, route.at("/spec/rules").size());
  }

  @Test
  void authPolicyAuthenticatesUsersAndInjectsIdentityHeaders() {
    JsonNode policy = find(objects(acme), "AuthPolicy", "acme-token-service-auth").body();
    assertEquals("HTTPRoute", policy.at("/spec/targetRef/kind").asText());
    assertEquals("acme-token-service", policy.at("/spec/targetRef/name").asText());
    JsonNode authn = policy.at("/spec/rules/authentication");
    assertEquals(
        "[\"https://kubernetes.default.svc\"]",
        authn.at("/kubernetes-users/kubernetesTokenReview/audiences").toString());
    assertTrue(authn.path("oidc-users").isMissingNode(), "acme has no OIDC users");
    assertTrue(authn.path("maas-tokens").isMissingNode(), "platform tokens never mint tokens");
    String deny =
        policy
            .at(
                "/spec/rules/authorization/deny-client-identity-headers/patternMatching/patterns/0/predicate")
            .asText();
    assertTrue(deny.contains("x-maas-username") && deny.contains("x-maas-groups"), deny);
    String internal =
        policy
            .at(
                "/spec/rules/authorization/internal-endpoints-closed/patternMatching/patterns/0/predicate")
            .asText();
    assertTrue(
        internal.contains("request.url_path") && !internal.contains("request.path"),
        "query strings must not bypass: " + internal);
    assertTrue(
        internal.contains("/maas-api/internal/") && internal.contains("/maas-api/metrics"),
        internal);
    JsonNode headers = policy.at("/spec/rules/response/success/headers");
    assertEquals(
        "auth.identity.maas_username", headers.at("/X-MaaS-Username/plain/selector").asText());
    assertEquals(
        "auth.identity.maas_groups.@tostr", headers.at("/X-MaaS-Groups/plain/selector").asText());
  }

  @Test
  void authPolicyUsesOidcWhenTheSpecSaysSo() {
    Platform oidc =
        withAuth(
            acme,
            new UserAuth(
                null,
                "https://sso.example.com/realms/acme",
                List.of("maas"),
                "groups",
                "preferred_username"));
    JsonNode authn =
        find(objects(oidc), "AuthPolicy", "acme-token-service-auth")
            .body()
            .at("/spec/rules/authentication");
    assertTrue(authn.path("kubernetes-users").isMissingNode());
    assertEquals(
        "https://sso.example.com/realms/acme", authn.at("/oidc-users/jwt/issuerUrl").asText());
    assertEquals(
        "auth.identity.preferred_username",
        authn.at("/oidc-users/overrides/maas_username/selector").asText());
    JsonNode audience =
        find(objects(oidc), "AuthPolicy", "acme-token-service-auth")
            .body()
            .at("/spec/rules/authorization/oidc-audience/patternMatching/patterns/0/predicate");
    assertTrue(audience.asText().contains("\"maas\""), audience.asText());
  }

  @Test
  void scalingFollowsTheSpec() {
    List<KubeObject> objects = objects(acme);
    JsonNode hpa = find(objects, "HorizontalPodAutoscaler", "acme-token-service").body();
    assertEquals(acme.tokens().replicas(), hpa.at("/spec/minReplicas").asInt());
    assertTrue(hpa.at("/spec/maxReplicas").asInt() > hpa.at("/spec/minReplicas").asInt());
    assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText());
    assertEquals("acme-token-service", hpa.at("/spec/scaleTargetRef/name").asText());
    JsonNode pdb = find(objects, "PodDisruptionBudget", "acme-token-service").body();
    assertEquals(1, pdb.at("/spec/minAvailable").asInt());
  }

  private static java.util.Map<String, String> env(Platform platform) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    find(objects(platform), "Deployment", "acme-token-service")
        .body()
        .at("/spec/template/spec/containers/0/env")
        .forEach(e -> out.put(e.path("name").asText(), e.path("value").asText()));
    return out;
  }

  @Test
  void theWebUiGetsItsOidcSignInFromTheSpec() {
    assertFalse(
        env(acme).containsKey("MAAS_OIDC_ISSUER_URL"), "acme signs users in by TokenReview");
    String issuer = "https://sso.example.com/realms/acme";
    java.util.Map<String, String> byAudience =
        env(withAuth(acme, new UserAuth(null, issuer, List.of("maas"), "groups", "sub")));
    assertEquals(issuer, byAudience.get("MAAS_OIDC_ISSUER_URL"));
    assertEquals("maas", byAudience.get("MAAS_OIDC_CLIENT_ID"), "the first audience");
    java.util.Map<String, String> named =
        env(
            withAuth(
                acme, new UserAuth(null, issuer, List.of("maas"), "groups", "sub", "maas-ui")));
    assertEquals("maas-ui", named.get("MAAS_OIDC_CLIENT_ID"));
    assertFalse(
        env(withAuth(acme, new UserAuth(null, issuer, List.of(), "groups", "sub")))
            .containsKey("MAAS_OIDC_CLIENT_ID"),
        "no client to sign in as: the page offers the pasted token only");
  }

  /**
   * The service looks for a caller's limits under the names and in the Limitador namespaces
   * Kuadrant gives the generated policies' limits: the limit's key, in the targeted route's
   * namespaced name (kuadrant-operator v1.5.2 limitador_limits_reconciler.go lines 151 and
   * 176-201). Every limit that can count a tier's caller is among the names the config gives that
   * tier, and every per-caller limit counts by the user id.
   */
  @Test
  void quotaFindsEveryLimitTheGeneratedPoliciesSet() {
    var config = TokenServiceConfig.of(acme);
    java.util.Map<String, Set<String>> namesByTier = new java.util.TreeMap<>();
    for (var tier : config.tiers()) {
      Set<String> names = new TreeSet<>();
      config.limitNamesOf(tier).forEach(n -> names.add(n.namespace() + " " + n.name()));
      namesByTier.put(tier.name(), names);
    }
    List<KubeObject> policies = new ArrayList<>();
    for (var kind : dev.maas.render.policy.LimitKind.values()) {
      policies.addAll(new dev.maas.render.policy.RateLimitGenerator(kind).generate(acme));
    }
    policies.addAll(new dev.maas.render.policy.TokenServiceLimitGenerator().generate(acme));
    int checked = 0;
    for (KubeObject policy : policies) {
      JsonNode spec = policy.body().path("spec");
      String namespace = policy.namespace() + "/" + spec.at("/targetRef/name").asText();
      var limits = spec.path("limits").fields();
      while (limits.hasNext()) {
        var limit = limits.next();
        String predicates = limit.getValue().path("when").toString();
        for (var tier : config.tiers()) {
          boolean tierPredicate = predicates.contains("auth.identity.tier");
          boolean counts =
              tierPredicate
                  ? predicates.contains("\\\"" + tier.name() + "\\\"")
                  : !limit.getKey().startsWith("model.")
                      || tier.allows(limit.getKey().split("\\.")[1]);
          if (counts) {
            assertTrue(
                namesByTier.get(tier.name()).contains(namespace + " " + limit.getKey()),
                tier.name() + " misses " + namespace + " " + limit.getKey());
            checked++;
          }
        }
        JsonNode counters = limit.getValue().path("counters");
        assertTrue(
            counters.isEmpty()
                || "auth.identity.userid".equals(counters.get(0).path("expression").asText()),
            limit.toString());
      }
    }
    assertTrue(checked >= 8, "only " + checked + " tier-limit pairs");
    assertEquals(
        "http://limitador-limitador.kuadrant-system.svc.cluster.local:8080",
        config.quota().limitadorUrl());
  }

  /**
   * {@code acme} with {@code count} more models after its own, copies of its first renamed {@code
   * model-<i>}, whose display name is {@code display.apply(i)}.
   */
  private static Platform withModels(int count, java.util.function.IntFunction<String> display) {
    Model m = acme.models().get(0);
    List<Model> models = new ArrayList<>(acme.models());
    for (int i = 0; i < count; i++) {
      models.add(
          new Model(
              "model-" + i,
              m.namespace(),
              display.apply(i),
              m.description(),
              m.serving(),
              m.uri(),
              m.credentials(),
              m.modelFormat(),
              m.replicas(),
              m.autoscaling(),
              m.resources(),
              m.parallelism(),
              m.pricing(),
              m.cap()));
    }
    return acme.with(parts -> parts.models = models);
  }

  private static final int LARGE = 5000;

  private static Platform large() {
    return withModels(LARGE, i -> "Model " + i);
  }

  /** The config ConfigMaps of {@code objects}, name to their one file's name and text. */
  private static java.util.Map<String, java.util.Map.Entry<String, String>> configMaps(
      List<KubeObject> objects) {
    java.util.Map<String, java.util.Map.Entry<String, String>> out =
        new java.util.LinkedHashMap<>();
    for (KubeObject o : objects) {
      if (o.kind().equals("ConfigMap") && o.name().startsWith("acme-token-service-config")) {
        JsonNode data = o.body().path("data");
        assertEquals(1, data.size(), () -> o.name() + " holds one file");
        String file = data.fieldNames().next();
        out.put(o.name(), java.util.Map.entry(file, data.path(file).asText()));
      }
    }
    return out;
  }

  @Test
  void aLargeCatalogueIsSplitOverConfigMapsEachUnderTheBoundThatJoinBackToTheConfig()
      throws Exception {
    Platform large = large();
    var maps = configMaps(objects(large));
    List<String> names = new ArrayList<>(maps.keySet());
    assertTrue(names.size() >= 3, names::toString);
    List<String> expected = new ArrayList<>(List.of("acme-token-service-config"));
    for (int n = 1; n < names.size(); n++) {
      expected.add("acme-token-service-config-models-" + n);
      assertEquals("models-" + n + ".json", maps.get(expected.get(n)).getKey());
    }
    assertEquals(expected, names);
    assertEquals("config.json", maps.get("acme-token-service-config").getKey());
    java.util.Map<String, String> shards = new java.util.LinkedHashMap<>();
    maps.forEach(
        (name, file) -> {
          int bytes = file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
          assertTrue(
              bytes <= ConfigFiles.MAX_FILE_BYTES,
              () -> name + " holds " + bytes + " bytes, over " + ConfigFiles.MAX_FILE_BYTES);
          if (!file.getKey().equals("config.json")) {
            shards.put(file.getKey(), file.getValue());
          }
        });
    String mainText = maps.get("acme-token-service-config").getValue();
    JsonNode main = JSON.readTree(mainText);
    assertFalse(main.has("models"), "the models are in the shards only");
    assertEquals(shards.size(), main.path("modelShards").size());
    ServiceConfig joined =
        ConfigFiles.join(
            TokenServiceConfig.CODEC.read(mainText, ServiceConfig.class),
            shards,
            TokenServiceConfig.CODEC);
    ServiceConfig whole = TokenServiceConfig.of(large);
    assertEquals(LARGE + acme.models().size(), joined.models().size());
    assertEquals(whole.tiers(), joined.tiers(), "the tiers' lists come back from the shards");
    assertTrue(whole.equals(joined), "the joined config is the whole one");
  }

  @Test
  void theDeploymentMountsEveryShardInTheConfigDirectoryAndPassesTheOutputChecks() {
    List<KubeObject> objects = objects(large());
    JsonNode pod =
        find(objects, "Deployment", "acme-token-service").body().at("/spec/template/spec");
    JsonNode volume = pod.path("volumes").get(0);
    assertEquals("config", volume.path("name").asText());
    assertTrue(volume.path("configMap").isMissingNode(), volume::toString);
    List<String> sources = new ArrayList<>();
    volume.at("/projected/sources").forEach(s -> sources.add(s.at("/configMap/name").asText()));
    assertEquals(new ArrayList<>(configMaps(objects).keySet()), sources);
    assertEquals("/etc/maas/config", pod.at("/containers/0/volumeMounts/0/mountPath").asText());
    assertEquals("config", pod.at("/containers/0/volumeMounts/0/name").asText());

    // The built-in kinds' checks read the Deployment through fabric8's Pod model, which refuses
    // an unknown field; the size check reads every ConfigMap.
    assertEquals(
        List.of(),
        new dev.maas.check.OutputChecks(null)
            .structural(tree(objects)).stream().map(d -> d.render()).toList());
  }

  private static dev.maas.output.GeneratedTree tree(List<KubeObject> objects) {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    for (KubeObject o : objects) {
      files.put(
          "base/" + o.kind().toLowerCase() + "-" + o.name() + ".yaml",
          dev.maas.output.Yaml.write(o.body()));
    }
    return dev.maas.output.GeneratedTree.ofText(files);
  }

  @Test
  void planAndProofReadTheCatalogueBackFromItsShards() {
    Platform large = large();
    List<KubeObject> objects = objects(large);
    var catalog =
        dev.maas.check.proof.Catalog.read(dev.maas.check.proof.GatewayObjects.of(tree(objects)))
            .orElseThrow();
    assertEquals(large.models().size(), catalog.models().size());
    assertEquals("model-" + (LARGE - 1), catalog.models().get(catalog.models().size() - 1).name());
    assertEquals(
        List.of("granite-8b", "llama-70b"), catalog.tier("premium").orElseThrow().models());
    assertEquals(null, catalog.tier("enterprise").orElseThrow().models());

    // A shard left out: no catalogue rather than part of one.
    List<KubeObject> partial =
        objects.stream()
            .filter(o -> !o.name().equals("acme-token-service-config-models-2"))
            .toList();
    assertTrue(
        dev.maas.check.proof.Catalog.read(dev.maas.check.proof.GatewayObjects.of(tree(partial)))
            .isEmpty());
  }

  @Test
  void aSmallCatalogueKeepsOneConfigMapMountedAsBefore() {
    List<KubeObject> objects = objects(acme);
    assertEquals(List.of("acme-token-service-config"), List.copyOf(configMaps(objects).keySet()));
    JsonNode volume =
        find(objects, "Deployment", "acme-token-service")
            .body()
            .at("/spec/template/spec/volumes/0");
    assertEquals("acme-token-service-config", volume.at("/configMap/name").asText());
    assertEquals(TokenServiceGenerator.checksum(TokenServiceConfig.render(acme)), checksum(acme));
  }

  @Test
  void changingOneShardChangesItsConfigMapTheMainFileAndTheChecksumOnly() {
    Platform before = large();
    Platform after = withModels(LARGE, i -> i == LARGE - 1 ? "Renamed" : "Model " + i);
    assertEquals(acme.models().size() + LARGE, after.models().size());
    var mapsBefore = configMaps(objects(before));
    var mapsAfter = configMaps(objects(after));
    assertEquals(mapsBefore.keySet(), mapsAfter.keySet());
    String lastShard = "acme-token-service-config-models-" + (mapsBefore.size() - 1);
    List<String> changed =
        mapsBefore.keySet().stream()
            .filter(n -> !mapsBefore.get(n).equals(mapsAfter.get(n)))
            .toList();
    assertEquals(List.of("acme-token-service-config", lastShard), changed);
    assertNotEquals(checksum(before), checksum(after));
    assertEquals(checksum(before), checksum(large()), "the same spec, the same checksum");
  }
}
