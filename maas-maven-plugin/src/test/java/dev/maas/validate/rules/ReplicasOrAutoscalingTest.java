package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A model and an environment override each choose replicas or autoscaling. */
class ReplicasOrAutoscalingTest {

  @Test
  void modelWithBothIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:80:17: error: /spec/models/2/replicas: model `mnist-classifier` sets both"
                + " `replicas` and `autoscaling` (line 81) (keep `replicas` for a fixed number of replicas or `autoscaling` to"
                + " scale on demand, not both) [replicas-or-autoscaling]"),
        ReferenceSpec.validateEdited(
            "      autoscaling: {minReplicas: 1,",
            "      replicas: 2\n      autoscaling: {minReplicas: 1,"));
  }

  @Test
  void overrideWithBothIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:94:38: error: /spec/environments/0/models/mnist-classifier/replicas: environment"
                + " `dev` sets both `replicas` and `autoscaling` for model `mnist-classifier` (keep one: either replaces the"
                + " model\u0027s own scaling in this environment) [replicas-or-autoscaling]"),
        ReferenceSpec.validateEdited(
            "llama-70b: {replicas: 0}",
            "mnist-classifier: {replicas: 0, autoscaling: {minReplicas: 0, maxReplicas: 2, metric: rps, target: 5}}"));
  }

  @Test
  void overrideMaySwitchToTheOtherKind() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited(
            "llama-70b: {replicas: 0}",
            "llama-70b: {autoscaling: {minReplicas: 1, maxReplicas: 2, metric: rps, target: 5}}\n        mnist-classifier: {replicas: 0}"));
  }
}
