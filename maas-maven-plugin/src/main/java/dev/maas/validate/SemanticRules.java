package dev.maas.validate;

import dev.maas.validate.rules.AccessLogEndpoints;
import dev.maas.validate.rules.AccessLogSupport;
import dev.maas.validate.rules.AttributionLabelNames;
import dev.maas.validate.rules.AutoscalingRange;
import dev.maas.validate.rules.EnvironmentDestinations;
import dev.maas.validate.rules.EnvironmentModelsExist;
import dev.maas.validate.rules.GeneratedNameLength;
import dev.maas.validate.rules.GroupLevelTies;
import dev.maas.validate.rules.HostnameLengths;
import dev.maas.validate.rules.KuadrantWindows;
import dev.maas.validate.rules.LimitadorSharedCounters;
import dev.maas.validate.rules.LimitsNotEmpty;
import dev.maas.validate.rules.LlmAutoscaling;
import dev.maas.validate.rules.MaasCrdsExpressible;
import dev.maas.validate.rules.ModelFormatOnPredictor;
import dev.maas.validate.rules.ModelLimitsModelsAllowed;
import dev.maas.validate.rules.ModelLimitsModelsExist;
import dev.maas.validate.rules.ModelNamespaceRoutes;
import dev.maas.validate.rules.ModelParallelism;
import dev.maas.validate.rules.NoSecretMaterial;
import dev.maas.validate.rules.PositiveWindows;
import dev.maas.validate.rules.PredictorScaling;
import dev.maas.validate.rules.PricingCurrencies;
import dev.maas.validate.rules.QuotaWindowStorage;
import dev.maas.validate.rules.ReplicasOrAutoscaling;
import dev.maas.validate.rules.ServiceNames;
import dev.maas.validate.rules.TierLimitsRequired;
import dev.maas.validate.rules.TierModelsExist;
import dev.maas.validate.rules.TokenLifetimes;
import dev.maas.validate.rules.UniqueEnvironmentNames;
import dev.maas.validate.rules.UniqueLimitKeys;
import dev.maas.validate.rules.UniqueModelNames;
import dev.maas.validate.rules.UniqueTierLevels;
import dev.maas.validate.rules.UniqueTierNames;
import dev.maas.validate.rules.UnlimitedWithoutLimits;
import java.util.List;

/** The semantic rules, in the order they run. */
public final class SemanticRules {

  private SemanticRules() {}

  /** Every rule. */
  public static List<SemanticRule> all() {
    return List.of(
        new UniqueTierNames(),
        new UniqueTierLevels(),
        new GroupLevelTies(),
        new UniqueModelNames(),
        new TierModelsExist(),
        new ModelLimitsModelsExist(),
        new ModelLimitsModelsAllowed(),
        new TierLimitsRequired(),
        new UnlimitedWithoutLimits(),
        new LimitsNotEmpty(),
        new PositiveWindows(),
        new KuadrantWindows(),
        new MaasCrdsExpressible(),
        new TokenLifetimes(),
        new ReplicasOrAutoscaling(),
        new AutoscalingRange(),
        new LlmAutoscaling(),
        new PredictorScaling(),
        new ModelFormatOnPredictor(),
        new ModelParallelism(),
        new UniqueEnvironmentNames(),
        new EnvironmentModelsExist(),
        new EnvironmentDestinations(),
        new HostnameLengths(),
        new GeneratedNameLength(),
        new ServiceNames(),
        new ModelNamespaceRoutes(),
        new LimitadorSharedCounters(),
        new QuotaWindowStorage(),
        new PricingCurrencies(),
        new AttributionLabelNames(),
        new AccessLogEndpoints(),
        new AccessLogSupport(),
        new UniqueLimitKeys(),
        new NoSecretMaterial());
  }
}
