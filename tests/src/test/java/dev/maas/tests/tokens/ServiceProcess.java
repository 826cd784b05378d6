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
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A token service run as its own process on loopback ports, configured the way the generated
 * Deployment configures it, with the reference spec's generated objects.
 *
 * @param process the running process
 * @param base the API's base URL
 * @param metricsBase the health and metrics port's base URL
 */
public record ServiceProcess(Process process, String base, String metricsBase)
    implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The reference spec, validated. */
  public static Platform acme() {
    Path spec =
        Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml");
    SpecValidator.Outcome outcome = new SpecValidator().validate(spec, "acme.yaml");
    assertNotNull(outcome.platform(), () -> outcome.diagnostics().toString());
    return outcome.platform();
  }

  /** The text under {@code key} of the generated ConfigMap {@code name}. */
  public static String configMapData(List<KubeObject> objects, String name, String key) {
    return objects.stream()
        .filter(o -> o.kind().equals("ConfigMap") && o.name().equals(name))
        .findFirst()
        .orElseThrow()
        .body()
        .path("data")
        .path(key)
        .asText();
  }

  /**
   * Starts {@code command} with the config, keys and state under {@code dir} ({@code config.json},
   * {@code keys/}, {@code state/}), appending its output to {@code dir/service.log}, and waits
   * until its health port answers.
   */
  public static ServiceProcess launch(List<String> command, Path dir) throws Exception {
    return launch(command, dir, java.util.Map.of());
  }

  /** {@link #launch(List, Path)} with {@code environment} added to the process's environment. */
  public static ServiceProcess launch(
      List<String> command, Path dir, java.util.Map<String, String> environment) throws Exception {
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
    pb.environment().putAll(environment);
    pb.redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
    Process process = pb.start();
    String health = "http://127.0.0.1:" + metricsPort + "/health";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertTrue(process.isAlive(), () -> "the service exited:\n" + log(dir));
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create(health)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return new ServiceProcess(
              process, "http://127.0.0.1:" + port, "http://127.0.0.1:" + metricsPort);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the service did not become healthy:\n" + log(dir));
  }

  /**
   * Compiles {@code specFile}, writes the token service's generated {@code config.json} and a fresh
   * signing key under {@code dir}, and starts the built service in a process of its own, as the
   * image's entrypoint does.
   */
  public static ServiceProcess launchFromSpec(Path specFile, Path dir) throws Exception {
    return launchFromSpec(specFile, dir, java.util.Map.of());
  }

  /**
   * {@link #launchFromSpec(Path, Path)} with {@code environment} added to the service's
   * environment.
   */
  public static ServiceProcess launchFromSpec(
      Path specFile, Path dir, java.util.Map<String, String> environment) throws Exception {
    SpecValidator.Outcome outcome =
        new SpecValidator().validate(specFile, specFile.getFileName().toString());
    assertNotNull(outcome.platform(), () -> outcome.diagnostics().toString());
    writeConfig(outcome.platform(), dir);
    writeSigningKey(dir.resolve("keys/2026-06-01.pem"), newSigningKey());
    return launch(serviceCommand(), dir, environment);
  }

  /**
   * Writes the token service's config files, as generated for {@code platform}, in {@code dir}, as
   * the Deployment's config volume holds them: {@code config.json} and the model shards it names,
   * each from its ConfigMap.
   */
  public static void writeConfig(Platform platform, Path dir) throws IOException {
    List<KubeObject> objects =
        new dev.maas.render.tokenservice.TokenServiceGenerator().generate(platform);
    String main = dev.maas.render.tokenservice.TokenServiceGenerator.configConfigMapName(platform);
    for (KubeObject o : objects) {
      if (o.kind().equals("ConfigMap")
          && (o.name().equals(main) || o.name().startsWith(main + "-models-"))) {
        var files = o.body().path("data").fields();
        while (files.hasNext()) {
          var file = files.next();
          Files.writeString(dir.resolve(file.getKey()), file.getValue().asText());
        }
      }
    }
  }

  /** A fresh P-256 key pair, of the kind the service signs tokens with. */
  public static KeyPair newSigningKey() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  /**
   * Writes {@code pair} to {@code file} as the install page makes the key file: the private key,
   * then its public key; folders are created.
   */
  public static void writeSigningKey(Path file, KeyPair pair) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        pem("PRIVATE KEY", pair.getPrivate().getEncoded())
            + pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  /** Stops this service, waiting up to 10 seconds for it to end. */
  @Override
  public void close() throws InterruptedException {
    stop(process);
  }

  /** Stops {@code process} when one was started, waiting up to 10 seconds for it to end. */
  public static void stop(Process process) throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + java.util.Base64.getMimeEncoder(
                64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /**
   * {@code method path} on the service at {@code base}, as the gateway forwards it for {@code user}
   * of {@code groups} (a JSON array); either may be null.
   */
  public static HttpResponse<String> call(
      String base, String method, String path, String user, String groups, String body)
      throws IOException, InterruptedException {
    return call(base, method, path, user, groups, body, null);
  }

  /** {@link #call(String, String, String, String, String, String)} with a bearer token, or null. */
  public static HttpResponse<String> call(
      String base,
      String method,
      String path,
      String user,
      String groups,
      String body,
      String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      b.header("X-MaaS-Username", user);
    }
    if (groups != null) {
      b.header("X-MaaS-Groups", groups);
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What the service wrote so far. */
  public static String log(Path dir) {
    try {
      return Files.readString(dir.resolve("service.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /**
   * The service's runtime class path: its jar (or classes) and the libraries it needs, the same
   * files Jib layers into the image's {@code /app}, taken from this test's class path.
   */
  static final List<String> SERVICE_ARTIFACTS =
      List.of(
          "maas-token-service",
          "maas-token-service-config",
          "jackson-databind",
          "jackson-core",
          "jackson-annotations",
          "nimbus-jose-jwt",
          // The native signature provider and the state's persistent maps.
          "AmazonCorrettoCryptoProvider",
          "pcollections",
          // The HTTP server: Netty's HTTP codec on its native epoll transport.
          "netty-codec-http",
          "netty-codec-base",
          "netty-codec-compression",
          "netty-handler",
          "netty-transport",
          "netty-transport-native-epoll",
          "netty-transport-classes-epoll",
          "netty-transport-native-unix-common",
          "netty-buffer",
          "netty-common",
          "netty-resolver",
          // The Redis state store's client and what it needs.
          "jedis",
          "commons-pool2",
          "slf4j-api",
          "json",
          "gson",
          "error_prone_annotations",
          "redis-authx-core");

  /**
   * {@code java -cp <service class path> dev.maas.tokenservice.Main}: the built artifact started
   * the way the image's entrypoint starts it, with nothing of the tests or the plugin on its class
   * path.
   */
  public static List<String> serviceCommand() {
    List<String> entries = new java.util.ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      String artifact = artifactOf(Path.of(entry));
      if (SERVICE_ARTIFACTS.contains(artifact)) {
        entries.add(entry);
      }
    }
    List<String> found =
        entries.stream().map(e -> artifactOf(Path.of(e))).distinct().sorted().toList();
    if (!found.equals(SERVICE_ARTIFACTS.stream().sorted().toList())) {
      throw new AssertionError(
          "the service's artifacts are not all on the test class path: " + found);
    }
    return List.of(
        java(),
        "-XX:+ExitOnOutOfMemoryError",
        "-cp",
        String.join(java.io.File.pathSeparator, entries),
        "dev.maas.tokenservice.Main");
  }

  /**
   * The artifact id of a class path entry: {@code .../jackson-core-2.20.1.jar} is {@code
   * jackson-core}, {@code .../AmazonCorrettoCryptoProvider-2.5.0-linux-x86_64.jar} is {@code
   * AmazonCorrettoCryptoProvider}; a reactor module's {@code .../service/target/classes} is the
   * module's artifact id, read from its pom.xml's own line.
   */
  private static String artifactOf(Path entry) {
    String file = entry.getFileName().toString();
    if (file.endsWith(".jar")) {
      return file.replaceFirst("-[0-9][^-]*(-[A-Za-z0-9._]+)*\\.jar$", "");
    }
    Path pom =
        entry.getParent() == null || entry.getParent().getParent() == null
            ? null
            : entry.getParent().getParent().resolve("pom.xml");
    if (pom == null || !Files.isRegularFile(pom)) {
      return file;
    }
    try {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>")
              .matcher(Files.readString(pom));
      return m.find() ? m.group(1) : file;
    } catch (IOException e) {
      return file;
    }
  }

  /** This JVM's {@code java}. */
  public static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
