package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelFailure;
import dev.maas.check.OutputChecks;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.render.monitoring.UsageMetrics;
import dev.maas.testing.BoundSpecs;
import dev.maas.testing.Promtool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost side of monitoring, on the reference spec with prices: recording rules and alerts that
 * Prometheus's own checker accepts, a dashboard Grafana's provisioning can load whose every query
 * reads a recorded or exported metric, attribution labels that Kuadrant's CEL resolves to the
 * caller's cost centre, and objects the real CRDs accept.
 */
class CostMonitoringTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECORDING = "base/prometheusrule-acme-recording-rules.yaml";
  private static final String ALERTS = "base/prometheusrule-acme-alerts.yaml";
  private static final String SPEC = "maas-maven-plugin/src/test/resources/specs/acme-priced.yaml";

  private static GeneratedTree tree;

  @BeforeAll
  static void render() {
    tree = Fixtures.render(BoundSpecs.file(SPEC));
  }

  @Test
  void outputPassesTheCrdsAndTheProof() {
    Path crds = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
    Platform platform = BoundSpecs.file(SPEC);
    assertEquals(
        List.of(),
        new OutputChecks(crds).check(platform, tree).stream().map(Diagnostic::render).toList());
  }

  @Test
  void rulesPassPromtool(@TempDir Path dir) throws Exception {
    Promtool.assumeInstalled("the rules are not checked here");
    for (String file : List.of(RECORDING, ALERTS)) {
      Path rules = dir.resolve(Path.of(file).getFileName());
      Promtool.writeRuleFile(rules, Fixtures.object(tree, file).path("spec"));
      Promtool run = Promtool.run(dir, "check", "rules", rules.toString());
      assertEquals(0, run.exitValue(), file + ": " + run.output());
      assertTrue(run.output().contains("SUCCESS"), run.output());
    }
    // The checker is real: a rule with broken PromQL fails it.
    ObjectNode broken = (ObjectNode) Fixtures.object(tree, RECORDING).path("spec").deepCopy();
    ((ObjectNode) broken.path("groups").path(0).path("rules").path(0))
        .put("expr", "sum by (tier (rate(x[5m]))");
    Path bad = dir.resolve("broken.yaml");
    Promtool.writeRuleFile(bad, broken);
    assertEquals(1, Promtool.run(dir, "check", "rules", bad.toString()).exitValue());
  }

  /**
   * Every series name a PromQL expression reads: identifiers that are neither functions, keywords
   * nor labels.
   */
  static Set<String> metricsOf(String expr) {
    String bare =
        expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"") // label values
            .replaceAll("\\{[^}]*\\}", "") // matchers
            .replaceAll("\\[[^\\]]*\\]", "") // ranges
            .replaceAll(
                "(by|on|without|ignoring|group_left|group_right)\\s*\\([^)]*\\)",
                ""); // label lists
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(bare);
    while (m.find()) {
      String word = m.group().replaceAll("[\\s(]", "");
      if (m.group(1) == null
          && !Set.of("by", "on", "and", "or", "unless", "bool", "offset").contains(word)) {
        out.add(word);
      }
    }
    return out;
  }

  @Test
  void dashboardLoadsAsGrafanaProvisioningReadsIt() throws IOException {
    JsonNode map = Fixtures.object(tree, "base/configmap-acme-dashboard.yaml");
    // The Grafana sidecar writes each data key to a file that the file provisioner parses as JSON.
    JsonNode dashboard = JSON.readTree(map.path("data").path("acme-dashboard.json").asText());
    assertFalse(dashboard.path("uid").asText().isEmpty(), "provisioning needs a uid");
    assertFalse(dashboard.path("title").asText().isEmpty(), "provisioning needs a title");
    Set<Integer> ids = new HashSet<>();
    Set<String> recorded = new TreeSet<>(UsageMetrics.EXPORTED);
    for (JsonNode group : Fixtures.object(tree, RECORDING).path("spec").path("groups")) {
      group.path("rules").forEach(r -> recorded.add(r.path("record").asText()));
    }
    List<String> unknown = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertTrue(ids.add(panel.path("id").asInt()), "panel id " + panel.path("id") + " repeats");
      titles.add(panel.path("title").asText());
      for (JsonNode target : panel.path("targets")) {
        for (String metric : metricsOf(target.path("expr").asText())) {
          if (!recorded.contains(metric)) {
            unknown.add(panel.path("title").asText() + ": " + metric);
          }
        }
      }
    }
    assertEquals(
        List.of(), unknown, "every query reads a recording rule's or an exporter's metric");
    assertTrue(titles.contains("Spend per cost centre (USD per hour)"), titles::toString);
    // The check sees a metric nothing produces.
    assertEquals(
        Set.of("maas_tier:cost:rate5m", "no_such_metric"),
        metricsOf(
            "sum by (tier) (maas_tier:cost:rate5m{tier=~\"$tier\"}) / on (tier) no_such_metric[5m]"));
  }

  @Test
  void costRulesPriceEachModelAtItsDearerTokenKind() {
    Map<String, String> prices = new java.util.TreeMap<>();
    for (JsonNode group : Fixtures.object(tree, RECORDING).path("spec").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.path("record").asText().equals(UsageMetrics.PRICE_PER_TOKEN)) {
          prices.put(rule.path("labels").path("model").asText(), rule.path("expr").asText());
        }
      }
    }
    // granite-8b: max(0.2, 0.6) per million; llama-70b: max(3, 15) per million.
    assertEquals(
        Map.of(
            "granite-8b",
            "vector("
                + new java.math.BigDecimal("0.6")
                    .divide(new java.math.BigDecimal(1_000_000))
                    .toPlainString()
                + ")",
            "llama-70b",
            "vector(0.000015)"),
        prices);
    String alerts = tree.text(ALERTS);
    // premium: 80% of 2000; cost centre cc-research: 80% of (2000 + 50000).
    assertTrue(
        alerts.contains("maas_tier:cost:30d{tier=\\\"premium\\\"} > " + (2000 * 80 / 100)), alerts);
    assertTrue(
        alerts.contains(
            "maas_cost_center:cost:30d{cost_center=\\\"cc-research\\\"} > "
                + ((2000 + 50000) * 80 / 100)),
        alerts);
  }

  @Test
  void attributionLabelsResolveToTheCallersCostCentre() throws CelFailure {
    JsonNode labels =
        Fixtures.object(tree, "base/telemetrypolicy-acme-telemetry.yaml")
            .at("/spec/metrics/default/labels");
    var costCenter = CelEngine.withVariables("auth").compile(labels.path("cost_center").asText());
    var team = CelEngine.withVariables("auth").compile(labels.path("team").asText());
    Map<String, Object> premium = Map.of("auth", Map.of("identity", Map.of("tier", "premium")));
    Map<String, Object> free = Map.of("auth", Map.of("identity", Map.of("tier", "free")));
    assertEquals("cc-research", costCenter.evaluate(premium));
    assertEquals("cc-marketing", costCenter.evaluate(free));
    assertEquals("research", team.evaluate(premium));
    // A tier without the label: the expression fails, and Kuadrant leaves the label off.
    assertThrows(CelFailure.class, () -> team.evaluate(free));
  }

  @Test
  void referenceSpecWithoutPricesHasNoCostObjects() {
    GeneratedTree reference = Fixtures.render(Fixtures.acme());
    assertFalse(reference.files().containsKey("base/configmap-acme-price-table.yaml"));
    assertFalse(reference.text(RECORDING).contains("price_per_token"));
    assertFalse(reference.text(ALERTS).contains("MaasSpendHigh"));
  }
}
