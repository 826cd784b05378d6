package dev.maas.commandline.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in gateway and credential: {@code $MAAS_CONFIG}, else {@code
 * $XDG_CONFIG_HOME/maas/config.json}, else {@code ~/.config/maas/config.json}; written owner-only
 * (0600) before the credential goes in.
 *
 * @param gateway the gateway's base URL
 * @param credential the bearer credential
 */
record UserConfig(String gateway, String credential) {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  /** Where the file is, for {@code environment}. */
  static Path location(Map<String, String> environment) {
    String explicit = environment.get("MAAS_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("maas").resolve("config.json");
  }

  /** The saved sign-in, or null when there is none. */
  static UserConfig read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    JsonNode node = JSON.readTree(file.toFile());
    return new UserConfig(node.path("gateway").asText(null), node.path("credential").asText(null));
  }

  /**
   * Writes this sign-in to {@code file}: a new owner-only file moved into place, so no reader sees
   * a partial one.
   */
  void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temp);
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("gateway", gateway);
    node.put("credential", credential);
    Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
