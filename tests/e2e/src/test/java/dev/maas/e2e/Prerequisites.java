package dev.maas.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the platform runs on, installed into a test cluster from the public releases: the Gateway
 * API CRDs, Istio, the Kuadrant operator (with Authorino and Limitador), and the CRDs of the kinds
 * no installed component brought. An unreachable release or image skips the calling test naming it;
 * any other failure fails it.
 */
final class Prerequisites {

  static final String GATEWAY_API_VERSION =
      System.getProperty("maas.e2e.gatewayApiVersion", "v1.4.1");
  static final String ISTIO_VERSION = System.getProperty("maas.e2e.istioVersion", "1.29.1");
  static final String KUADRANT_VERSION = System.getProperty("maas.e2e.kuadrantVersion", "1.5.2");
  static final String SIMULATOR_IMAGE =
      System.getProperty("maas.e2e.simulatorImage", "ghcr.io/llm-d/llm-d-inference-sim:v0.7.1");
  private static final String ISTIO_CHARTS = "https://istio-release.storage.googleapis.com/charts";
  private static final String KUADRANT_CHARTS = "https://kuadrant.io/helm-charts/";

  /** helm, which installs Istio and Kuadrant. */
  static final Cluster.Tool HELM =
      new Cluster.Tool("helm", "the test installs Istio and Kuadrant from their charts");

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(12);
  static final String WAIT = "--timeout=300s";

  /**
   * Messages of helm and kubectl when a URL cannot be fetched (as opposed to a failing install).
   */
  private static final Pattern UNREACHABLE =
      Pattern.compile(
          "no such host|i/o timeout|connection refused"
              + "|network is unreachable|TLS handshake timeout|unable to read URL|cannot be reached|404 Not Found"
              + "|connection reset by peer|Client.Timeout exceeded",
          Pattern.CASE_INSENSITIVE);

  private Prerequisites() {}

  /** The Gateway API CRDs of the standard channel. */
  static void gatewayApi(Cluster cluster) throws Exception {
    String url =
        "https://github.com/kubernetes-sigs/gateway-api/releases/download/"
            + GATEWAY_API_VERSION
            + "/standard-install.yaml";
    install(
        cluster,
        "the Gateway API CRDs " + GATEWAY_API_VERSION,
        url,
        kubectlCommand(cluster, "apply", "--server-side", "-f", url));
    cluster.kubectl("wait", "--for=condition=Established", "--timeout=120s", "crd", "--all");
  }

  /**
   * Istio from its own charts (base = CRDs, istiod = control plane). istiod creates the {@code
   * istio} GatewayClass the specs name, and deploys a gateway proxy into the Gateway's own
   * namespace, which is what the token service's NetworkPolicy expects. Installed before Kuadrant
   * so that Kuadrant finds it.
   */
  static void istio(Cluster cluster) throws Exception {
    install(
        cluster,
        "Istio " + ISTIO_VERSION + " (chart base)",
        ISTIO_CHARTS,
        helmInstall(cluster, "istio-base", "base", ISTIO_CHARTS, ISTIO_VERSION, "istio-system"));
    install(
        cluster,
        "Istio " + ISTIO_VERSION + " (chart istiod)",
        ISTIO_CHARTS,
        helmInstall(cluster, "istiod", "istiod", ISTIO_CHARTS, ISTIO_VERSION, "istio-system"));
    cluster.awaitOrSkip(
        "the istio GatewayClass", "wait", "--for=condition=Accepted", WAIT, "gatewayclass/istio");
  }

  /**
   * The Kuadrant operator chart, which brings the Authorino and Limitador operators; the {@code
   * Kuadrant} instance itself is part of the generated overlay. cert-manager is left out: Kuadrant
   * needs it only for TLSPolicy, which the platform does not use.
   */
  static void kuadrant(Cluster cluster) throws Exception {
    install(
        cluster,
        "the Kuadrant operator " + KUADRANT_VERSION,
        KUADRANT_CHARTS,
        helmInstall(
            cluster,
            "kuadrant-operator",
            "kuadrant-operator",
            KUADRANT_CHARTS,
            KUADRANT_VERSION,
            "kuadrant-system"));
  }

  /**
   * The CRDs of the kinds the platform emits that no installed component brought (KServe,
   * Prometheus operator, ...). CRDs an operator installed stay as the operator wants them.
   */
  static void missingCrds(Cluster cluster) throws Exception {
    Path crds = Cluster.crdsFolder();
    List<Path> files;
    try (Stream<Path> list = Files.list(crds)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "CRDs in " + crds);
    for (Path file : files) {
      // File names are <group>_<plural>.yaml (see SOURCES.md of the CRD folder); the CRD is
      // <plural>.<group>.
      String[] groupAndPlural =
          file.getFileName().toString().replaceFirst("\\.yaml$", "").split("_", 2);
      String name = groupAndPlural[1] + "." + groupAndPlural[0];
      if (!cluster.tryKubectl("get", "crd", name).ok()) {
        cluster.kubectl("apply", "--server-side", "-f", file.toString());
      }
    }
    cluster.kubectl("wait", "--for=condition=Established", "--timeout=120s", "crd", "--all");
  }

  /**
   * Runs an install command that fetches {@code source} over the network. An unreachable source or
   * an image the cluster cannot pull skips the test naming it; any other failure fails it.
   */
  private static void install(Cluster cluster, String what, String source, List<String> command)
      throws Exception {
    Cluster.Run run = Cluster.exec(command, INSTALL_TIMEOUT);
    if (run.ok()) {
      return;
    }
    String host = URI.create(source).getHost();
    if (run.output().contains(host) && UNREACHABLE.matcher(run.output()).find()) {
      Cluster.skip(
          what
              + " could not be fetched from "
              + source
              + " ("
              + firstLine(run.output())
              + "); the test needs network access to it");
    }
    cluster.skipIfImagesMissing(what);
    fail(what + " failed to install:\n" + run.output() + "\n" + cluster.podSummary());
  }

  private static List<String> helmInstall(
      Cluster cluster,
      String release,
      String chart,
      String repository,
      String version,
      String namespace) {
    return List.of(
        "helm",
        "--kubeconfig",
        cluster.kubeconfig().toString(),
        "install",
        release,
        chart,
        "--repo",
        repository,
        "--version",
        version,
        "--namespace",
        namespace,
        "--create-namespace",
        "--wait",
        "--timeout",
        "10m");
  }

  private static List<String> kubectlCommand(Cluster cluster, String... args) {
    List<String> command =
        new ArrayList<>(List.of("kubectl", "--kubeconfig", cluster.kubeconfig().toString()));
    command.addAll(List.of(args));
    return command;
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }
}
