package dev.maas.api;

import dev.maas.publish.GitCredentials;

/**
 * How a front end authenticates to the Git remote (from its settings or the environment, never from
 * the spec); never printed.
 *
 * @param username the user name, or {@code null} for none
 * @param secret the password or token, or {@code null} for none
 */
public record GitLogin(String username, String secret) {

  /** No credentials: anonymous access, or whatever the transport finds itself (SSH keys, agent). */
  public static GitLogin none() {
    return new GitLogin(null, null);
  }

  /** A user name and password. */
  public static GitLogin password(String username, String password) {
    return new GitLogin(username, password);
  }

  /**
   * A personal access token, sent as the password of the user name hosting services accept with
   * one.
   */
  public static GitLogin token(String token) {
    return new GitLogin(GitCredentials.TOKEN_USERNAME, token);
  }

  /** These credentials, as the Git transport takes them. */
  GitCredentials credentials() {
    return new GitCredentials(username, secret);
  }

  @Override
  public String toString() {
    return credentials().toString();
  }
}
