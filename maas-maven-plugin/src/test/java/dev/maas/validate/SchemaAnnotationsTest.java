package dev.maas.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.maas.model.Platform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The schema is an editor experience: every property is titled, described (plain and Markdown) and
 * exemplified, enum values are explained, required properties say so, examples and defaults are
 * valid, and every default is one the compiler really applies.
 */
class SchemaAnnotationsTest {

  private static final JsonNode ROOT = PlatformSchema.get().tree();

  /** A property of the schema: where it is, its node, and whether its object requires it. */
  private record Property(String pointer, JsonNode node, boolean required) {}

  private static List<Property> properties() {
    List<Property> out = new ArrayList<>();
    walk(ROOT, "#", out);
    ROOT.path("$defs")
        .fields()
        .forEachRemaining(d -> walk(d.getValue(), "#/$defs/" + d.getKey(), out));
    return out;
  }

  private static void walk(JsonNode node, String pointer, List<Property> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      boolean required = false;
      for (JsonNode r : node.path("required")) {
        required |= r.asText().equals(p.getKey());
      }
      String child = pointer + "/properties/" + p.getKey();
      out.add(new Property(child, p.getValue(), required));
      walk(p.getValue(), child, out);
    }
    if (node.path("items").isObject()) {
      walk(node.get("items"), pointer + "/items", out);
    }
    if (node.path("additionalProperties").isObject()) {
      walk(node.get("additionalProperties"), pointer + "/additionalProperties", out);
    }
  }

  @Test
  void everyPropertyHasTitleDescriptionsAndExamples() {
    List<String> missing = new ArrayList<>();
    for (Property p : properties()) {
      for (String keyword : List.of("title", "description", "markdownDescription")) {
        if (!p.node().path(keyword).isTextual() || p.node().path(keyword).asText().isBlank()) {
          missing.add(p.pointer() + " " + keyword);
        }
      }
      if (!p.node().path("examples").isArray() || p.node().path("examples").isEmpty()) {
        missing.add(p.pointer() + " examples");
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void enumValuesAreExplainedAndRequiredPropertiesSaySo() {
    List<String> problems = new ArrayList<>();
    for (Property p : properties()) {
      String markdown = p.node().path("markdownDescription").asText();
      for (JsonNode value : p.node().path("enum")) {
        if (!markdown.contains("`" + value.asText() + "`")) {
          problems.add(
              p.pointer() + ": enum value " + value + " is not explained in markdownDescription");
        }
      }
      if (p.required() && !p.node().path("description").asText().contains("Required")) {
        problems.add(p.pointer() + ": required, but its description does not say so");
      }
      if (p.node().has("default")
          && !markdown.contains("`" + text(p.node().get("default")) + "`")) {
        problems.add(p.pointer() + ": markdownDescription does not name the default");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void examplesAndDefaultsAreValid() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    List<String> problems = new ArrayList<>();
    List<Property> all = properties();
    all.add(new Property("#", ROOT, true));
    ROOT.path("$defs")
        .fields()
        .forEachRemaining(d -> all.add(new Property("#/$defs/" + d.getKey(), d.getValue(), false)));
    for (Property p : all) {
      // The node on its own, with the root's $defs beside it so that its references resolve.
      ObjectNode standalone = p.node().deepCopy();
      standalone.put("$schema", ROOT.path("$schema").asText());
      standalone.remove("$id");
      standalone.set("$defs", ROOT.path("$defs"));
      Schema schema = registry.getSchema(standalone);
      List<JsonNode> values = new ArrayList<>();
      p.node().path("examples").forEach(values::add);
      if (p.node().has("default")) {
        values.add(p.node().get("default"));
      }
      for (JsonNode value : values) {
        if (!schema.validate(value).isEmpty()) {
          problems.add(p.pointer() + ": " + value + " is invalid: " + schema.validate(value));
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyDefaultIsTheCompilersDefault() {
    // A spec that names none of the defaulted properties; the binder and the model fill them in.
    String spec =
        String.join(
            "\n",
            "apiVersion: maas/v1alpha1",
            "kind: Platform",
            "metadata: {name: acme}",
            "spec:",
            "  gateway: {name: gw, namespace: gw-ns, className: istio, hostname: maas.example.com, tls: {secretName: tls}}",
            "  auth: {users: {oidc: {issuerUrl: 'https://sso.example.com'}}}",
            "  tokens: {namespace: maas, defaultTTL: 4h, maxTTL: 8h, signingKeySecret: key}",
            "  tiers: [{name: free, level: 0, groups: [all], limits: {requests: [{limit: 1, window: 1m}]}}]",
            "  models: [{name: m, namespace: llm, uri: 'hf://org/m'}]",
            "  limitador: {storage: {redis: {secretName: redis}}}",
            "  observability: {alerts: {}}",
            "  gitops: {repoURL: 'https://git.example.com/r.git', path: clusters/acme, argocd: {}}",
            "");
    SpecValidator.Outcome outcome =
        new SpecValidator().validate(spec.getBytes(StandardCharsets.UTF_8), "defaults.yaml");
    assertEquals(List.of(), outcome.diagnostics());
    Platform platform = outcome.platform();

    Map<String, Function<Platform, Object>> applied = new TreeMap<>();
    String spec0 = "#/properties/spec/properties/";
    applied.put(
        spec0 + "auth/properties/users/properties/oidc/properties/groupsClaim",
        p -> p.auth().oidcGroupsClaim());
    applied.put(
        spec0 + "auth/properties/users/properties/oidc/properties/usernameClaim",
        p -> p.auth().oidcUsernameClaim());
    applied.put(spec0 + "target", p -> p.target().spelling());
    applied.put(spec0 + "tokens/properties/replicas", p -> p.tokens().replicas());
    applied.put(
        spec0 + "tokens/properties/state/properties/backend", p -> p.tokens().state().backend());
    applied.put(spec0 + "limitador/properties/namespace", p -> p.limitador().namespace());
    applied.put(spec0 + "limitador/properties/replicas", p -> p.limitador().replicas());
    applied.put(spec0 + "observability/properties/metrics", p -> p.observability().metrics());
    applied.put(spec0 + "observability/properties/dashboards", p -> p.observability().dashboards());
    applied.put(
        spec0 + "observability/properties/alerts/properties/tokenUsageWarnPercent",
        p -> p.observability().tokenUsageWarnPercent());
    applied.put(
        spec0 + "observability/properties/prometheus/properties/namespace",
        p -> p.observability().prometheusNamespace());
    applied.put(
        spec0 + "observability/properties/logs/properties/enabled",
        p -> p.observability().logs() != null);
    applied.put(spec0 + "gitops/properties/branch", p -> p.gitops().branch());
    applied.put(
        spec0 + "gitops/properties/argocd/properties/namespace", p -> p.gitops().argoNamespace());
    applied.put(
        spec0 + "gitops/properties/argocd/properties/destinationServer",
        p -> p.gitops().destinationServer());
    applied.put(
        spec0 + "gitops/properties/argocd/properties/automated", p -> p.gitops().automated());
    applied.put(spec0 + "gitops/properties/argocd/properties/prune", p -> p.gitops().prune());
    applied.put(spec0 + "gitops/properties/argocd/properties/selfHeal", p -> p.gitops().selfHeal());
    applied.put("#/$defs/limits/properties/counter", p -> p.tiers().get(0).limits().counter());
    applied.put("#/$defs/tier/properties/unlimited", p -> p.tiers().get(0).unlimited());
    applied.put("#/$defs/model/properties/serving", p -> p.models().get(0).serving());

    Map<String, String> schemaDefaults = new TreeMap<>();
    for (Property p : properties()) {
      if (p.node().has("default")) {
        schemaDefaults.put(p.pointer(), text(p.node().get("default")));
      }
    }
    Map<String, String> compilerDefaults = new LinkedHashMap<>();
    applied.forEach(
        (pointer, value) -> compilerDefaults.put(pointer, String.valueOf(value.apply(platform))));
    assertEquals(
        new TreeMap<>(compilerDefaults),
        schemaDefaults,
        "the schema's defaults are exactly those the compiler applies (add one to both, or to neither)");
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }
}
