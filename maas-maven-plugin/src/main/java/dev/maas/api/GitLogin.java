package dev.maas.api;

import dev.maas.publish.GitCredentials;
import java.util.Map;

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

  /**
   * The credentials {@code environment} names: {@code MAAS_GIT_TOKEN}, else {@code
   * MAAS_GIT_USERNAME} and {@code MAAS_GIT_PASSWORD}, else none.
   */
  public static GitLogin fromEnvironment(Map<String, String> environment) {
    String token = environment.get("MAAS_GIT_TOKEN");
    if (token != null && !token.isBlank()) {
      return token(token);
    }
    String user = environment.get("MAAS_GIT_USERNAME");
    String password = environment.get("MAAS_GIT_PASSWORD");
    if (user != null && password != null) {
      return password(user, password);
    }
    return none();
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
