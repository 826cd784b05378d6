package dev.maas.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.GenerateRequest;
import dev.maas.api.MaasCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan goal writes its reports, and fails on a breaking change only when asked to. */
class PlanMojoTest {

  private static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  }

  private static PlanMojo mojo(Path dir, String spec, boolean failOnBreaking) throws Exception {
    Path file = dir.resolve("after/acme.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, spec);
    PlanMojo mojo = new PlanMojo();
    mojo.basedir = dir.toFile();
    mojo.spec = file.toFile();
    mojo.base = dir.resolve("out").toString();
    mojo.planOutput = dir.resolve("plan/plan.md").toFile();
    mojo.workDirectory = dir.resolve("git").toFile();
    mojo.pluginVersion = "test";
    mojo.failOnBreaking = failOnBreaking;
    return mojo;
  }

  private static String lowered(Path dir) throws Exception {
    String reference = Files.readString(repoRoot().resolve("platform-specs/acme.yaml"));
    Path base = dir.resolve("before/acme.yaml");
    Files.createDirectories(base.getParent());
    Files.writeString(base, reference);
    assertTrue(
        !new MaasCompiler()
            .generate(new GenerateRequest(dir, base, dir.resolve("out"), null, null, "test"))
            .hasErrors());
    return reference.replace(
        "tokens: [{limit: 1000000, window: 1m}]", "tokens: [{limit: 900000, window: 1m}]");
  }

  @Test
  void breakingChangeFailsWithFailOnBreaking(@TempDir Path dir) throws Exception {
    PlanMojo mojo = mojo(dir, lowered(dir), true);
    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
    assertEquals(
        "maas: the plan has 3 breaking changes (maas.plan.failOnBreaking=true):"
            + " enterprise: tokens per 1m for granite-8b 1,000,000 → 900,000;"
            + " enterprise: tokens per 1m for llama-70b 1,000,000 → 900,000;"
            + " enterprise: tokens per 1m for mnist-classifier 1,000,000 → 900,000",
        failure.getMessage());
    assertTrue(Files.readString(dir.resolve("plan/plan.md")).contains("> 3 breaking changes"));
    assertTrue(Files.isRegularFile(dir.resolve("plan/plan.json")));
  }

  @Test
  void breakingChangeOnlyWarnsByDefault(@TempDir Path dir) throws Exception {
    mojo(dir, lowered(dir), false).execute();
    assertTrue(
        Files.readString(dir.resolve("plan/plan.md"))
            .contains(
                "- enterprise: tokens per 1m for llama-70b 1,000,000 → 900,000 — **breaking**"));
  }

  @Test
  void unchangedSpecPassesWithFailOnBreaking(@TempDir Path dir) throws Exception {
    lowered(dir);
    mojo(dir, Files.readString(repoRoot().resolve("platform-specs/acme.yaml")), true).execute();
    assertTrue(
        Files.readString(dir.resolve("plan/plan.md"))
            .contains(
                "**Summary:** no changes (41 objects differ only in provenance annotations)."));
  }
}
