package dev.maas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.maas.e2e.guide.ChainedRepository;
import dev.maas.e2e.guide.FreshCopy;
import dev.maas.e2e.guide.InstallGuide;
import dev.maas.e2e.guide.InstallOutcomes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows docs/install.md on k3s: every {@code sh} block of the page, in order, in one shell whose
 * {@code KUBECONFIG} is the test's cluster, from a copy of the repository prepared as getting
 * started leaves it (the plugin installed, {@code target/maas/acme/} generated). After each cluster
 * block it checks what the page says the block does ({@link InstallOutcomes}); an {@code output}
 * block after a command lists lines it must print, as in the docs test.
 *
 * <p>In place of the page's {@code text} blocks (installs from the network, Secrets with
 * placeholders) it installs the Gateway API CRDs, Istio and Kuadrant from their releases, the other
 * CRDs from {@code maas.crds}, and creates the other Secrets with test values and a Redis for
 * Limitador. The models' waits run as {@link InstallGuide#CPU_VARIANT}, which the page states.
 * Where Docker, a tool the page uses, an install URL or an image is missing, the test is skipped
 * naming it; every other problem is a failure.
 */
class InstallGuideE2eTest {

  private static final String REDIS_IMAGE =
      System.getProperty("maas.e2e.redisImage", "docker.io/library/redis:7.4-alpine");

  /** The key of the page's first wave block: the other Secrets must exist before it. */
  private static final String FIRST_WAVE =
      "kubectl apply --server-side --force-conflicts -f target/waves/-1.yaml";

  /** Getting started's build and generate: what the page starts from. */
  static final String PREPARE = "./mvnw -q install -DskipTests && ./mvnw -q -N maas:generate";

  private static final Duration LOCAL_BLOCK_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration CLUSTER_BLOCK_TIMEOUT = Duration.ofMinutes(40);
  private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(30);

  /** Maven's messages when the nested build cannot download what it needs. */
  private static final Pattern OFFLINE =
      Pattern.compile(
          "Could not transfer artifact|UnknownHostException|Network is unreachable"
              + "|Connect timed out|Cannot access .* in offline mode");

  /**
   * The tools the page's blocks run, besides kubectl; each is checked before the cluster starts.
   */
  static final List<Cluster.Tool> TOOLS =
      List.of(
          Prerequisites.HELM,
          new Cluster.Tool("openssl", "the page makes the signing key and the certificate with it"),
          new Cluster.Tool("curl", "the page calls the Gateway with it"),
          new Cluster.Tool("jq", "the page reads the token service's answers with it"));

  @AutoClose private static Cluster cluster;

  @AutoClose private static PageShell shell;

  @TempDir static Path work;

  @Test
  void everyCommandOfTheInstallPageWorksOnACluster() throws Exception {
    Path root = Cluster.repoRoot();
    List<InstallGuide.Step> steps = InstallGuide.read(root.resolve(InstallGuide.PAGE));
    for (InstallGuide.Step step : steps) {
      if (step.needsCluster()) {
        assertNotNull(
            InstallOutcomes.of(step.key()),
            step.where() + " has an outcome to check in InstallOutcomes");
      }
    }
    cluster = Cluster.start(work, TOOLS.toArray(Cluster.Tool[]::new));
    Prerequisites.gatewayApi(cluster);
    Prerequisites.istio(cluster);
    Prerequisites.kuadrant(cluster);
    Prerequisites.missingCrds(cluster);

    Path copy = work.resolve("repo");
    FreshCopy.of(root, copy);
    // ../shared beside the copy, as beside a checkout (the page's CRD sources are listed there).
    Path shared = root.resolve("../shared").normalize();
    if (Files.isDirectory(shared)) {
      Files.createSymbolicLink(work.resolve("shared"), shared.toRealPath());
    }
    Path m2 = Files.createDirectories(work.resolve("m2"));
    Path models =
        render(
            "install-guide/models.yaml",
            Prerequisites.SIMULATOR_IMAGE,
            work.resolve("models.yaml"));
    shell =
        new PageShell(
            copy,
            Map.of(
                "KUBECONFIG", cluster.kubeconfig().toString(),
                "MAVEN_ARGS", "-B " + ChainedRepository.mavenArgs(m2),
                "MODELS", models.toString()),
            work.resolve("shell"));
    prepare();

    for (InstallGuide.Step step : steps) {
      if (step.key().equals(FIRST_WAVE)) {
        createTheOtherSecrets();
      }
      run(step);
    }
  }

  /** Getting started, shortened: the plugin built and installed, the reference output generated. */
  private static void prepare() throws Exception {
    long started = System.nanoTime();
    InstallOutcomes.Result run = shell.block(PREPARE, PREPARE_TIMEOUT);
    log("getting started: `" + PREPARE + "`", run, started);
    if (run.exit() != 0 && OFFLINE.matcher(run.output()).find()) {
      Cluster.skip(
          "the nested build `"
              + PREPARE
              + "` could not download what it needs ("
              + OFFLINE.matcher(run.output()).results().findFirst().orElseThrow().group()
              + "); the test needs Maven Central or a local repository that has it");
    }
    assertEquals(0, run.exit(), () -> "`" + PREPARE + "` failed:\n" + tail(run.output()));
  }

  /**
   * In place of the page's {@code text} block of the other Secrets: a Redis for Limitador's
   * counters and its URL, and placeholder download credentials (nothing downloads a model here).
   */
  private static void createTheOtherSecrets() throws Exception {
    Path redis = render("install-guide/redis.yaml", REDIS_IMAGE, work.resolve("redis.yaml"));
    cluster.kubectl("apply", "--server-side", "-f", redis.toString());
    cluster.awaitOrSkip(
        "the Redis " + REDIS_IMAGE,
        "rollout",
        "status",
        "--namespace",
        "kuadrant-system",
        "deployment/limitador-redis",
        Prerequisites.WAIT);
    cluster.kubectl(
        "create",
        "secret",
        "generic",
        "limitador-redis",
        "--namespace",
        "kuadrant-system",
        "--from-literal=URL=redis://limitador-redis.kuadrant-system.svc:6379");
    cluster.kubectl(
        "create",
        "secret",
        "generic",
        "hf-token",
        "--namespace",
        "llm",
        "--from-literal=HF_TOKEN=placeholder");
    cluster.kubectl(
        "create",
        "secret",
        "generic",
        "models-s3",
        "--namespace",
        "vision",
        "--from-literal=AWS_ACCESS_KEY_ID=placeholder",
        "--from-literal=AWS_SECRET_ACCESS_KEY=placeholder");
  }

  /**
   * Runs one block and checks it: exit 0, the lines of its {@code output} block, and for a cluster
   * block its outcome. A cluster block that fails because an image cannot be pulled skips the test
   * naming the image.
   */
  private static void run(InstallGuide.Step step) throws Exception {
    String script = step.needsCluster() ? step.cpuScript() : step.script();
    long started = System.nanoTime();
    InstallOutcomes.Result result =
        shell.block(script, step.needsCluster() ? CLUSTER_BLOCK_TIMEOUT : LOCAL_BLOCK_TIMEOUT);
    log(step.where(), result, started);
    if (result.exit() != 0) {
      if (step.needsCluster()) {
        cluster.skipIfImagesMissing(step.where());
      }
      fail(
          step.where()
              + " failed (exit "
              + result.exit()
              + "):\n"
              + script
              + "\n---\n"
              + tail(result.output())
              + (step.needsCluster() ? "\n---\n" + cluster.podSummary() : ""));
    }
    List<String> printed = result.output().lines().toList();
    for (String expected : step.shownOutput().lines().filter(l -> !l.isBlank()).toList()) {
      assertTrue(
          printed.stream().anyMatch(l -> l.contains(expected.strip())),
          step.where()
              + ": expected a line containing\n  "
              + expected.strip()
              + "\nin its output:\n"
              + result.output());
    }
    if (step.needsCluster()) {
      try {
        InstallOutcomes.of(step.key()).check(result, shell);
      } catch (AssertionError e) {
        throw new AssertionError(
            step.where() + " did not do what the page says: " + e.getMessage(), e);
      }
      System.out.println("[maas e2e] " + step.where() + ": outcome checked");
    }
  }

  /** Copies a resource with its {@code ${IMAGE}} set. */
  private static Path render(String resource, String image, Path to) throws IOException {
    String text = Files.readString(ModelTrafficE2eTest.resource(resource), StandardCharsets.UTF_8);
    return Files.writeString(to, text.replace("${IMAGE}", image));
  }

  private static void log(String what, InstallOutcomes.Result run, long started) {
    System.out.printf(
        "[maas e2e] %s: exit %d in %d s%n",
        what, run.exit(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
  }

  private static String tail(String text) {
    return text.length() > 6000 ? "..." + text.substring(text.length() - 6000) : text;
  }

  /**
   * Removes the link to the shared folder, so that cleaning the temporary folder never follows it.
   */
  @AfterAll
  static void unlinkShared() throws IOException {
    Files.deleteIfExists(work.resolve("shared"));
  }
}
