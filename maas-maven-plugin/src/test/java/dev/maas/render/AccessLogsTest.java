package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelFailure;
import dev.maas.check.OutputChecks;
import dev.maas.diag.Diagnostic;
import dev.maas.model.AccessLogs;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Yaml;
import dev.maas.render.logs.AccessLogGenerator;
import dev.maas.render.logs.MeshProvider;
import dev.maas.validate.SpecValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The access logs of {@code tests/corpus/valid/access-logs.yaml}: a Telemetry the real Istio CRD
 * accepts, whose provider is the one the mesh snippet defines and whose Service and NetworkPolicy
 * let the gateway reach the collector; a collector configuration whose pipeline the collector would
 * load; identity headers whose CEL names the caller; and nothing of it for the reference spec.
 */
class AccessLogsTest {

  private static final Path CRDS = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
  private static final String TELEMETRY = "base/telemetry-acme-access-logs.yaml";
  private static final String CONFIG = collectorFile("configmap");
  private static final String DEPLOYMENT = collectorFile("deployment");
  private static final String SERVICE = collectorFile("service");
  private static final String POLICY = collectorFile("networkpolicy");
  private static final String USAGE_FILTER = "base/envoyfilter-acme-token-usage.yaml";
  private static final String SPEC = "tests/corpus/valid/access-logs.yaml";

  private static Platform platform;
  private static GeneratedTree tree;

  /** The file of the log collector's object of {@code kind} (the kind in lower case). */
  private static String collectorFile(String kind) {
    return "base/" + kind + "-acme-log-collector.yaml";
  }

  @BeforeAll
  static void render() {
    SpecValidator.Outcome outcome =
        new SpecValidator().validate(Fixtures.repoRoot().resolve(SPEC), SPEC);
    assertEquals(List.of(), outcome.diagnostics().stream().map(Diagnostic::render).toList());
    platform = outcome.platform();
    tree = Fixtures.render(platform);
  }

  @Test
  void outputPassesTheCrdsAndTheProof() {
    // The CRD folder has no EnvoyFilter CRD (Istio's base chart defines it): the token-usage
    // filter's metadata is checked and the rest reported unchecked, the one finding allowed here.
    List<Diagnostic> findings = new OutputChecks(CRDS).check(platform, tree);
    List<String> others = new ArrayList<>();
    for (Diagnostic finding : findings) {
      boolean unchecked =
          finding.code().equals("crd.unavailable")
              && finding.render().startsWith(USAGE_FILTER + ": warning: EnvoyFilter/");
      if (!unchecked) {
        others.add(finding.render());
      }
    }
    assertEquals(List.of(), others);
    assertTrue(findings.size() <= 1);
  }

  @Test
  void theEnvoyFilterMetadataIsStillChecked() {
    String renamed =
        tree.text(USAGE_FILTER).replace("name: acme-token-usage", "name: Acme_Token_Usage");
    TreeMap<String, byte[]> files = new TreeMap<>(tree.files());
    files.put(USAGE_FILTER, renamed.getBytes(StandardCharsets.UTF_8));
    List<String> findings =
        new OutputChecks(CRDS)
            .check(platform, new GeneratedTree(files)).stream()
                .filter(d -> d.render().startsWith(USAGE_FILTER))
                .map(Diagnostic::render)
                .toList();
    assertTrue(
        findings.stream().anyMatch(f -> f.contains("[k8s.name]")),
        () -> "an EnvoyFilter's name is checked without its CRD: " + findings);
  }

  @Test
  void theIstioCrdChecksTheTelemetry() {
    // The real CRD's CEL rule: a Telemetry selects pods or targets a Gateway, never both.
    String both =
        tree.text(TELEMETRY)
            .replace(
                "spec:\n",
                "spec:\n  targetRefs:\n  - group: gateway.networking.k8s.io\n    kind: Gateway\n"
                    + "    name: maas-gateway\n");
    TreeMap<String, byte[]> files = new TreeMap<>(tree.files());
    files.put(TELEMETRY, both.getBytes(StandardCharsets.UTF_8));
    List<String> findings =
        new OutputChecks(CRDS)
            .check(platform, new GeneratedTree(files)).stream().map(Diagnostic::render).toList();
    assertTrue(
        findings.stream().anyMatch(f -> f.contains("only one of targetRefs or selector")),
        findings::toString);
  }

  @Test
  void theTelemetryNamesTheProviderTheMeshSnippetDefines() {
    JsonNode telemetry = Fixtures.object(tree, TELEMETRY);
    JsonNode snippet =
        Yaml.read(
            telemetry
                .path("metadata")
                .path("annotations")
                .path(AccessLogGenerator.MESH_PROVIDER_ANNOTATION)
                .asText());
    JsonNode provider = snippet.path("meshConfig").path("extensionProviders").path(0);
    assertEquals(
        provider.path("name").asText(),
        telemetry
            .path("spec")
            .path("accessLogging")
            .path(0)
            .path("providers")
            .path(0)
            .path("name")
            .asText());
    // The provider sends to the collector's Service, on its gRPC port.
    JsonNode service = Fixtures.object(tree, SERVICE);
    assertEquals(
        service.path("metadata").path("name").asText()
            + "."
            + service.path("metadata").path("namespace").asText()
            + ".svc.cluster.local",
        provider.path("envoyOtelAls").path("service").asText());
    int port = provider.path("envoyOtelAls").path("port").asInt();
    JsonNode grpc = null;
    for (JsonNode p : service.path("spec").path("ports")) {
      if (p.path("port").asInt() == port) {
        grpc = p;
      }
    }
    assertEquals("grpc", grpc == null ? null : grpc.path("appProtocol").asText());
    // The Telemetry selects the gateway's pods, and the NetworkPolicy lets exactly those in.
    JsonNode gatewayPods = telemetry.path("spec").path("selector").path("matchLabels");
    JsonNode ingress = Fixtures.object(tree, POLICY).path("spec").path("ingress").path(0);
    boolean gatewayAdmitted = false;
    for (JsonNode from : ingress.path("from")) {
      gatewayAdmitted |=
          from.path("podSelector").path("matchLabels").equals(gatewayPods)
              && from.path("namespaceSelector")
                  .path("matchLabels")
                  .path("kubernetes.io/metadata.name")
                  .asText()
                  .equals(platform.gateway().namespace());
    }
    assertTrue(gatewayAdmitted, ingress::toString);
    assertTrue(ingress.path("ports").toString().contains("\"port\":" + port), ingress::toString);
    // The user and tier labels read the headers the AuthPolicy sets.
    JsonNode labels = provider.path("envoyOtelAls").path("logFormat").path("labels");
    assertTrue(labels.path("user").asText().contains(AccessLogs.USER_HEADER));
    assertTrue(labels.path("tier").asText().contains(AccessLogs.TIER_HEADER));
    assertFalse(
        provider.toString().contains("%REQ(:PATH)%"), "the query string stays out of the logs");
  }

  @Test
  void theInstallGuideShowsTheProviderAsTheCompilerWritesIt() throws Exception {
    String install =
        Files.readString(Fixtures.repoRoot().resolve("docs/install.md"), StandardCharsets.UTF_8);
    assertTrue(
        install.contains(MeshProvider.snippet(platform)),
        "docs/install.md quotes MeshProvider.snippet of " + SPEC);
  }

  @Test
  void theKindPageQuotesTheOutput() throws Exception {
    String page =
        Files.readString(
            Fixtures.repoRoot().resolve("docs/kinds/telemetry.md"), StandardCharsets.UTF_8);
    String all =
        String.join(
            "\n",
            tree.files().values().stream()
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .toList());
    int blocks = 0;
    for (String block : page.split("```yaml\n")) {
      if (blocks++ == 0) {
        continue; // the text before the first block
      }
      // Lines "# ..." stand for lines left out; each part between them is in the output as it is.
      for (String part : block.substring(0, block.indexOf("```")).split("# \\.\\.\\.\n")) {
        assertTrue(
            all.contains(part), "docs/kinds/telemetry.md quotes what is not output:\n" + part);
      }
    }
    assertEquals(
        5,
        blocks,
        "the page quotes the Telemetry, the EnvoyFilter, the configuration and the policy");
  }

  @Test
  void theCollectorLoadsItsPipeline() {
    JsonNode config =
        Yaml.read(Fixtures.object(tree, CONFIG).path("data").path("collector.yaml").asText());
    // The collector's own rule (otelcol config validation): every component a pipeline or the
    // service names is defined in its section, and every defined one is of a type the contrib
    // distribution ships.
    Map<String, Set<String>> shipped =
        Map.of(
            "receivers", Set.of("otlp"),
            "processors", Set.of("memory_limiter", "resource", "batch"),
            "exporters", Set.of("otlphttp"),
            "extensions", Set.of("health_check"));
    List<String> problems = new ArrayList<>();
    for (String section : shipped.keySet()) {
      config
          .path(section)
          .fieldNames()
          .forEachRemaining(
              id -> {
                if (!shipped.get(section).contains(id.split("/", 2)[0])) {
                  problems.add(section + ": unknown type " + id);
                }
              });
    }
    config
        .path("service")
        .path("extensions")
        .forEach(
            e -> {
              if (!config.path("extensions").has(e.asText())) {
                problems.add("service.extensions: " + e.asText() + " is not defined");
              }
            });
    JsonNode pipelines = config.path("service").path("pipelines");
    assertTrue(pipelines.has("logs"), config::toString);
    pipelines
        .fields()
        .forEachRemaining(
            pipeline -> {
              for (String section : List.of("receivers", "processors", "exporters")) {
                assertFalse(
                    section.equals("processors")
                        ? false
                        : pipeline.getValue().path(section).isEmpty(),
                    pipeline.getKey() + " has no " + section);
                pipeline
                    .getValue()
                    .path(section)
                    .forEach(
                        id -> {
                          if (!config.path(section).has(id.asText())) {
                            problems.add(
                                pipeline.getKey()
                                    + "."
                                    + section
                                    + ": "
                                    + id.asText()
                                    + " is not defined");
                          }
                        });
              }
            });
    assertEquals(List.of(), problems);
    // Loki's native OTLP endpoint, with the tenant header read from the Secret, never written.
    JsonNode exporter = config.path("exporters").path("otlphttp");
    assertEquals(
        "http://loki-gateway.loki.svc.cluster.local/otlp", exporter.path("endpoint").asText());
    String variable =
        exporter
            .path("headers")
            .path("X-Scope-OrgID")
            .asText()
            .replaceAll("^\\$\\{env:(.*)}$", "$1");
    JsonNode env =
        Fixtures.object(tree, DEPLOYMENT)
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .path(0)
            .path("env")
            .path(0);
    assertEquals(variable, env.path("name").asText());
    assertEquals("loki-tenant", env.path("valueFrom").path("secretKeyRef").path("name").asText());
    assertEquals("org-id", env.path("valueFrom").path("secretKeyRef").path("key").asText());
  }

  @Test
  void theIdentityHeadersNameTheCaller() throws CelFailure {
    JsonNode headers =
        Fixtures.object(tree, "base/authpolicy-acme-gateway-auth.yaml")
            .path("spec")
            .path("rules")
            .path("response")
            .path("success")
            .path("headers");
    CelEngine cel = CelEngine.withVariables("auth");
    var user =
        cel.compile(headers.path(AccessLogs.USER_HEADER).path("plain").path("expression").asText());
    var tier =
        cel.compile(headers.path(AccessLogs.TIER_HEADER).path("plain").path("expression").asText());
    Map<String, Object> jwt =
        Map.of("auth", Map.of("identity", Map.of("sub", "bob", "tier", "free")));
    Map<String, Object> apiKey =
        Map.of(
            "auth",
            Map.of(
                "identity",
                Map.of("maas_api_key", "marker"),
                "metadata",
                Map.of("apikey", Map.of("user", "alice", "tier", "premium"))));
    assertEquals("bob", user.evaluate(jwt));
    assertEquals("free", tier.evaluate(jwt));
    assertEquals("alice", user.evaluate(apiKey));
    assertEquals("premium", tier.evaluate(apiKey));
  }

  @Test
  void theReferenceSpecHasNoAccessLogs() {
    GeneratedTree reference = Fixtures.render(Fixtures.acme());
    Set<String> logFiles = new TreeSet<>();
    for (String path : reference.files().keySet()) {
      if (path.contains("log-collector")
          || path.contains("telemetry-")
          || path.contains("envoyfilter-")) {
        logFiles.add(path);
      }
    }
    assertEquals(Set.of(), logFiles);
    assertFalse(reference.text("base/authpolicy-acme-gateway-auth.yaml").contains("headers:"));
  }
}
