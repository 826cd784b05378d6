package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The same spec gives the same bytes, and a model's files come and go with the model alone. */
class DeterminismTest {

  @Test
  void renderingTwiceGivesEqualTrees() {
    Platform platform = Fixtures.acme();
    GeneratedTree first = Fixtures.render(platform);
    GeneratedTree second =
        new PlatformRenderer(new RenderOptions(null, Fixtures.VERSION)).render(Fixtures.acme());
    assertEquals(first, second);
    assertTrue(
        first.files().values().stream()
            .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
            .noneMatch(
                text ->
                    text.contains("creationTimestamp")
                        || text.matches("(?s).*20[0-9]{2}-[0-9]{2}-[0-9]{2}T.*")));
  }

  @Test
  void removingAModelRemovesExactlyItsFiles() {
    Platform acme = Fixtures.acme();
    Platform without =
        acme.with(
            parts ->
                parts.models =
                    acme.models().stream()
                        .filter(m -> !m.name().equals("mnist-classifier"))
                        .toList());
    Set<String> before = Fixtures.render(acme).files().keySet();
    Set<String> after = Fixtures.render(without).files().keySet();
    Set<String> removed = new TreeSet<>(before);
    removed.removeAll(after);
    Set<String> added = new TreeSet<>(after);
    added.removeAll(before);
    assertEquals(
        Set.of(
            "base/httproute-acme-mnist-classifier.yaml",
            "base/inferenceservice-mnist-classifier.yaml",
            "base/scaledobject-mnist-classifier-predictor.yaml",
            "base/serviceaccount-mnist-classifier-storage.yaml",
            // It was the one model scaled on its requests: nothing needs the gateway's Envoy
            // metrics any more.
            "base/podmonitor-maas-gateway-internal-envoy.yaml"),
        removed);
    assertEquals(Set.of(), added);
  }
}
