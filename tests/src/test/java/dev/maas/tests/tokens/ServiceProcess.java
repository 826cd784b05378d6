package dev.maas.tests.tokens;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.model.Platform;
import dev.maas.render.KubeObject;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A token service run as its own process on loopback ports, configured the way the generated Deployment configures
 * it, with the reference spec's generated objects.
 *
 * @param process the running process
 * @param base the API's base URL
 * @param metricsBase the health and metrics port's base URL
 */
public record ServiceProcess(Process process, String base, String metricsBase) {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The reference spec, validated. */
  public static Platform acme() {
    Path spec = Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml");
    SpecValidator.Outcome outcome = new SpecValidator().validate(spec, "acme.yaml");
    assertNotNull(outcome.platform(), () -> outcome.diagnostics().toString());
    return outcome.platform();
  }

  /** The text under {@code key} of the generated ConfigMap {@code name}. */
  public static String configMapData(List<KubeObject> objects, String name, String key) {
    return objects.stream().filter(o -> o.kind().equals("ConfigMap") && o.name().equals(name)).findFirst()
        .orElseThrow().body().path("data").path(key).asText();
  }

  /**
   * Starts {@code command} with the config, keys and state under {@code dir} ({@code config.json}, {@code keys/},
   * {@code state/}), appending its output to {@code dir/service.log}, and waits until its health port answers.
   */
  public static ServiceProcess launch(List<String> command, Path dir) throws Exception {
    int port = freePort();
    int metricsPort = freePort();
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("MAAS_CONFIG", dir.resolve("config.json").toString());
    pb.environment().put("MAAS_KEYS_DIR", dir.resolve("keys").toString());
    pb.environment().put("MAAS_STATE_DIR", dir.resolve("state").toString());
    pb.environment().put("MAAS_PORT", String.valueOf(port));
    pb.environment().put("MAAS_METRICS_PORT", String.valueOf(metricsPort));
    pb.environment().put("MAAS_BIND_ADDRESS", "127.0.0.1");
    pb.environment().remove("KUBERNETES_SERVICE_HOST");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
    Process process = pb.start();
    String health = "http://127.0.0.1:" + metricsPort + "/health";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertTrue(process.isAlive(), () -> "the service exited:\n" + log(dir));
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(health)).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode() == 200) {
          return new ServiceProcess(process, "http://127.0.0.1:" + port, "http://127.0.0.1:" + metricsPort);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the service did not become healthy:\n" + log(dir));
  }

  /** What the service wrote so far. */
  public static String log(Path dir) {
    try {
      return Files.readString(dir.resolve("service.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** This JVM's {@code java}. */
  public static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
