package dev.maas.check.proof;

import java.util.List;

/**
 * What the gateway's policies do with one request.
 *
 * @param authPolicy the AuthPolicy that decides ({@code Kind namespace/name}), or {@code null} when
 *     none protects it
 * @param authPolicyFile the file of that policy, or {@code null}
 * @param authentication the names of the authentication rules that accept the request's credential
 * @param anonymous whether an anonymous rule applies, so nothing authenticates the caller
 * @param authorized whether the request gets through authentication and every authorization rule
 * @param denial why it is refused ({@code null} when authorized)
 * @param requestLimits the request limits whose predicates hold
 * @param tokenLimits the token limits whose predicates hold
 * @param route {@code namespace/name} of the public HTTPRoute that takes the request, or {@code
 *     null} when none does
 * @param destination {@code Kind namespace/name} of what the route forwards it to in the end, or
 *     {@code null}
 */
public record Verdict(
    String authPolicy,
    String authPolicyFile,
    List<String> authentication,
    boolean anonymous,
    boolean authorized,
    String denial,
    List<LimitMatch> requestLimits,
    List<LimitMatch> tokenLimits,
    String route,
    String destination) {

  public Verdict {
    authentication = List.copyOf(authentication);
    requestLimits = List.copyOf(requestLimits);
    tokenLimits = List.copyOf(tokenLimits);
  }

  /**
   * Whether the gateway lets the request through to a backend: a route takes it and the AuthPolicy
   * admits it.
   */
  public boolean forwarded() {
    return authorized && route != null && destination != null;
  }

  /** Whether some rule really authenticates the caller. */
  public boolean authenticated() {
    return !authentication.isEmpty() && !anonymous;
  }
}
