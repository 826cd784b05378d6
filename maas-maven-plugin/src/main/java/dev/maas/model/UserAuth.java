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
 */
public record UserAuth(
    List<String> kubernetesAudiences,
    String oidcIssuerUrl,
    List<String> oidcAudiences,
    String oidcGroupsClaim,
    String oidcUsernameClaim) {

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

  /** Whether users authenticate with OIDC tokens. */
  public boolean oidc() {
    return oidcIssuerUrl != null;
  }
}
