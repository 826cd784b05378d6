package dev.maas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.MaasCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Installs the CRDs into a real API server (k3s), then server-side applies every generated overlay,
 * first as a dry run and then for real, and checks that the API server accepted every object:
 * structural schema, defaulting and CEL rules exactly as production applies them.
 */
class ClusterApplyE2eTest {

  private static K3sContainer cluster;
  private static Path kubeconfig;

  @TempDir static Path work;

  /** Skips the calling test with a message that says what is missing; never fails for that reason. */
  private static void skip(String reason) {
    System.err.println("[maas e2e] SKIPPED: " + reason);
    Assumptions.abort(reason);
  }

  static void startCluster() throws Exception {
    if (cluster != null) {
      return;
    }
    if (!onPath("kubectl")) {
      skip("kubectl is not on PATH: the e2e tests drive the cluster with it");
    }
    boolean docker;
    String reason = "";
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable e) {
      docker = false;
      reason = ": " + e.getMessage();
    }
    if (!docker) {
      skip("no Docker engine is reachable" + reason + "; the e2e tests need one to start k3s (see docs/e2e.md)");
    }
    String image = System.getProperty("maas.e2e.image", "rancher/k3s:v1.31.4-k3s1");
    try {
      cluster = new K3sContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("rancher/k3s"));
      cluster.start();
    } catch (Throwable e) {
      cluster = null;
      skip("the k3s image " + image + " could not be started (" + e.getMessage()
          + "); pull it or set -Dmaas.e2e.image to a reachable mirror");
    }
    kubeconfig = work.resolve("kubeconfig.yaml");
    Files.writeString(kubeconfig, cluster.getKubeConfigYaml());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Test
  void everyGeneratedOverlayIsAcceptedByTheApiServer() throws Exception {
    startCluster();
    Path repoRoot = Path.of(System.getProperty("maas.repoRoot", "../..")).toAbsolutePath().normalize();
    Path crds = Path.of(System.getProperty("maas.crds", repoRoot.resolve("../shared/crds").toString()));
    Path out = work.resolve("out");
    GenerateResult result = new MaasCompiler().generate(new GenerateRequest(repoRoot, repoRoot.resolve("platform-specs"),
        out, crds, null, "e2e", true));
    assertFalse(result.hasErrors(), () -> String.valueOf(result.validation().diagnostics()) + result.checks());

    kubectl("apply", "--server-side", "-f", crds.toString());
    kubectl("wait", "--for=condition=Established", "--timeout=120s", "crd", "--all");

    List<Path> overlays = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(out)) {
      walk.filter(p -> p.getParent() != null && p.getParent().getFileName() != null
              && p.getParent().getFileName().toString().equals("overlays") && Files.isDirectory(p))
          .sorted().forEach(overlays::add);
    }
    assertFalse(overlays.isEmpty(), "the generated output has overlays");
    for (Path overlay : overlays) {
      String built = kubectl("kustomize", overlay.toString());
      for (String namespace : namespaces(built)) {
        kubectlAllowFailure("create", "namespace", namespace);
      }
      Path manifest = work.resolve(overlay.getParent().getParent().getFileName() + "-" + overlay.getFileName() + ".yaml");
      Files.writeString(manifest, built);
      kubectl("apply", "--server-side", "--dry-run=server", "-f", manifest.toString());
      String applied = kubectl("apply", "--server-side", "-f", manifest.toString());
      long objects = built.lines().filter(l -> l.startsWith("kind: ")).count();
      long accepted = applied.lines().filter(l -> l.contains(" serverside-applied")).count();
      assertEquals(objects, accepted, "every object of " + overlay + " is accepted:\n" + applied);
    }
  }

  private static TreeSet<String> namespaces(String yaml) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^  namespace: ([a-z0-9-]+)$").matcher(yaml);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String kubectl(String... args) throws IOException, InterruptedException {
    Run run = run(args);
    assertTrue(run.exit == 0, "kubectl " + String.join(" ", args) + " failed:\n" + run.output);
    return run.output;
  }

  private static void kubectlAllowFailure(String... args) throws IOException, InterruptedException {
    run(args);
  }

  private record Run(int exit, String output) {}

  private static Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    if (args[0].equals("kustomize")) {
      command = new ArrayList<>(List.of("kubectl", "kustomize", args[1]));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Run(-1, output + "\n(timed out)");
    }
    return new Run(p.exitValue(), output);
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }
}
