package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.render.tokenservice.TokenServiceGenerator;
import dev.maas.render.transform.ProvenanceTransformer;
import dev.maas.validate.SpecValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The data path of a production environment: counters that survive restarts, and a token service
 * few can call.
 */
class ProductionSafetyTest {

  private static Platform contract() {
    Path reference = Fixtures.repoRoot().resolve("../shared/contract/example-platform.yaml");
    return new SpecValidator().validate(reference, "example-platform.yaml").platform();
  }

  @Test
  void productionWithRedisRunsTwoReplicasOnIt() {
    GeneratedTree tree = Fixtures.render(Fixtures.acme());
    JsonNode base = Fixtures.object(tree, "base/limitador-limitador.yaml");
    assertEquals("limitador-redis", base.at("/spec/storage/redis/configSecretRef/name").asText());
    assertEquals(1, base.at("/spec/replicas").asInt());
    // prod is production by its name: 2 replicas, sharing the Redis counters; dev keeps the spec's
    // settings.
    assertEquals(
        "- op: replace\n  path: /spec/replicas\n  value: 2\n",
        tree.text("overlays/prod/limitador-limitador-patch.yaml"));
    assertFalse(tree.files().containsKey("overlays/dev/limitador-limitador-patch.yaml"));
  }

  @Test
  void productionWithoutRedisKeepsItsCountersOnADisk() {
    GeneratedTree tree = Fixtures.render(contract());
    String patch = tree.text("overlays/prod/limitador-limitador-patch.yaml");
    assertTrue(patch.contains("path: /spec/storage"), patch);
    assertTrue(patch.contains("requests: 1Gi"), patch);
    assertFalse(
        tree.files().containsKey("overlays/dev/limitador-limitador-patch.yaml"),
        "dev stays in memory");
  }

  @Test
  void onlyTheGatewayAndAuthorinoReachTheApiPortAndOnlyPrometheusTheMetrics() {
    JsonNode policy =
        Fixtures.object(
            Fixtures.render(Fixtures.acme()), "base/networkpolicy-acme-token-service.yaml");
    assertEquals(List.of("Ingress"), texts(policy.at("/spec/policyTypes")));
    Map<Integer, List<String>> peers = new TreeMap<>();
    for (JsonNode rule : policy.at("/spec/ingress")) {
      assertEquals(1, rule.get("ports").size(), rule.toString());
      List<String> from = new ArrayList<>();
      for (JsonNode peer : rule.path("from")) {
        // A peer with only a namespace selector would admit every pod of the namespace.
        assertTrue(peer.has("namespaceSelector") && peer.has("podSelector"), peer.toString());
        from.add(
            peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()
                + " "
                + peer.at("/podSelector/matchLabels"));
      }
      peers.put(rule.at("/ports/0/port").asInt(), from);
    }
    assertEquals(
        Map.of(
            8080,
                List.of(
                    "maas-system {\""
                        + TokenServiceGenerator.GATEWAY_NAME_LABEL
                        + "\":\"maas-gateway\"}",
                    "kuadrant-system {\"authorino-resource\":\"authorino\",\"control-plane\":\"controller-manager\"}"),
            9090, List.of("monitoring {\"app.kubernetes.io/name\":\"prometheus\"}")),
        peers);
  }

  @Test
  void theSpecChoosesThePrometheus() {
    Path reference = Fixtures.repoRoot().resolve("platform-specs/acme.yaml");
    String text;
    try {
      text =
          java.nio.file.Files.readString(reference)
              .replace(
                  "  observability:\n",
                  """
            observability:
              prometheus:
                namespace: openshift-user-workload-monitoring
                podLabels: {prometheus: user-workload}
          """);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Platform platform =
        new SpecValidator()
            .validate(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "acme.yaml")
            .platform();
    JsonNode policy =
        Fixtures.object(Fixtures.render(platform), "base/networkpolicy-acme-token-service.yaml");
    JsonNode metrics = policy.at("/spec/ingress/1/from/0");
    assertEquals(
        "openshift-user-workload-monitoring",
        metrics.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
    assertEquals(
        "{\"prometheus\":\"user-workload\"}", metrics.at("/podSelector/matchLabels").toString());
  }

  @Test
  void podsCarryTheLabelsOfTheirWorkload() {
    GeneratedTree tree = Fixtures.render(Fixtures.acme());
    int workloads = 0;
    for (String path : tree.files().keySet()) {
      if (!path.startsWith("base/") || path.endsWith("kustomization.yaml")) {
        continue;
      }
      JsonNode object = Fixtures.object(tree, path);
      JsonNode podLabels = object.at("/spec/template/metadata/labels");
      if (!object.path("kind").asText().equals("Deployment")) {
        continue;
      }
      workloads++;
      for (String label :
          List.of(ProvenanceTransformer.MANAGED_BY, ProvenanceTransformer.PART_OF)) {
        assertEquals(
            object.at("/metadata/labels").get(label), podLabels.get(label), path + " " + label);
      }
      assertEquals("acme", podLabels.get(ProvenanceTransformer.PART_OF).asText());
    }
    assertEquals(1, workloads);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
