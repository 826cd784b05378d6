package dev.maas.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.maas.model.Destination;
import dev.maas.model.Environment;
import dev.maas.model.GitOps;
import dev.maas.model.Platform;
import dev.maas.render.KubeObject;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AppProject and Applications follow the spec's gitops section and the Argo CD CRDs. */
class ArgoCdGeneratorTest {

  private static Platform platform;

  @BeforeAll
  static void loadReferenceSpec() {
    Path reference =
        Path.of(System.getProperty("maas.repoRoot", ".."))
            .resolve("../shared/contract/example-platform.yaml");
    platform = new SpecValidator().validate(reference, "example-platform.yaml").platform();
    assertNotNull(platform, "the reference spec must bind");
  }

  @Test
  void noGitopsMeansNoObjects() {
    assertEquals(List.of(), new ArgoCdGenerator().generate(withGitOps(null)));
  }

  @Test
  void appProjectIsLimitedToThePlatformsRepoNamespacesAndKinds() {
    KubeObject project = new ArgoCdGenerator().generate(platform).get(0);
    assertEquals("argoproj.io/v1alpha1", project.apiVersion());
    assertEquals("AppProject", project.kind());
    assertEquals("maas", project.name());
    assertEquals("argocd", project.namespace());
    JsonNode spec = project.body().get("spec");
    assertEquals(
        List.of("https://git.example.com/platform/maas-gitops.git"),
        texts(spec.get("sourceRepos")));

    // Each environment's own cluster (named after it by default), each with the platform's
    // namespaces only.
    List<String> namespaces = new ArrayList<>();
    List<String> clusters = new ArrayList<>();
    for (JsonNode destination : spec.get("destinations")) {
      assertTrue(destination.path("server").isMissingNode(), destination.toString());
      clusters.add(destination.get("name").asText());
      namespaces.add(destination.get("namespace").asText());
    }
    List<String> expected =
        new ArrayList<>(
            List.of(
                platform.gateway().namespace(),
                platform.tokens().namespace(),
                platform.limitador().namespace()));
    platform.models().forEach(m -> expected.add(m.namespace()));
    List<String> perCluster = expected.stream().distinct().sorted().toList();
    List<String> both = new ArrayList<>(perCluster);
    both.addAll(perCluster);
    assertEquals(both, namespaces);
    assertEquals(List.of("dev", "prod"), clusters.stream().distinct().toList());
    assertFalse(namespaces.contains("*"));

    assertEquals(
        0,
        spec.get("clusterResourceWhitelist").size(),
        "the platform creates no cluster-scoped object");
    List<String> kinds =
        StreamSupport.stream(spec.get("namespaceResourceWhitelist").spliterator(), false)
            .map(gk -> gk.get("group").asText() + "/" + gk.get("kind").asText())
            .toList();
    assertTrue(kinds.contains("kuadrant.io/TokenRateLimitPolicy"));
    assertTrue(kinds.contains("extensions.kuadrant.io/TelemetryPolicy"));
    assertTrue(kinds.contains("serving.kserve.io/LLMInferenceService"));
    assertTrue(kinds.contains("/ConfigMap"));
    assertEquals(25, kinds.size(), kinds.toString());
    assertFalse(
        kinds.stream().anyMatch(k -> k.endsWith("/*") || k.endsWith("/Secret")), kinds.toString());
  }

  @Test
  void oneApplicationPerEnvironmentPointingAtItsOverlay() {
    List<KubeObject> objects = new ArgoCdGenerator().generate(platform);
    List<KubeObject> apps = objects.stream().filter(o -> o.kind().equals("Application")).toList();
    assertEquals(List.of("acme-dev", "acme-prod"), apps.stream().map(KubeObject::name).toList());
    JsonNode dev = apps.get(0).body();
    assertEquals("argocd", apps.get(0).namespace());
    assertEquals(
        List.of(ArgoCdGenerator.RESOURCES_FINALIZER), texts(dev.get("metadata").get("finalizers")));
    JsonNode spec = dev.get("spec");
    assertEquals("maas", spec.get("project").asText());
    assertEquals(
        "https://git.example.com/platform/maas-gitops.git", spec.at("/source/repoURL").asText());
    assertEquals("main", spec.at("/source/targetRevision").asText());
    assertEquals("clusters/acme/overlays/dev", spec.at("/source/path").asText());
    // Two environments and no destinations in the spec: each targets the Argo CD cluster named
    // after it.
    assertEquals("dev", spec.at("/destination/name").asText());
    assertTrue(spec.at("/destination/server").isMissingNode(), spec.toString());
    assertEquals("prod", apps.get(1).body().at("/spec/destination/name").asText());
    assertTrue(
        spec.at("/destination/namespace").isMissingNode(), "objects carry their own namespaces");
    assertTrue(spec.at("/syncPolicy/automated/prune").asBoolean());
    assertTrue(spec.at("/syncPolicy/automated/selfHeal").asBoolean());
    List<String> options = texts(spec.at("/syncPolicy/syncOptions"));
    assertTrue(options.contains("ServerSideApply=true"), options.toString());
    assertTrue(options.contains("SkipDryRunOnMissingResource=true"), options.toString());
    assertTrue(options.contains("FailOnSharedResource=true"), options.toString());
  }

  @Test
  void aSingleEnvironmentDeploysToThePlatformsDestinationServer() {
    Platform single =
        withEnvironments(
            List.of(new Environment("prod", null, Map.of())),
            platform.gitops().target(null, null, null));
    KubeObject app = new ArgoCdGenerator().generate(single).get(1);
    assertEquals(
        "https://kubernetes.default.svc", app.body().at("/spec/destination/server").asText());
    assertTrue(app.body().at("/spec/destination/name").isMissingNode());
  }

  @Test
  void explicitDestinationsAreUsedAsWritten() {
    Platform explicit =
        withEnvironments(
            List.of(
                new Environment(
                    "dev",
                    null,
                    Map.of(),
                    Destination.ofServer("https://dev.k8s.example.com"),
                    null),
                new Environment("prod", null, Map.of(), Destination.ofName("prod-east"), null)),
            platform.gitops());
    List<KubeObject> objects = new ArgoCdGenerator().generate(explicit);
    assertEquals(
        "https://dev.k8s.example.com",
        objects.get(1).body().at("/spec/destination/server").asText());
    assertEquals("prod-east", objects.get(2).body().at("/spec/destination/name").asText());
    List<String> destinations =
        StreamSupport.stream(objects.get(0).body().at("/spec/destinations").spliterator(), false)
            .map(d -> d.path("name").asText(d.path("server").asText()))
            .distinct()
            .toList();
    assertEquals(List.of("prod-east", "https://dev.k8s.example.com"), destinations);
  }

  @Test
  void aFleetBecomesAnApplicationSetWithAClusterGenerator() throws IOException {
    Platform fleet =
        withEnvironments(
            List.of(
                new Environment("dev", null, Map.of()),
                new Environment(
                    "prod",
                    null,
                    Map.of(),
                    new Destination(null, null, Map.of("maas.dev/fleet", "prod")),
                    true)),
            platform.gitops());
    List<KubeObject> objects = new ArgoCdGenerator().generate(fleet);
    KubeObject set = objects.get(2);
    assertEquals("ApplicationSet", set.kind());
    assertEquals("acme-prod", set.name());
    JsonNode spec = set.body().get("spec");
    assertEquals(
        "prod", spec.at("/generators/0/clusters/selector/matchLabels/maas.dev~1fleet").asText());
    assertEquals("acme-prod-{{nameNormalized}}", spec.at("/template/metadata/name").asText());
    assertEquals("{{server}}", spec.at("/template/spec/destination/server").asText());
    assertEquals("clusters/acme/overlays/prod", spec.at("/template/spec/source/path").asText());
    Path crds = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
    var errors =
        crdSchema(crds.resolve("argoproj.io_applicationsets.yaml"))
            .validate(new ObjectMapper().readTree(set.body().toString()));
    assertEquals(List.of(), errors.stream().map(Object::toString).toList());
  }

  @Test
  void aRawAtSignInThePasswordDoesNotLeakTheRest() {
    assertEquals(
        "https://git.example.com/x.git",
        GitOps.withoutPassword("https://bot:p@ss-w0rd@git.example.com/x.git"));
    assertEquals(
        "ssh://git@git.example.com/x.git",
        GitOps.withoutPassword("ssh://git@git.example.com/x.git"));
    assertEquals("git@git.example.com:x.git", GitOps.withoutPassword("git@git.example.com:x.git"));
    assertEquals(
        "https://git.example.com/a@b", GitOps.withoutPassword("https://git.example.com/a@b"));
  }

  @Test
  void manualSyncOmitsAutomated() {
    GitOps g = platform.gitops();
    Platform manual =
        withGitOps(
            new GitOps(
                g.repoURL(),
                "release",
                "/clusters/acme/",
                g.argoNamespace(),
                "team",
                g.destinationServer(),
                false,
                false,
                false));
    KubeObject app = new ArgoCdGenerator().generate(manual).get(1);
    assertTrue(app.body().at("/spec/syncPolicy/automated").isMissingNode());
    assertEquals("release", app.body().at("/spec/source/targetRevision").asText());
    assertEquals("clusters/acme/overlays/dev", app.body().at("/spec/source/path").asText());
    assertEquals("team", app.body().at("/spec/project").asText());
    assertTrue(
        texts(app.body().at("/spec/syncPolicy/syncOptions")).contains("ServerSideApply=true"));
  }

  @Test
  void passwordInRepoUrlNeverReachesTheObjects() {
    Platform leaky =
        withGitOps(
            platform.gitops().target("https://bot:s3cr3t@git.example.com/x.git", null, null));
    String all = new ArgoCdGenerator().generate(leaky).toString();
    assertFalse(all.contains("s3cr3t"), all);
    assertTrue(all.contains("https://git.example.com/x.git"), all);
  }

  @Test
  void syncWavesPutInfrastructureBeforePoliciesBeforeModels() {
    int gateway = Integer.parseInt(SyncWaves.of("Gateway"));
    int kuadrant = Integer.parseInt(SyncWaves.of("Kuadrant"));
    int limitador = Integer.parseInt(SyncWaves.of("Limitador"));
    int route = Integer.parseInt(SyncWaves.of("HTTPRoute"));
    int configMap = Integer.parseInt(SyncWaves.of("ConfigMap"));
    for (String policy :
        List.of("AuthPolicy", "RateLimitPolicy", "TokenRateLimitPolicy", "TelemetryPolicy")) {
      int wave = Integer.parseInt(SyncWaves.of(policy));
      assertTrue(wave > gateway && wave > kuadrant && wave > limitador && wave > route, policy);
      for (String model : List.of("LLMInferenceService", "InferenceService")) {
        int modelWave = Integer.parseInt(SyncWaves.of(model));
        assertTrue(modelWave > wave && modelWave > configMap, model + " after " + policy);
      }
    }
    assertEquals("-1", SyncWaves.of("Gateway"));
    assertEquals(SyncWaves.DEFAULT_WAVE, SyncWaves.of("SomethingNew"));
    assertTrue(
        Integer.parseInt(SyncWaves.of("AppProject"))
            < Integer.parseInt(SyncWaves.of("Application")));
    for (KubeObject object : new ArgoCdGenerator().generate(platform)) {
      assertEquals(
          SyncWaves.of(object.kind()),
          object.body().at("/metadata/annotations").get(SyncWaves.ANNOTATION).asText());
    }
  }

  @Test
  void objectsValidateAgainstTheArgoCdCrds() throws IOException {
    Path crds = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
    Schema project = crdSchema(crds.resolve("argoproj.io_appprojects.yaml"));
    Schema application = crdSchema(crds.resolve("argoproj.io_applications.yaml"));
    ObjectMapper json = new ObjectMapper();
    for (KubeObject object : new ArgoCdGenerator().generate(platform)) {
      Schema schema = object.kind().equals("AppProject") ? project : application;
      var errors = schema.validate(json.readTree(object.body().toString()));
      assertEquals(List.of(), errors.stream().map(Object::toString).toList(), object.name());
    }
  }

  private static Schema crdSchema(Path crd) throws IOException {
    JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(crd.toFile());
    JsonNode schema = tree.at("/spec/versions/0/schema/openAPIV3Schema");
    assertFalse(schema.isMissingNode(), crd.toString());
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static Platform withEnvironments(List<Environment> environments, GitOps gitops) {
    return platform.with(
        parts -> {
          parts.environments = environments;
          parts.gitops = gitops;
        });
  }

  private static Platform withGitOps(GitOps gitops) {
    return platform.withGitOps(gitops);
  }
}
