package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Autoscaling never has a minimum above its maximum. */
class AutoscalingRangeTest {

  @Test
  void minimumAboveMaximumIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:80:34: error: /spec/models/2/autoscaling/minReplicas: minReplicas 5 is more than"
                + " maxReplicas 4 (make minReplicas at most maxReplicas) [autoscaling-range]"),
        ReferenceSpec.validateEdited(
            "{minReplicas: 1, maxReplicas: 4,", "{minReplicas: 5, maxReplicas: 4,"));
  }

  @Test
  void minimumAboveMaximumInAnOverrideIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:94:55: error: /spec/environments/0/models/mnist-classifier/autoscaling/minReplicas:"
                + " minReplicas 3 is more than maxReplicas 2 (make minReplicas at most maxReplicas) [autoscaling-range]"),
        ReferenceSpec.validateEdited(
            "llama-70b: {replicas: 0}",
            "mnist-classifier: {autoscaling: {minReplicas: 3, maxReplicas: 2, metric: rps, target: 5}}"));
  }

  @Test
  void equalBoundsPass() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited(
            "{minReplicas: 1, maxReplicas: 4,", "{minReplicas: 4, maxReplicas: 4,"));
  }
}
