package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two environments with one name are reported at the second. */
class UniqueEnvironmentNamesTest {

  @Test
  void secondEnvironmentWithTheSameNameIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:95:13: error: /spec/environments/1/name: environment `dev` is already defined at"
                + " /spec/environments/0 (line 90); each environment becomes its own overlay and Argo CD Application"
                + " (give every environment its own name, or merge the two) [unique-environment-names]"),
        ReferenceSpec.validateEdited("- name: prod", "- name: dev"));
  }
}
