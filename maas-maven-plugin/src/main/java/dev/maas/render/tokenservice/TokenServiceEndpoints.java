package dev.maas.render.tokenservice;

import dev.maas.model.Platform;

/** Names and URLs of the generated token service that the gateway's policies refer to. */
public final class TokenServiceEndpoints {

  /** The port the service listens on (plain HTTP inside the mesh; the gateway terminates TLS). */
  public static final int PORT = 8080;

  /**
   * The port that serves only {@code /metrics} and {@code /health}: Prometheus may reach it from
   * any namespace, while the API port admits only the gateway and Authorino.
   */
  public static final int METRICS_PORT = 9090;

  /** The gateway path prefix under which the token service is exposed. */
  public static final String PATH_PREFIX = "/maas-api";

  /** The gateway path of the self-service Web UI, which the service serves as static files. */
  public static final String WEB_UI_PATH = PATH_PREFIX + "/ui/";

  /**
   * The requests that load the Web UI's files without a credential: GETs under {@link
   * #WEB_UI_PATH}.
   */
  public static final String WEB_UI_PREDICATE =
      "request.method == \"GET\" && request.url_path.startsWith(\"" + WEB_UI_PATH + "\")";

  private TokenServiceEndpoints() {}

  /**
   * The name of the Deployment, Service, ServiceAccount and HTTPRoute: {@code
   * <platform>-token-service}.
   */
  public static String name(Platform platform) {
    return platform.name() + "-token-service";
  }

  /** The in-cluster base URL, which is also the tokens' issuer ({@code iss}). */
  public static String issuer(Platform platform) {
    return "http://"
        + name(platform)
        + "."
        + platform.tokens().namespace()
        + ".svc.cluster.local:"
        + PORT;
  }

  /** The JWKS URL the gateway validates tokens with. */
  public static String jwksUrl(Platform platform) {
    return issuer(platform) + "/.well-known/jwks.json";
  }

  /** The audience ({@code aud}) of every token the service issues and the gateway accepts. */
  public static String audience(Platform platform) {
    return "maas:" + platform.name();
  }

  /**
   * The URL the gateway asks whether a token is revoked: POST {@code {"jti":..,"sub":..,"iat":..}},
   * answer {@code {"revoked": true|false}}.
   */
  public static String revocationStatusUrl(Platform platform) {
    return issuer(platform) + "/internal/v1/tokens/status";
  }

  /**
   * The URL the gateway resolves an API key at: POST {@code {"authorization": "Bearer maas_..."}},
   * answer {@code {"valid": true, "user", "tier", "keyId", "expiresAt"}} or {@code {"valid":
   * false}}; the service keeps only the key's hash.
   */
  public static String apiKeyResolveUrl(Platform platform) {
    return issuer(platform) + "/internal/v1/api-keys/resolve";
  }
}
