package dev.maas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A throwaway k3s cluster for one test class, driven with kubectl. Starting it skips the calling
 * test (never fails it) when kubectl, a Docker engine or the k3s image is missing, saying which.
 */
final class Cluster implements AutoCloseable {

  /**
   * Pod waiting reasons that mean an image could not be pulled (as opposed to a crashing workload).
   */
  private static final Pattern PULL_FAILURE =
      Pattern.compile("ErrImagePull|ImagePullBackOff|InvalidImageName");

  private final K3sContainer container;
  private final Path kubeconfig;

  private Cluster(K3sContainer container, Path kubeconfig) {
    this.container = container;
    this.kubeconfig = kubeconfig;
  }

  /** The outcome of a command: its exit code (-1 on timeout) and its merged stdout and stderr. */
  record Run(int exit, String output) {
    boolean ok() {
      return exit == 0;
    }
  }

  /**
   * Skips the calling test with a message that says what is missing; never fails for that reason.
   */
  static void skip(String reason) {
    System.err.println("[maas e2e] SKIPPED: " + reason);
    Assumptions.abort(reason);
  }

  /** A command-line tool a test runs, and what for (said when it is missing). */
  record Tool(String name, String why) {}

  /** kubectl, which every e2e test drives the cluster with. */
  static final Tool KUBECTL = new Tool("kubectl", "the e2e tests drive the cluster with it");

  /**
   * Starts k3s from {@code -Dmaas.e2e.image} (Traefik is off: the Testcontainers module disables
   * it). Before that, checks kubectl, the {@code extra} tools and the Docker engine, and skips
   * naming everything missing.
   */
  static Cluster start(Path work, Tool... extra) throws IOException {
    List<String> missing = new ArrayList<>();
    for (Tool tool : Stream.concat(Stream.of(KUBECTL), Stream.of(extra)).toList()) {
      if (!onPath(tool.name())) {
        missing.add(tool.name() + " is not on PATH (" + tool.why() + ")");
      }
    }
    String reason = "";
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable e) {
      docker = false;
      reason = ": " + e.getMessage();
    }
    if (!docker) {
      missing.add(
          "no Docker engine is reachable"
              + reason
              + "; the e2e tests need one to start k3s (see docs/e2e.md)");
    }
    if (!missing.isEmpty()) {
      skip(String.join("; ", missing));
    }
    String image = System.getProperty("maas.e2e.image", "rancher/k3s:v1.31.4-k3s1");
    K3sContainer container =
        new K3sContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("rancher/k3s"));
    try {
      container.start();
    } catch (Throwable e) {
      container.close();
      skip(
          "the k3s image "
              + image
              + " could not be started ("
              + e.getMessage()
              + "); pull it or set -Dmaas.e2e.image to a reachable mirror");
    }
    Path kubeconfig = work.resolve("kubeconfig.yaml");
    Files.writeString(kubeconfig, container.getKubeConfigYaml());
    return new Cluster(container, kubeconfig);
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** Runs kubectl against this cluster and asserts it succeeded. */
  String kubectl(String... args) throws IOException, InterruptedException {
    Run run = tryKubectl(args);
    assertEquals(
        0, run.exit(), () -> "kubectl " + String.join(" ", args) + " failed:\n" + run.output());
    return run.output();
  }

  /** Runs kubectl against this cluster; the caller judges the outcome. */
  Run tryKubectl(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    return exec(command, Duration.ofMinutes(8)); // above the 300 s of every kubectl wait
  }

  /**
   * Creates each namespace unless it exists (kubectl create fails on an existing one, which is
   * fine).
   */
  void ensureNamespaces(Iterable<String> namespaces) throws IOException, InterruptedException {
    for (String namespace : namespaces) {
      tryKubectl("create", "namespace", namespace);
    }
  }

  /**
   * The images that pods of the cluster cannot pull, one "namespace/pod: image (reason)" per line,
   * empty when none. A wait that timed out is a skip when this names the image, a failure
   * otherwise.
   */
  List<String> unpullableImages() throws IOException, InterruptedException {
    String template =
        "{range .items[*]}{range .status.initContainerStatuses[*]}{'P '}{.image}{' '}"
            + "{.state.waiting.reason}{'\\n'}{end}{range .status.containerStatuses[*]}{'P '}{.image}{' '}"
            + "{.state.waiting.reason}{'\\n'}{end}{end}";
    Run pods = tryKubectl("get", "pods", "--all-namespaces", "-o", "jsonpath=" + template);
    TreeSet<String> images = new TreeSet<>();
    for (String line : pods.output().split("\n")) {
      String[] parts = line.trim().split(" ");
      if (parts.length == 3 && parts[0].equals("P") && PULL_FAILURE.matcher(parts[2]).matches()) {
        images.add(parts[1] + " (" + parts[2] + ")");
      }
    }
    return new ArrayList<>(images);
  }

  /**
   * Runs {@code kubectl wait} (or any other kubectl check); when it fails because an image cannot
   * be pulled the test is skipped naming the image, any other failure fails the test with the pods'
   * state.
   */
  void awaitOrSkip(String what, String... kubectlArgs) throws IOException, InterruptedException {
    Run run = tryKubectl(kubectlArgs);
    if (!run.ok()) {
      skipIfImagesMissing(what);
      fail(what + " did not become ready:\n" + run.output() + "\n" + podSummary());
    }
  }

  /**
   * Skips the test when some pod cannot pull its image: a missing image is not a defect of the
   * platform.
   */
  void skipIfImagesMissing(String what) throws IOException, InterruptedException {
    List<String> missing = unpullableImages();
    if (!missing.isEmpty()) {
      skip(
          what
              + ": the cluster cannot pull "
              + String.join(", ", missing)
              + "; make the image reachable (or mirror it) to run this test");
    }
  }

  /** Every pod of the cluster with its phase, for failure messages. */
  String podSummary() throws IOException, InterruptedException {
    return tryKubectl("get", "pods", "--all-namespaces", "-o", "wide").output();
  }

  /**
   * Forwards a free local port on 127.0.0.1 to {@code target} (e.g. svc/name) port {@code
   * remotePort}.
   */
  PortForward portForward(String namespace, String target, int remotePort) throws IOException {
    Process process =
        new ProcessBuilder(
                "kubectl",
                "--kubeconfig",
                kubeconfig.toString(),
                "port-forward",
                "--address",
                "127.0.0.1",
                "-n",
                namespace,
                target,
                ":" + remotePort)
            .redirectErrorStream(true)
            .start();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Pattern forwarding = Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) ->");
    StringBuilder seen = new StringBuilder();
    int port = -1;
    // Read only up to the line naming the port: kubectl prints nothing more until a connection
    // arrives.
    String line;
    while (port < 0 && (line = reader.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = forwarding.matcher(line);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
      }
    }
    if (port < 0) {
      process.destroy();
      fail("kubectl port-forward " + target + " printed no local port:\n" + seen);
    }
    // Keep draining kubectl's output so that it never blocks on a full pipe.
    Thread drain = new Thread(() -> reader.lines().forEach(l -> {}), "port-forward-drain");
    drain.setDaemon(true);
    drain.start();
    return new PortForward(process, port);
  }

  /** A running {@code kubectl port-forward}; closing it stops kubectl. */
  record PortForward(Process process, int localPort) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
    }
  }

  /** Renders a Kustomize folder with kubectl's built-in Kustomize (no cluster needed). */
  static String kustomize(Path folder) throws IOException, InterruptedException {
    Run run = exec(List.of("kubectl", "kustomize", folder.toString()), Duration.ofMinutes(2));
    assertEquals(0, run.exit(), () -> "kubectl kustomize " + folder + " failed:\n" + run.output());
    return run.output();
  }

  /** Runs a command with a deadline; the output is merged stdout and stderr. */
  static Run exec(List<String> command, Duration timeout) throws IOException, InterruptedException {
    Path out = Files.createTempFile("maas-e2e-", ".out");
    try {
      // Output goes to a file, not a pipe: a chatty command can never block on a full pipe buffer.
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return new Run(
            -1,
            Files.readString(out, StandardCharsets.UTF_8) + "\n(timed out after " + timeout + ")");
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The repository's root ({@code maas.repoRoot}, which surefire sets). */
  static Path repoRoot() {
    return Path.of(System.getProperty("maas.repoRoot", "../..")).toAbsolutePath().normalize();
  }

  /**
   * The CRDs to install ({@code maas.crds}; by default the shared folder beside the repository).
   */
  static Path crdsFolder() {
    return Path.of(
        System.getProperty("maas.crds", repoRoot().resolve("../shared/crds").toString()));
  }

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  @Override
  public void close() {
    container.stop();
  }
}
