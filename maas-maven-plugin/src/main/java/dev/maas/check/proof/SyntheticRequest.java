package dev.maas.check.proof;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as the gateway's policies see it: the HTTP attributes and the identity its credential
 * proves.
 *
 * @param method the HTTP method
 * @param path the path with any query, as sent
 * @param headers request headers (lower-case names)
 * @param credential what the caller presents
 * @param identity the claims or user the credential proves ({@code auth.identity})
 */
public record SyntheticRequest(
    String method,
    String path,
    Map<String, String> headers,
    Credential credential,
    Map<String, Object> identity,
    Map<String, Object> metadata) {

  /** The kinds of credential a caller presents. */
  public enum Credential {
    /** A JWT issued by the platform's token service. */
    MAAS_TOKEN,
    /** A Kubernetes service-account or user token, checked by a TokenReview. */
    KUBERNETES,
    /**
     * A token of the platform's OIDC identity provider; its issuer is the identity's {@code iss}.
     */
    OIDC,
    /**
     * An API key of the platform's token service, which the gateway has the service resolve by its
     * hash.
     */
    API_KEY
  }

  /**
   * What the token service answers the gateway's revocation call for a token it issued: not
   * revoked.
   */
  static final Map<String, Object> TOKEN_NOT_REVOKED =
      Map.of("revocation", Map.of("revoked", false));

  public SyntheticRequest {
    headers = Map.copyOf(headers);
    identity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(identity));
    metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * A request whose metadata calls answer as for a live token ({@code auth.metadata.revocation}).
   */
  public SyntheticRequest(
      String method,
      String path,
      Map<String, String> headers,
      Credential credential,
      Map<String, Object> identity) {
    this(method, path, headers, credential, identity, TOKEN_NOT_REVOKED);
  }

  /**
   * A caller of tier {@code tier} presenting an API key, as the gateway sees it: the Authorization
   * header only; the service's answer to the gateway's resolve call ({@code auth.metadata.apikey})
   * is {@code valid} with the key's user and tier while the answer the gateway holds is that of a
   * live key, else {@code {"valid": false}} (revoked, expired or unknown). Authorino holds an
   * answer for the metadata's cache TTL, so a revoked key is refused once the cached answer is the
   * service's new one.
   */
  public static SyntheticRequest withApiKey(
      String method, String path, String tier, String user, boolean live) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("valid", live);
    if (live) {
      answer.put("user", user);
      answer.put("tier", tier);
      answer.put("keyId", "proof-key");
      answer.put("expiresAt", 1_700_003_600L);
    }
    return new SyntheticRequest(
        method,
        path,
        Map.of("authorization", "Bearer maas_proof-key-of-" + user),
        Credential.API_KEY,
        Map.of(),
        Map.of("apikey", answer));
  }

  /**
   * A caller of tier {@code tier} with a token of the platform whose audience is {@code audience}:
   * the token's claims only; what the limits see ({@code userid}) is for the AuthPolicy's identity
   * filter to derive.
   */
  public static SyntheticRequest withToken(
      String method, String path, String tier, String user, String audience) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("sub", user);
    identity.put("tier", tier);
    identity.put("aud", audience);
    identity.put("iss", "");
    identity.put("jti", "proof-" + user);
    identity.put("iat", 1_700_000_000L);
    identity.put("exp", 1_700_003_600L);
    return new SyntheticRequest(method, path, Map.of(), Credential.MAAS_TOKEN, identity);
  }

  /** A Kubernetes user asking the token service for a token. */
  public static SyntheticRequest withKubernetesUser(
      String method, String path, String user, List<String> groups, Map<String, String> headers) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("user", Map.of("username", user, "groups", groups));
    identity.put("sub", user);
    return new SyntheticRequest(method, path, headers, Credential.KUBERNETES, identity);
  }

  /** A user of the OIDC provider {@code issuer} asking the token service for a token. */
  public static SyntheticRequest withOidcUser(
      String method,
      String path,
      String issuer,
      String user,
      List<String> groups,
      String groupsClaim,
      String usernameClaim,
      List<String> audiences,
      Map<String, String> headers) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("iss", issuer);
    identity.put("sub", user);
    identity.put(usernameClaim, user);
    identity.put(groupsClaim, groups);
    identity.put("aud", audiences.isEmpty() ? "maas" : audiences.get(0));
    return new SyntheticRequest(method, path, headers, Credential.OIDC, identity);
  }

  /**
   * A user proving who they are the way the platform's spec says (Kubernetes preferred when both
   * are allowed).
   */
  public static SyntheticRequest withUser(
      dev.maas.model.UserAuth auth,
      String method,
      String path,
      String user,
      List<String> groups,
      Map<String, String> headers) {
    if (auth.kubernetes() || !auth.oidc()) {
      return withKubernetesUser(method, path, user, groups, headers);
    }
    return withOidcUser(
        method,
        path,
        auth.oidcIssuerUrl(),
        user,
        groups,
        auth.oidcGroupsClaim(),
        auth.oidcUsernameClaim(),
        auth.oidcAudiences(),
        headers);
  }

  /** The path without its query string. */
  public String urlPath() {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** What the request shows in messages: {@code POST /llm/granite-8b/v1/chat/completions}. */
  public String line() {
    return method + " " + path;
  }

  /** The CEL variables {@code request} and {@code auth} for this request. */
  Map<String, Object> variables() {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", method);
    request.put("path", path);
    request.put("url_path", urlPath());
    request.put("headers", headers);
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("identity", identity);
    auth.put("metadata", metadata);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("request", request);
    vars.put("auth", auth);
    return vars;
  }
}
