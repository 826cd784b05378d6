package dev.maas.render.maascrds;

import dev.maas.model.Platform;
import dev.maas.model.Tier;

/** Names and places of the upstream MaaS resources, as upstream's controller expects them. */
public final class MaaSResources {

  /**
   * The API version of the three kinds (maas-controller/api/maas/v1alpha1/groupversion_info.go).
   */
  public static final String API_VERSION = "maas.opendatahub.io/v1alpha1";

  /**
   * Where upstream's controller watches subscriptions and access policies: its flag {@code
   * --maas-subscription-namespace} defaults to {@code models-as-a-service}
   * (maas-controller/cmd/manager/main.go line 994 at upstream commit c0639b1b).
   */
  public static final String SUBSCRIPTION_NAMESPACE = "models-as-a-service";

  /**
   * The annotations maas-api reads a model's display name and description from
   * (maas-api/internal/constant/const.go lines 31-32).
   */
  public static final String DISPLAY_NAME_ANNOTATION = "openshift.io/display-name";

  /** See {@link #DISPLAY_NAME_ANNOTATION}. */
  public static final String DESCRIPTION_ANNOTATION = "openshift.io/description";

  /** The label that names the tier a subscription or access policy was written for. */
  public static final String TIER_LABEL = "maas.dev/tier";

  /**
   * The group every authenticated Kubernetes user is in; both targets see it among a caller's
   * groups.
   */
  public static final String AUTHENTICATED = "system:authenticated";

  private MaaSResources() {}

  /**
   * The name of a tier's MaaSSubscription and MaaSAuthPolicy: {@code <platform>-<tier>}, since the
   * namespace is shared by every platform a cluster runs.
   */
  public static String name(Platform platform, Tier tier) {
    return platform.name() + "-" + tier.name();
  }
}
