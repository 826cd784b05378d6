package dev.maas.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate goal gates on warnings on every run, the up-to-date ones included. */
class GenerateMojoTest {

  private static GenerateMojo mojo(Path dir, boolean force) {
    GenerateMojo mojo = new GenerateMojo();
    mojo.basedir = dir.toFile();
    mojo.spec = dir.resolve("acme.yaml").toFile();
    mojo.outputDirectory = dir.resolve("out").toFile();
    mojo.pluginVersion = "test";
    mojo.failOnWarning = true;
    mojo.force = force;
    return mojo;
  }

  @Test
  void unchangedRerunStillFailsOnWarning(@TempDir Path dir) throws Exception {
    // One warning: a YAML 1.1 word.
    Files.writeString(
        dir.resolve("acme.yaml"),
        Files.readString(
                Path.of(System.getProperty("maas.repoRoot", ".."))
                    .resolve("platform-specs/acme.yaml"))
            .replace("displayName: Free\n", "displayName: on\n"));
    MojoFailureException first =
        assertThrows(MojoFailureException.class, mojo(dir, false)::execute);
    assertEquals("maas: 0 errors, 1 warning (maas.failOnWarning=true)", first.getMessage());
    assertEquals(
        true, Files.isRegularFile(dir.resolve("out/.maas-fingerprint")), "the first run compiled");

    MojoFailureException again =
        assertThrows(MojoFailureException.class, mojo(dir, false)::execute);
    assertEquals(first.getMessage(), again.getMessage());
    MojoFailureException forced =
        assertThrows(MojoFailureException.class, mojo(dir, true)::execute);
    assertEquals(first.getMessage(), forced.getMessage());
  }
}
