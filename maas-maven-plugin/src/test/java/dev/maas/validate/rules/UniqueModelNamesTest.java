package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A model name is unique across namespaces, because tiers name models bare. */
class UniqueModelNamesTest {

  @Test
  void sameNameInAnotherNamespaceIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:76:13: error: /spec/models/2/name: model `llama-70b` is already defined at"
                + " /spec/models/1 (line 68) in namespace `llm`; tiers and environments name models without their namespace,"
                + " so a model name must be unique across all namespaces (rename one of the two models) [unique-model-names]"),
        ReferenceSpec.validateEdited("- name: mnist-classifier", "- name: llama-70b"));
  }

  @Test
  void sameNameInTheSameNamespaceIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:65:13: error: /spec/models/1/name: model `granite-8b` is already defined at"
                + " /spec/models/0 (line 57) in the same namespace `llm`; tiers and environments name models without their"
                + " namespace, so a model name must be unique across all namespaces (rename one of the two models) [unique-model-names]"),
        ReferenceSpec.validate(
            ReferenceSpec.edit("- name: llama-70b", "- name: granite-8b")
                .replace("models: [granite-8b, llama-70b]", "models: [granite-8b]")
                .replace(
                    "      modelLimits:\n        llama-70b:\n          tokens: [{limit: 20000, window: 1m}]\n",
                    "")
                .replace("        llama-70b: {replicas: 0}", "        granite-8b: {replicas: 0}")));
  }
}
