package dev.maas.model;

/**
 * A served model.
 *
 * @param name the model's name (DNS-1123 label), unique per namespace
 * @param namespace where it runs
 * @param displayName a human name
 * @param description what it is
 * @param serving {@code llm} (default) or {@code predictor}
 * @param uri where KServe loads it from
 * @param modelFormat the predictor's model format (predictor models only)
 * @param replicas fixed replicas, or {@code null} with autoscaling
 * @param autoscaling scaling on demand, or {@code null}
 * @param resources compute resources
 */
public record Model(
    String name,
    String namespace,
    String displayName,
    String description,
    String serving,
    String uri,
    String modelFormat,
    Integer replicas,
    Autoscaling autoscaling,
    Resources resources) {

  public Model {
    serving = serving == null ? "llm" : serving;
    displayName = displayName == null ? name : displayName;
    resources = resources == null ? new Resources(null, null, null) : resources;
  }

  /** The serving kind. */
  public Serving servingKind() {
    return Serving.of(serving);
  }

  /** The path prefix of the model on the gateway: {@code /<namespace>/<name>}. */
  public String pathPrefix() {
    return "/" + namespace + "/" + name;
  }
}
