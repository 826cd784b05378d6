package dev.maas.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.MaasCompiler;
import dev.maas.diag.Diagnostic;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's hand-written overlays ({@code overlays/}, the default folder): the production
 * patch is layered into the production overlay of {@code platform-specs/acme.yaml} after every
 * generated patch, builds with {@code kubectl kustomize}, and leaves dev as generated.
 */
class RepositoryOverlaysTest {

  private static final String PATCH = "token-service-spread-patch.yaml";
  private static final String ZONE = "topology.kubernetes.io/zone";

  private static Path root() {
    return PlatformSpecsTest.repoRoot();
  }

  private static GenerateResult generate(Path overlays, Path out) {
    Path crds = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
    GenerateResult result =
        new MaasCompiler()
            .generate(
                new GenerateRequest(
                    root(),
                    root().resolve("platform-specs/acme.yaml"),
                    out,
                    crds,
                    overlays,
                    "test",
                    true));
    assertEquals(
        List.of(), result.validation().diagnostics().stream().filter(Diagnostic::isError).toList());
    assertEquals(List.of(), result.checks(), "the output passes its checks");
    return result;
  }

  @Test
  void theProductionPatchIsLayeredInAfterEveryGeneratedPatch(@TempDir Path out) throws Exception {
    Path overlays = root().resolve("overlays");
    Path patch = overlays.resolve("prod").resolve(PATCH);
    assertTrue(Files.isRegularFile(patch), patch + " exists");
    generate(overlays, out);

    Path prod = out.resolve("acme/overlays/prod");
    assertArrayEquals(
        Files.readAllBytes(patch),
        Files.readAllBytes(prod.resolve("custom").resolve(PATCH)),
        "the hand-written file is copied as it is");
    List<Map<String, Object>> patches = patches(prod);
    assertTrue(
        patches.size() >= 2, "the production overlay also has generated patches: " + patches);
    assertEquals(
        "custom/" + PATCH,
        patches.get(patches.size() - 1).get("path"),
        "the hand-written patch comes last");
    assertTrue(
        patches.subList(0, patches.size() - 1).stream()
            .noneMatch(p -> String.valueOf(p.get("path")).startsWith("custom/")));
    assertFalse(
        Files.exists(out.resolve("acme/overlays/dev/custom")),
        "the dev overlay has no hand-written files");

    assumeTrue(onPath("kubectl"), "kubectl is not on the PATH: the built overlays are not checked");
    Map<String, Object> prodDeployment = tokenService(kustomize(prod));
    assertEquals(
        ZONE,
        String.valueOf(spread(prodDeployment).get(0).get("topologyKey")),
        "the patch reached the Deployment");
    Map<String, Object> devDeployment = tokenService(kustomize(out.resolve("acme/overlays/dev")));
    assertEquals(null, spread(devDeployment), "dev is left as generated");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> patches(Path overlay) throws IOException {
    Map<String, Object> kustomization =
        new Yaml()
            .load(Files.readString(overlay.resolve("kustomization.yaml"), StandardCharsets.UTF_8));
    return (List<Map<String, Object>>) kustomization.get("patches");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> spread(Map<String, Object> deployment) {
    Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
    Map<String, Object> template = (Map<String, Object>) spec.get("template");
    Map<String, Object> podSpec = (Map<String, Object>) template.get("spec");
    return (List<Map<String, Object>>) podSpec.get("topologySpreadConstraints");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tokenService(List<Map<String, Object>> objects) {
    return objects.stream()
        .filter(
            o ->
                "Deployment".equals(o.get("kind"))
                    && "acme-token-service"
                        .equals(((Map<String, Object>) o.get("metadata")).get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment acme-token-service"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> kustomize(Path dir)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
    byte[] printed = process.getInputStream().readAllBytes();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "kubectl kustomize " + dir + " finished");
    assertEquals(0, process.exitValue(), "kubectl kustomize " + dir + " failed: " + errors);
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(new String(printed, StandardCharsets.UTF_8))) {
      if (doc instanceof Map<?, ?> map) {
        objects.add((Map<String, Object>) map);
      }
    }
    assertFalse(objects.isEmpty(), "kubectl kustomize " + dir + " printed objects");
    return objects;
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
