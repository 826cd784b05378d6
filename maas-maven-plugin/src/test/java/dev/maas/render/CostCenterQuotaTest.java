package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.testing.BoundSpecs;
import dev.maas.testing.Promtool;
import dev.maas.validate.SpecValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost centres' quota alerts: a cost centre whose tiers share their counters gets an alert at
 * the warning share of the sum of their limits over each window they all limit, which Prometheus's
 * own rule tester fires on the usage that passes it and not below; a cost centre with a per-user
 * tier has no quota and gets none.
 */
class CostCenterQuotaTest {

  private static final String ALERTS = "base/prometheusrule-quota-alerts.yaml";

  private static final String SPEC =
      String.join(
          "\n",
          "apiVersion: maas/v1alpha1",
          "kind: Platform",
          "metadata: {name: quota}",
          "spec:",
          "  gateway: {name: gw, namespace: gw-ns, className: istio, hostname: maas.example.com,"
              + " tls: {secretName: tls}}",
          "  auth: {users: {oidc: {issuerUrl: 'https://sso.example.com'}}}",
          "  tokens: {namespace: maas, defaultTTL: 4h, maxTTL: 8h, signingKeySecret: key}",
          "  tiers:",
          "    - {name: gold, level: 2, groups: [gold], costCenter: cc-research,",
          "       limits: {counter: tier, tokens: [{limit: 1000, window: 1m},"
              + " {limit: 100000, window: 1h}]}}",
          "    - {name: silver, level: 1, groups: [silver], costCenter: cc-research,",
          "       limits: {counter: tier, tokens: [{limit: 500, window: 60s}]}}",
          "    - {name: staff, level: 0, groups: [staff], costCenter: cc-ops,",
          "       limits: {tokens: [{limit: 800, window: 1m}]}}",
          "  models: [{name: m, namespace: llm, uri: 'hf://org/m'}]",
          "  limitador: {storage: {redis: {secretName: redis}}}",
          "  observability: {alerts: {tokenUsageWarnPercent: 80}}",
          "  gitops: {repoURL: 'https://git.example.com/r.git', path: clusters/quota, argocd: {}}",
          "");

  private static GeneratedTree tree;

  @BeforeAll
  static void render() {
    Platform platform =
        BoundSpecs.platform(
            new SpecValidator().validate(SPEC.getBytes(StandardCharsets.UTF_8), "quota.yaml"));
    tree = Fixtures.render(platform);
  }

  private static List<JsonNode> quotaAlerts() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode group : Fixtures.object(tree, ALERTS).path("spec").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.path("alert").asText().equals("MaasCostCenterTokenUsageHigh")) {
          out.add(rule);
        }
      }
    }
    return out;
  }

  @Test
  void onlyTheWindowsEveryTierSharesMakeAQuota() {
    // cc-research: gold 1000 + silver 500 per minute (60s is 1m); silver has no hourly limit, so
    // the hour has no quota; cc-ops's staff counts per user, so cc-ops has none.
    List<JsonNode> alerts = quotaAlerts();
    assertEquals(1, alerts.size(), alerts::toString);
    JsonNode alert = alerts.get(0);
    assertEquals(
        "sum(increase(authorized_hits{cost_center=\"cc-research\"}[1m])) > 1200",
        alert.path("expr").asText());
    assertEquals("cc-research", alert.path("labels").path("cost_center").asText());
    assertEquals("1m", alert.path("labels").path("window").asText());
  }

  @Test
  void prometheusFiresItAboveTheShareAndNotBelow(@TempDir Path dir) throws Exception {
    Promtool.assumeInstalled("the alerts are not run");
    Promtool.writeRuleFile(dir.resolve("alerts.yaml"), Fixtures.object(tree, ALERTS).path("spec"));
    // Quoted for a single-quoted YAML scalar.
    String summary =
        quotaAlerts().get(0).path("annotations").path("summary").asText().replace("'", "''");
    // Samples every 15 s: gold 175 and silver 150 tokens each time (1300 a minute, over 1200);
    // alone, gold's 700 a minute stays under; cc-ops's use never counts for cc-research.
    String tests =
        String.join(
            "\n",
            "rule_files: [alerts.yaml]",
            "evaluation_interval: 15s",
            "tests:",
            "  - interval: 15s",
            "    input_series:",
            "      - series: 'authorized_hits{cost_center=\"cc-research\", tier=\"gold\","
                + " model=\"m\", user=\"a\"}'",
            "        values: '0+175x40'",
            "      - series: 'authorized_hits{cost_center=\"cc-research\", tier=\"silver\","
                + " model=\"m\", user=\"b\"}'",
            "        values: '0+150x40'",
            "    alert_rule_test:",
            "      - eval_time: 5m",
            "        alertname: MaasCostCenterTokenUsageHigh",
            "        exp_alerts:",
            "          - exp_labels: {severity: warning, cost_center: cc-research, window: 1m}",
            "            exp_annotations: {summary: '" + summary + "'}",
            "  - interval: 15s",
            "    input_series:",
            "      - series: 'authorized_hits{cost_center=\"cc-research\", tier=\"gold\","
                + " model=\"m\", user=\"a\"}'",
            "        values: '0+175x40'",
            "      - series: 'authorized_hits{cost_center=\"cc-ops\", tier=\"staff\","
                + " model=\"m\", user=\"c\"}'",
            "        values: '0+5000x40'",
            "    alert_rule_test:",
            "      - eval_time: 5m",
            "        alertname: MaasCostCenterTokenUsageHigh",
            "        exp_alerts: []",
            "");
    Path testFile = dir.resolve("quota-test.yaml");
    Files.writeString(testFile, tests);
    assertEquals(0, promtool(dir, testFile), "the quota alert behaves as specified");
    // The tester is real: expecting the alert below the share fails.
    Files.writeString(
        testFile,
        tests.replace(
            "        exp_alerts: []",
            "        exp_alerts:\n          - exp_labels: {severity: warning,"
                + " cost_center: cc-research, window: 1m}"));
    assertEquals(1, promtool(dir, testFile));
  }

  private static int promtool(Path dir, Path tests) throws Exception {
    Promtool run = Promtool.run(dir, "test", "rules", tests.getFileName().toString());
    if (run.exitValue() != 0) {
      System.out.println(run.output());
    }
    return run.exitValue();
  }
}
