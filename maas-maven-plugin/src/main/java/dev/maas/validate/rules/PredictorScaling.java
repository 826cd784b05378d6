package dev.maas.validate.rules;

import dev.maas.model.Autoscaling;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * Autoscaling of {@code serving: predictor} models that KServe's Standard mode really does: on cpu
 * and memory its HPA keeps at least one replica (kserve v0.20.0 {@code hpa_reconciler.go} {@code
 * createHPA} raises a lower minimum to 1), so a minimum of 0 there would be silently changed.
 * Request metrics ({@code concurrency}, {@code rps}) go to KEDA, which can scale to zero.
 */
@Rule(summary = "autoscaling of a predictor model that KServe's Standard mode does not do")
public final class PredictorScaling implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (AutoscalingSite site : AutoscalingSite.written(platform, Serving.PREDICTOR, findings)) {
      Autoscaling autoscaling = site.autoscaling();
      boolean resourceMetric =
          "cpu".equals(autoscaling.metric()) || "memory".equals(autoscaling.metric());
      if (resourceMetric && autoscaling.minReplicas() < 1) {
        findings.at(
            site.pointer() + "/minReplicas",
            "a predictor scaled on "
                + autoscaling.metric()
                + " keeps at least 1 replica: KServe's Standard-mode HPA raises minReplicas 0 to 1",
            "set minReplicas to 1, or scale on `concurrency` or `rps` (KEDA), which can scale to zero");
      }
    }
  }
}
