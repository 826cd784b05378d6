package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A predictor scaled on cpu or memory keeps a replica; on requests (KEDA) it may scale to zero. */
class PredictorScalingTest {

  private static final String SCALING =
      "{minReplicas: 1, maxReplicas: 4, metric: concurrency, target: 8}";

  @Test
  void cpuScalingToZeroIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:80:34: error: /spec/models/2/autoscaling/minReplicas: a predictor scaled on cpu"
                + " keeps at least 1 replica: KServe's Standard-mode HPA raises minReplicas 0 to 1 (set minReplicas to 1, or"
                + " scale on `concurrency` or `rps` (KEDA), which can scale to zero) [predictor-scaling]"),
        ReferenceSpec.validateEdited(
            SCALING, "{minReplicas: 0, maxReplicas: 4, metric: cpu, target: 80}"));
  }

  @Test
  void requestScalingToZeroPasses() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited(
            SCALING, "{minReplicas: 0, maxReplicas: 4, metric: rps, target: 20}"));
  }
}
