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
 * @param credentials what KServe downloads it with, or {@code null} for public storage
 * @param modelFormat the predictor's model format (predictor models only)
 * @param replicas fixed replicas, or {@code null} with autoscaling
 * @param autoscaling scaling on demand, or {@code null}
 * @param resources compute resources
 * @param parallelism the spec's split over a replica's GPUs, or {@code null} for the default
 * @param pricing what its tokens cost, or {@code null}
 * @param cap limits counted once for the model, across all users and tiers, or {@code null}
 */
public record Model(
    String name,
    String namespace,
    String displayName,
    String description,
    String serving,
    String uri,
    Credentials credentials,
    String modelFormat,
    Integer replicas,
    Autoscaling autoscaling,
    Resources resources,
    Parallelism parallelism,
    Pricing pricing,
    ModelLimits cap) {

  public Model {
    serving = serving == null ? "llm" : serving;
    displayName = displayName == null ? name : displayName;
    resources = resources == null ? new Resources(null, null, null) : resources;
  }

  /**
   * This model with other fixed replicas, autoscaling and resources: what an environment overrides.
   */
  public Model withScaling(Integer replicas, Autoscaling autoscaling, Resources resources) {
    return new Model(
        name,
        namespace,
        displayName,
        description,
        serving,
        uri,
        credentials,
        modelFormat,
        replicas,
        autoscaling,
        resources,
        parallelism,
        pricing,
        cap);
  }

  /** The serving kind. */
  public Serving servingKind() {
    return Serving.of(serving);
  }

  /**
   * How vLLM splits the model over a replica's GPUs, or {@code null} when it runs on one (or none):
   * the spec's split, else tensor parallelism over all of them.
   */
  public Parallelism effectiveParallelism() {
    if (parallelism != null) {
      return parallelism;
    }
    Integer gpus = resources.gpus();
    return gpus != null && gpus > 1 ? new Parallelism(gpus, 1) : null;
  }

  /** The ServiceAccount the model's pods run as, or {@code null} for the namespace's default. */
  public String serviceAccountName() {
    if (credentials == null) {
      return null;
    }
    return credentials.serviceAccountName() != null
        ? credentials.serviceAccountName()
        : storageServiceAccountName();
  }

  /** The name of the ServiceAccount maas writes to list the model's download Secret. */
  public String storageServiceAccountName() {
    return name + "-storage";
  }

  /** The path prefix of the model on the gateway: {@code /<namespace>/<name>}. */
  public String pathPrefix() {
    return "/" + namespace + "/" + name;
  }
}
