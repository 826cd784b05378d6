package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Prefixed names fit 63 characters; the long spec name is pointed at. */
class GeneratedNameLengthTest {

  @Test
  void longPredictorModelNameIsReported() {
    String name = "mnist-" + "x".repeat(55);
    assertEquals(
        List.of(
            "spec.yaml:76:13: error: /spec/models/2/name: the HTTPRoute name `acme-"
                + name
                + "` made from"
                + " this predictor model\u0027s name has 66 characters; Kubernetes names have at most 63 (shorten the model name"
                + " to at most 58 characters (the prefix `acme-` takes 5)) [generated-name-length]"),
        ReferenceSpec.validateEdited("- name: mnist-classifier", "- name: " + name));
  }

  @Test
  void longLlmModelNameNeedsNoRoute() {
    String name = "granite-" + "x".repeat(55);
    assertEquals(List.of(), ReferenceSpec.validate(ReferenceSpec.TEXT.replace("granite-8b", name)));
  }

  @Test
  void longEnvironmentNameIsReported() {
    String name = "prod-" + "x".repeat(56);
    assertEquals(
        List.of(
            "spec.yaml:95:13: error: /spec/environments/1/name: the Argo CD Application name `acme-"
                + name
                + "` made from this environment\u0027s name has 66 characters; Kubernetes names have at most 63 (shorten the"
                + " environment name to at most 58 characters (the prefix `acme-` takes 5)) [generated-name-length]"),
        ReferenceSpec.validateEdited("- name: prod", "- name: " + name));
  }

  @Test
  void longestPlatformNameStillFits() {
    String platform = "p".repeat(40);
    assertEquals(
        List.of(), ReferenceSpec.validateEdited("name: acme\n", "name: " + platform + "\n"));
  }
}
