package dev.maas.model;

import java.util.List;

/**
 * How people prove who they are when they ask the token service for a token.
 *
 * @param kubernetesAudiences audiences for Kubernetes TokenReview, or {@code null}
 * @param oidcIssuerUrl an OIDC issuer, or {@code null}
 * @param oidcAudiences audiences accepted from the OIDC issuer
 * @param oidcGroupsClaim the claim that lists the user's groups
 * @param oidcUsernameClaim the claim that names the user
 * @param oidcClientId the public client the Web UI signs in as; absent, the first audience
 */
public record UserAuth(
    List<String> kubernetesAudiences,
    String oidcIssuerUrl,
    List<String> oidcAudiences,
    String oidcGroupsClaim,
    String oidcUsernameClaim,
    String oidcClientId) {

  /** Settings without a client of the Web UI's own. */
  public UserAuth(
      List<String> kubernetesAudiences,
      String oidcIssuerUrl,
      List<String> oidcAudiences,
      String oidcGroupsClaim,
      String oidcUsernameClaim) {
    this(
        kubernetesAudiences,
        oidcIssuerUrl,
        oidcAudiences,
        oidcGroupsClaim,
        oidcUsernameClaim,
        null);
  }

  public UserAuth {
    kubernetesAudiences = kubernetesAudiences == null ? null : List.copyOf(kubernetesAudiences);
    oidcAudiences = oidcAudiences == null ? List.of() : List.copyOf(oidcAudiences);
    oidcGroupsClaim = oidcGroupsClaim == null ? "groups" : oidcGroupsClaim;
    oidcUsernameClaim = oidcUsernameClaim == null ? "sub" : oidcUsernameClaim;
  }

  /** Whether users authenticate with Kubernetes tokens. */
  public boolean kubernetes() {
    return kubernetesAudiences != null;
  }

  /**
   * The OIDC client the Web UI signs in as: the one the spec names, else the first accepted
   * audience (an ID token's audience is the client it was issued to); {@code null} without OIDC or
   * without either, and the Web UI then offers no OIDC sign-in.
   */
  public String webClientId() {
    if (!oidc()) {
      return null;
    }
    return oidcClientId != null
        ? oidcClientId
        : oidcAudiences.isEmpty() ? null : oidcAudiences.get(0);
  }

  /** Whether users authenticate with OIDC tokens. */
  public boolean oidc() {
    return oidcIssuerUrl != null;
  }
}
