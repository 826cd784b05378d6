package dev.maas.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the output goes and what it says about its origin: the Applications follow the Git
 * overrides, the spec annotation is the same on every machine, and Argo CD names never clash across
 * a folder of specs.
 */
class GitOpsTargetTest {

  private static final Path REFERENCE =
      Path.of(System.getProperty("maas.repoRoot", ".."))
          .toAbsolutePath()
          .normalize()
          .resolve("platform-specs/acme.yaml");

  @TempDir Path dir;

  private GenerateResult generate(Path baseDir, Path spec, Path out, GitTarget target) {
    GenerateResult result =
        new MaasCompiler()
            .generate(
                new GenerateRequest(baseDir, spec, out, null, null, "test", true)
                    .withGitTarget(target));
    assertFalse(
        result.hasErrors(), () -> result.validation().diagnostics() + " " + result.checks());
    return result;
  }

  @Test
  void applicationsPointWhereTheOverridesPublish() throws IOException {
    Path spec =
        Files.copy(REFERENCE, Files.createDirectories(dir.resolve("specs")).resolve("acme.yaml"));
    generate(
        dir,
        spec,
        dir.resolve("out"),
        new GitTarget("https://bot:p@ss@git.example.com/blue.git", "release", "teams/blue/acme"));
    String dev = Files.readString(dir.resolve("out/acme/argocd/application-acme-dev.yaml"));
    assertTrue(dev.contains("    repoURL: https://git.example.com/blue.git\n"), dev);
    assertTrue(dev.contains("    targetRevision: release\n"), dev);
    assertTrue(dev.contains("    path: teams/blue/acme/overlays/dev\n"), dev);
    assertFalse(dev.contains("clusters/acme"), dev);
    assertFalse(dev.contains("p@ss"), dev);

    // Without overrides, an up-to-date check must not keep the overridden output.
    GenerateResult plain =
        new MaasCompiler()
            .generate(new GenerateRequest(dir, spec, dir.resolve("out"), null, null, "test"));
    assertFalse(plain.upToDate());
    assertTrue(
        Files.readString(dir.resolve("out/acme/argocd/application-acme-dev.yaml"))
            .contains("path: clusters/acme/overlays/dev"));
  }

  @Test
  void aSpecOutsideTheProjectIsNamedWithoutTheMachinesPath() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path one =
        Files.copy(
            REFERENCE, Files.createDirectories(dir.resolve("machine-a/x")).resolve("acme.yaml"));
    Path other =
        Files.copy(
            REFERENCE, Files.createDirectories(dir.resolve("machine-b/y/z")).resolve("acme.yaml"));
    generate(project, one, dir.resolve("out-a"), GitTarget.SPEC);
    generate(project, other, dir.resolve("out-b"), GitTarget.SPEC);
    String file = "acme/base/gateway-maas-gateway.yaml";
    String text = Files.readString(dir.resolve("out-a").resolve(file));
    assertTrue(text.contains("    maas.dev/spec: acme.yaml\n"), text);
    assertFalse(text.contains(dir.toString()), text);
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("out-a").resolve(file)),
        Files.readAllBytes(dir.resolve("out-b").resolve(file)));
  }

  @Test
  void aSpecInAnotherGitWorkTreeIsNamedFromItsRoot() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path spec =
        Files.copy(
            REFERENCE,
            Files.createDirectories(repo.resolve("platform-specs")).resolve("acme.yaml"));
    generate(
        Files.createDirectories(dir.resolve("project")), spec, dir.resolve("out"), GitTarget.SPEC);
    assertTrue(
        Files.readString(dir.resolve("out/acme/base/gateway-maas-gateway.yaml"))
            .contains("    maas.dev/spec: platform-specs/acme.yaml\n"));
  }

  @Test
  void applicationNamesThatClashAcrossSpecsAreLocatedInBoth() throws IOException {
    String reference = Files.readString(REFERENCE);
    Path folder = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(
        folder.resolve("a-acme.yaml"),
        reference.replace("    - name: dev\n", "    - name: dev-x\n"));
    Files.writeString(
        folder.resolve("b-acme-dev.yaml"),
        reference
            .replace("  name: acme\n", "  name: acme-dev\n")
            .replace("    - name: dev\n", "    - name: x\n")
            .replace("      project: maas\n", "      project: maas-dev\n"));
    ValidateResult result = new MaasCompiler().validate(new ValidateRequest(dir, folder));
    List<String> errors =
        result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render).toList();
    int line = lineOf(reference, "    - name: dev\n");
    assertEquals(
        List.of(
            "specs/b-acme-dev.yaml:"
                + line
                + ":13: error: /spec/environments/0/name: the Application"
                + " `argocd/acme-dev-x` of platform `acme-dev` clashes with the Application of platform `acme` from"
                + " specs/a-acme.yaml:"
                + line
                + ":13; both specs would write Application `argocd/acme-dev-x` (rename a"
                + " platform or an environment so that `<platform>-<environment>` differs between the specs) [argo-cd-names-across-specs]"),
        errors);
    assertEquals(null, result.specs().get(1).platform(), "the clashing spec does not generate");
  }

  @Test
  void twoPlatformsNamingOneAppProjectClash() throws IOException {
    String reference = Files.readString(REFERENCE);
    Path folder = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(folder.resolve("a.yaml"), reference);
    Files.writeString(
        folder.resolve("b.yaml"), reference.replace("  name: acme\n", "  name: globex\n"));
    List<String> codes =
        new MaasCompiler()
            .validate(new ValidateRequest(dir, folder)).diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(d -> d.code() + " " + d.pointer())
                .toList();
    assertEquals(List.of("argo-cd-names-across-specs /spec/gitops/argocd/project"), codes);
  }

  private static int lineOf(String text, String line) {
    return text.substring(0, text.indexOf(line)).split("\n", -1).length;
  }
}
