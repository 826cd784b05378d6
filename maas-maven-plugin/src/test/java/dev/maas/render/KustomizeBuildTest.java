package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.maas.model.Environment;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.output.TreeWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl kustomize} builds every overlay of the reference spec, hand-written additions
 * included.
 */
class KustomizeBuildTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @BeforeAll
  static void needKubectl() {
    boolean found =
        List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
    Assumptions.assumeTrue(found, "kubectl is not on PATH: skipping the kustomize build checks");
  }

  private static List<JsonNode> build(Path dir) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("kubectl", "kustomize", dir.toString())
            .redirectErrorStream(false)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), "kubectl kustomize " + dir + " failed: " + err);
    List<JsonNode> docs = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(out)) {
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  private static JsonNode find(List<JsonNode> docs, String kind, String name) {
    return docs.stream()
        .filter(
            d ->
                d.path("kind").asText().equals(kind)
                    && d.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static long baseObjects(GeneratedTree tree) {
    return tree.files().keySet().stream()
        .filter(p -> p.startsWith("base/") && !p.endsWith("/kustomization.yaml"))
        .count();
  }

  /**
   * Writes {@code tree} to {@code out}/acme and builds each environment's overlay, every one of
   * which must hold all the base's objects.
   */
  private static Map<Environment, List<JsonNode>> buildOverlays(
      Platform platform, GeneratedTree tree, Path out) throws Exception {
    new TreeWriter().write(tree, out.resolve("acme"));
    Map<Environment, List<JsonNode>> overlays = new LinkedHashMap<>();
    for (Environment env : platform.environments()) {
      List<JsonNode> docs = build(out.resolve("acme/overlays/" + env.name()));
      assertEquals(baseObjects(tree), docs.size(), env.name());
      overlays.put(env, docs);
    }
    return overlays;
  }

  @Test
  void everyOverlayBuildsWithAllObjects(@TempDir Path out) throws Exception {
    Platform platform = Fixtures.acme();
    GeneratedTree tree = Fixtures.render(platform);
    Map<Environment, List<JsonNode>> overlays = buildOverlays(platform, tree, out);
    assertEquals(baseObjects(tree), build(out.resolve("acme/base")).size());
    for (Environment env : platform.environments()) {
      List<JsonNode> docs = overlays.get(env);
      // As Argo CD applies them, every object carries the labels and both provenance annotations.
      for (JsonNode doc : docs) {
        JsonNode metadata = doc.path("metadata");
        String what =
            env.name() + " " + doc.path("kind").asText() + " " + metadata.path("name").asText();
        Fixtures.assertAcmeProvenance(metadata, what);
        assertEquals(
            "sha256:" + platform.specHash(),
            metadata.path("annotations").path("maas.dev/spec-hash").asText(),
            what);
      }
      String hostname = env.hostname() != null ? env.hostname() : platform.gateway().hostname();
      assertEquals(
          hostname,
          find(docs, "Gateway", "maas-gateway")
              .path("spec")
              .path("listeners")
              .path(0)
              .path("hostname")
              .asText());
    }
    List<JsonNode> dev = build(out.resolve("acme/overlays/dev"));
    assertEquals(
        0, find(dev, "LLMInferenceService", "llama-70b").path("spec").path("replicas").asInt(-1));
    assertEquals(
        1, find(dev, "LLMInferenceService", "granite-8b").path("spec").path("replicas").asInt(-1));
    List<JsonNode> prod = build(out.resolve("acme/overlays/prod"));
    assertEquals(
        2, find(prod, "LLMInferenceService", "llama-70b").path("spec").path("replicas").asInt(-1));
    if (tree.files().keySet().stream().anyMatch(p -> p.startsWith("argocd/"))) {
      assertTrue(build(out.resolve("acme/argocd")).size() > 0);
    }
  }

  @Test
  void maasCrdsTargetBuildsInEveryOverlay(@TempDir Path out) throws Exception {
    Platform platform = Fixtures.acmeForMaasCrds();
    Map<Environment, List<JsonNode>> overlays =
        buildOverlays(platform, Fixtures.render(platform), out);
    for (Environment env : platform.environments()) {
      List<JsonNode> docs = overlays.get(env);
      assertEquals(
          10,
          find(docs, "MaaSSubscription", "acme-premium").path("spec").path("priority").asInt(),
          env.name());
      assertEquals(
          "LLMInferenceService",
          find(docs, "MaaSModelRef", "llama-70b")
              .path("spec")
              .path("modelRef")
              .path("kind")
              .asText(),
          env.name());
    }
    assertEquals(
        0,
        find(build(out.resolve("acme/overlays/dev")), "LLMInferenceService", "llama-70b")
            .path("spec")
            .path("replicas")
            .asInt(-1));
  }

  @Test
  void handWrittenOverlayFilesAreCopiedAndUsed(@TempDir Path dir) throws Exception {
    Path overlays = dir.resolve("overlays");
    Files.createDirectories(overlays.resolve("prod"));
    Files.writeString(
        overlays.resolve("prod/limitador-patch.yaml"),
        """
        apiVersion: limitador.kuadrant.io/v1alpha1
        kind: Limitador
        metadata:
          name: limitador
          namespace: kuadrant-system
        spec:
          replicas: 3
        """);
    Files.writeString(
        overlays.resolve("prod/quota.yaml"),
        """
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: llm-quota
          namespace: llm
        spec:
          hard:
            requests.nvidia.com/gpu: "8"
        """);
    Files.writeString(overlays.resolve("prod/README.md"), "notes\n");
    Platform platform = Fixtures.acme();
    GeneratedTree tree =
        new PlatformRenderer(new RenderOptions(overlays, Fixtures.VERSION)).render(platform);
    assertTrue(tree.files().containsKey("overlays/prod/custom/limitador-patch.yaml"));
    assertTrue(tree.files().containsKey("overlays/prod/custom/quota.yaml"));
    assertTrue(tree.files().containsKey("overlays/prod/custom/README.md"));
    assertTrue(tree.files().keySet().stream().noneMatch(p -> p.startsWith("overlays/dev/custom/")));
    String kustomization = tree.text("overlays/prod/kustomization.yaml");
    assertTrue(kustomization.contains("- path: custom/limitador-patch.yaml"), kustomization);
    assertTrue(kustomization.contains("- custom/quota.yaml"), kustomization);
    assertTrue(!kustomization.contains("README"), kustomization);

    Path out = dir.resolve("out");
    new TreeWriter().write(tree, out);
    List<JsonNode> prod = build(out.resolve("overlays/prod"));
    assertEquals(baseObjects(tree) + 1, prod.size());
    assertEquals(3, find(prod, "Limitador", "limitador").path("spec").path("replicas").asInt());
    find(prod, "ResourceQuota", "llm-quota");
  }

  @Test
  void environmentAutoscalingAndResourcesBecomePatches(@TempDir Path out) throws Exception {
    Platform acme = Fixtures.acme();
    var granite =
        new dev.maas.model.ModelOverride(
            null,
            new dev.maas.model.Autoscaling(1, 3, "concurrency", 4),
            new dev.maas.model.Resources(null, "32Gi", 2));
    var mnist = new dev.maas.model.ModelOverride(2, null, null);
    Environment staging =
        new Environment(
            "staging", null, java.util.Map.of("granite-8b", granite, "mnist-classifier", mnist));
    Platform platform = acme.with(parts -> parts.environments = List.of(staging));
    GeneratedTree tree = Fixtures.render(platform);
    new TreeWriter().write(tree, out);
    List<JsonNode> docs = build(out.resolve("overlays/staging"));
    JsonNode spec = find(docs, "LLMInferenceService", "granite-8b").path("spec");
    assertTrue(spec.path("replicas").isMissingNode(), "replicas and scaling exclude each other");
    assertEquals(3, spec.path("scaling").path("maxReplicas").asInt());
    JsonNode limits =
        spec.path("template").path("containers").path(0).path("resources").path("limits");
    assertEquals("32Gi", limits.path("memory").asText());
    assertEquals("2", limits.path("nvidia.com/gpu").asText());
    JsonNode predictor =
        find(docs, "InferenceService", "mnist-classifier").path("spec").path("predictor");
    assertEquals(2, predictor.path("minReplicas").asInt());
    assertTrue(predictor.path("scaleMetric").isMissingNode());
    assertTrue(
        tree.files().keySet().stream()
            .filter(p -> p.startsWith("overlays/staging/") && !p.endsWith("kustomization.yaml"))
            .allMatch(p -> p.endsWith("-patch.yaml")));
  }
}
