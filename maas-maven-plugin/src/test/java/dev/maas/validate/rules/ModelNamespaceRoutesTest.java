package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model namespace is the first segment of a model's path: none may be one the gateway routes
 * elsewhere.
 */
class ModelNamespaceRoutesTest {

  @Test
  void aNamespaceThatShadowsTheListingIsReported() {
    List<String> found =
        ReferenceSpec.validateEdited("      namespace: vision\n", "      namespace: v1\n");
    assertEquals(1, found.size(), found::toString);
    assertTrue(
        found
            .get(0)
            .endsWith(
                "error: /spec/models/2/namespace: namespace `v1` would put model"
                    + " `mnist-classifier` at /v1/mnist-classifier, a path the gateway routes elsewhere (choose another namespace;"
                    + " reserved first path segments are maas-api, publishers, v1, v2) [model-namespace-routes]"),
        found::toString);
  }

  @Test
  void ordinaryNamespacesPass() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited("      namespace: vision\n", "      namespace: vision-2\n"));
  }
}
