package dev.maas.plugin;

import dev.maas.api.MaasCompiler;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the platform spec's JSON Schema (draft 2020-12), exactly as this plugin validates with it,
 * to a file: for editors (VS Code's YAML extension, IntelliJ), schema catalogs and linters outside
 * Maven. Runs without a project: {@code mvn dev.maas:maas-maven-plugin:<version>:schema
 * -Dmaas.schema.output=spec.schema.json}.
 */
@Mojo(name = "schema", requiresProject = false, threadSafe = true)
public class SchemaMojo extends MaasGoal<Path> {

  /**
   * The file the schema is written to; its folders are created. An existing file with the same
   * content is left untouched, so that its timestamp only changes when the schema does.
   */
  @Parameter(
      property = "maas.schema.output",
      defaultValue = "${project.build.directory}/maas/platform-spec.schema.json")
  File output;

  @Override
  public Path snapshot() {
    return folder().resolve(output, "target/maas/platform-spec.schema.json");
  }

  @Override
  void run(Path target) throws MojoExecutionException {
    byte[] schema = MaasCompiler.schema().getBytes(StandardCharsets.UTF_8);
    try {
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), schema)) {
        getLog().info("maas: " + target + " is up to date");
        return;
      }
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(target, schema);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "maas: cannot write the schema to " + target + ": " + e.getMessage(), e);
    }
    getLog().info("maas: wrote the platform spec schema to " + target);
  }
}
