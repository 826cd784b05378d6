package dev.maas.model;

/**
 * What a compilation hands the cluster: raw Kuadrant policies, or upstream MaaS's own resources.
 */
public enum Target {
  /** Gateway-level Kuadrant policies and the generated token service (the default). */
  KUADRANT("kuadrant"),
  /**
   * {@code MaaSModelRef}, {@code MaaSSubscription} and {@code MaaSAuthPolicy} of group {@code
   * maas.opendatahub.io}, which upstream's controller turns into Kuadrant policies and upstream's
   * maas-api serves.
   */
  MAAS_CRDS("maas-crds");

  private final String spelling;

  Target(String spelling) {
    this.spelling = spelling;
  }

  /** The spec's spelling. */
  public String spelling() {
    return spelling;
  }

  /** Parses the spec's spelling; {@code null} means {@link #KUADRANT}. */
  public static Target of(String text) {
    for (Target target : values()) {
      if (target.spelling.equals(text)) {
        return target;
      }
    }
    if (text == null) {
      return KUADRANT;
    }
    throw new IllegalArgumentException("\"" + text + "\" is not a target");
  }

  @Override
  public String toString() {
    return spelling;
  }
}
