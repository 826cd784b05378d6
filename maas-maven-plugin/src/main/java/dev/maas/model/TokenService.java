package dev.maas.model;

/**
 * The generated token service.
 *
 * @param namespace where it runs
 * @param defaultTTL the lifetime of a token when the request names none
 * @param maxTTL the longest lifetime a request may ask for
 * @param signingKeySecret the Secret holding the signing keys (a reference only)
 * @param replicas replicas of the service (the autoscaler's minimum)
 * @param image the image that runs it, or null for the one the plugin pins
 * @param apiKeyMaxTTL the longest lifetime of an API key (and that of one asked for without a
 *     lifetime)
 * @param state where the replicas keep their shared state
 */
public record TokenService(
    String namespace,
    String defaultTTL,
    String maxTTL,
    String signingKeySecret,
    int replicas,
    String image,
    String apiKeyMaxTTL,
    TokenStateStore state) {

  public TokenService {
    replicas = replicas <= 0 ? 2 : replicas;
    apiKeyMaxTTL = apiKeyMaxTTL == null ? maxTTL : apiKeyMaxTTL;
    state = state == null ? TokenStateStore.DEFAULT : state;
  }

  /** This token service with its state kept in {@code store}. */
  public TokenService withState(TokenStateStore store) {
    return new TokenService(
        namespace, defaultTTL, maxTTL, signingKeySecret, replicas, image, apiKeyMaxTTL, store);
  }

  /** A token service whose API keys live at most as long as its tokens. */
  public TokenService(
      String namespace,
      String defaultTTL,
      String maxTTL,
      String signingKeySecret,
      int replicas,
      String image) {
    this(namespace, defaultTTL, maxTTL, signingKeySecret, replicas, image, null, null);
  }
}
