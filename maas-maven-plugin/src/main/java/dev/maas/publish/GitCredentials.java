package dev.maas.publish;

/**
 * How to authenticate to the Git remote; never read from the spec, and never printed.
 *
 * @param username the user name, or {@code null} for none
 * @param secret the password or token, or {@code null} for none
 */
public record GitCredentials(String username, String secret) {

  /** The user name sent with a bare token (hosting services accept any non-empty one). */
  public static final String TOKEN_USERNAME = "x-access-token";

  /** No credentials: anonymous access, or whatever the transport finds itself (SSH keys, agent). */
  public static GitCredentials none() {
    return new GitCredentials(null, null);
  }

  /** A user name and password. */
  public static GitCredentials password(String username, String password) {
    return new GitCredentials(username, password);
  }

  /** A personal access token, sent as the password of {@value #TOKEN_USERNAME}. */
  public static GitCredentials token(String token) {
    return new GitCredentials(TOKEN_USERNAME, token);
  }

  /** Whether there is nothing to send. */
  public boolean isNone() {
    return (username == null || username.isEmpty()) && (secret == null || secret.isEmpty());
  }

  @Override
  public String toString() {
    return isNone()
        ? "GitCredentials[none]"
        : "GitCredentials[username=" + username + ", secret=***]";
  }
}
