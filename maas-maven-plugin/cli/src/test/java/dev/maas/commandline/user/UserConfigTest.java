package dev.maas.commandline.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserConfigTest {

  @TempDir Path dir;

  @Test
  void theSignInIsWrittenOwnerOnlyAndReadBack() throws Exception {
    Path file = dir.resolve("maas/config.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    new UserConfig("https://maas.example.com", "secret-token").write(file);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(new UserConfig("https://maas.example.com", "secret-token"), UserConfig.read(file));
    assertEquals(1, Files.list(file.getParent()).count(), "no temporary file is left behind");
  }

  @Test
  void theFileIsFoundWhereTheEnvironmentSays() {
    assertEquals(Path.of("/x/c.json"), UserConfig.location(Map.of("MAAS_CONFIG", "/x/c.json")));
    assertEquals(
        Path.of("/cfg/maas/config.json"), UserConfig.location(Map.of("XDG_CONFIG_HOME", "/cfg")));
    assertEquals(
        Path.of(System.getProperty("user.home"), ".config/maas/config.json"),
        UserConfig.location(Map.of()));
  }

  @Test
  void tablesAlignColumnsAndEscapeControlCharacters() {
    StringWriter out = new StringWriter();
    new Table("MODEL", "URL")
        .row("granite-8b", "https://m/llm/granite-8b/v1")
        .row("x\u001b[31m", "u")
        .print(new PrintWriter(out));
    assertEquals(
        "MODEL        URL\ngranite-8b   https://m/llm/granite-8b/v1\nx\\u001b[31m  u\n",
        out.toString().replace(System.lineSeparator(), "\n"));
  }
}
