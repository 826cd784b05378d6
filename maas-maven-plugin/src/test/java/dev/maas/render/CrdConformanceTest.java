package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.check.OutputChecks;
import dev.maas.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference spec's output validates against the real CRDs, their CEL rules included. */
class CrdConformanceTest {

  @Test
  void referenceOutputHasNoCrdFindings() {
    Path crds = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
    var platform = Fixtures.acme();
    List<String> findings =
        new OutputChecks(crds)
            .check(platform, Fixtures.render(platform)).stream().map(Diagnostic::render).toList();
    assertEquals(List.of(), findings);
  }

  @Test
  void theCheckSeesABrokenObject() {
    Path crds = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
    var platform = Fixtures.acme();
    var tree = Fixtures.render(platform);
    String path = "base/llminferenceservice-llama-70b.yaml";
    String broken =
        tree.text(path)
            .replace("  replicas: 2\n", "  replicas: 2\n  scaling:\n    maxReplicas: 3\n");
    var files = new java.util.TreeMap<>(tree.files());
    files.put(path, broken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<Diagnostic> findings =
        new OutputChecks(crds).check(platform, new dev.maas.output.GeneratedTree(files));
    org.junit.jupiter.api.Assertions.assertFalse(
        findings.isEmpty(), "replicas with scaling must be refused");
  }

  @Test
  void autoscaledModelsValidate() {
    Path crds = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
    var acme = Fixtures.acme();
    var models =
        acme.models().stream()
            .map(
                m ->
                    m.withScaling(
                        null,
                        new dev.maas.model.Autoscaling(
                            m.name().equals("granite-8b") ? 0 : 2, 5, "rps", 10),
                        m.resources()))
            .toList();
    var platform = acme.with(parts -> parts.models = models);
    var tree = Fixtures.render(platform);
    assertEquals(
        List.of(),
        new OutputChecks(crds).check(platform, tree).stream().map(Diagnostic::render).toList());
    var granite =
        Fixtures.object(tree, "base/llminferenceservice-granite-8b.yaml")
            .path("spec")
            .path("scaling");
    assertEquals(
        1, granite.path("minReplicas").asInt(), "the CRD's floor for an LLM is one replica");
    assertEquals(5, granite.path("maxReplicas").asInt());
    var scaled =
        Fixtures.object(tree, "base/scaledobject-mnist-classifier-predictor.yaml").path("spec");
    assertEquals("mnist-classifier-predictor", scaled.path("scaleTargetRef").path("name").asText());
    assertEquals("10", scaled.path("triggers").path(0).path("metadata").path("threshold").asText());
    assertTrue(
        scaled
            .path("triggers")
            .path(0)
            .path("metadata")
            .path("query")
            .asText()
            .startsWith("sum(rate(istio_requests_total{"),
        "rps is the rate of the gateway's calls to the predictor");
  }
}
