package dev.maas.plugin;

import dev.maas.api.GitLogin;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Finds the Git credentials of the goals that talk to the GitOps remote: settings.xml first, then
 * the environment.
 */
final class GitAuth {

  private GitAuth() {}

  /**
   * The credentials of {@code <server>} {@code serverId} of {@code settings.xml}, or, without a
   * server id, of the environment variables {@code MAAS_GIT_TOKEN}, or {@code MAAS_GIT_USERNAME}
   * and {@code MAAS_GIT_PASSWORD}.
   */
  static GitLogin resolve(String serverId, Settings settings, SettingsDecrypter decrypter, Log log)
      throws MojoFailureException {
    if (serverId != null && !serverId.isBlank()) {
      Server server = settings == null ? null : settings.getServer(serverId);
      if (server == null) {
        throw new MojoFailureException(
            "maas: settings.xml has no <server> with id `"
                + serverId
                + "` (add one with <username> and <password>, or unset maas.git.serverId)");
      }
      if (decrypter != null) {
        SettingsDecryptionResult decrypted =
            decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : decrypted.getProblems()) {
          log.warn("maas: settings.xml server `" + serverId + "`: " + problem.getMessage());
        }
        server = decrypted.getServer();
      }
      return server.getUsername() == null
          ? GitLogin.token(server.getPassword())
          : GitLogin.password(server.getUsername(), server.getPassword());
    }
    return GitLogin.fromEnvironment(System.getenv());
  }
}
