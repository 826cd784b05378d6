package dev.maas.model;

/**
 * The generated token service.
 *
 * @param namespace where it runs
 * @param defaultTTL the lifetime of a token when the request names none
 * @param maxTTL the longest lifetime a request may ask for
 * @param signingKeySecret the Secret holding the signing keys (a reference only)
 * @param replicas replicas of the service (the autoscaler's minimum)
 * @param image the stock JDK image that runs it
 */
public record TokenService(
    String namespace, String defaultTTL, String maxTTL, String signingKeySecret, int replicas, String image) {

  /** The image used when the spec names none: a stock JDK (source-file mode needs the compiler, a JRE has none). */
  public static final String DEFAULT_IMAGE = "eclipse-temurin:21-jdk";

  public TokenService {
    replicas = replicas <= 0 ? 2 : replicas;
    image = image == null ? DEFAULT_IMAGE : image;
  }
}
