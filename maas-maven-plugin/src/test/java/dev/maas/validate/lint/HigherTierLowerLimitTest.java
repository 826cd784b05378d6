package dev.maas.validate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.SpecValidator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rule compares two tiers model by model only where one of them sets limits of its own; on
 * random platforms its findings are exactly those of comparing every model of every pair of tiers.
 */
class HigherTierLowerLimitTest {

  private static final String[] WINDOWS = {"1m", "2m", "1h"};
  private static final Pattern FINDING = Pattern.compile("fewer than tier `([^`]+)`.*, on (.*)$");

  @Test
  void findsWhatComparingEveryModelFinds() {
    int platformsWithFindings = 0;
    int overrideOnlyFindings = 0;
    for (int seed = 0; seed < 60; seed++) {
      SpecValidator.Outcome outcome = randomSpec(new Random(seed));
      Platform platform = outcome.platform();
      List<Diagnostic> findings =
          outcome.diagnostics().stream()
              .filter(d -> d.code().equals(new HigherTierLowerLimit().code()))
              .toList();
      Set<String> found = new LinkedHashSet<>();
      for (Diagnostic d : findings) {
        Matcher m = FINDING.matcher(d.message());
        assertTrue(m.find(), d.message());
        for (String model : m.group(2).split(", ")) {
          found.add(d.pointer() + " " + m.group(1) + " " + model);
        }
      }
      Set<String> expected = everyModel(platform);
      assertEquals(expected, found, "seed " + seed);
      platformsWithFindings += expected.isEmpty() ? 0 : 1;
      overrideOnlyFindings +=
          (int) expected.stream().filter(e -> e.contains("/modelLimits/")).count();
    }
    assertTrue(
        platformsWithFindings > 20, "the platforms must give findings: " + platformsWithFindings);
    assertTrue(
        overrideOnlyFindings > 20, "and findings on models' own limits: " + overrideOnlyFindings);
  }

  /**
   * Every (pointer, lower tier, model) a comparison of every model of every pair of tiers finds.
   */
  private static Set<String> everyModel(Platform platform) {
    Set<String> out = new LinkedHashSet<>();
    List<Tier> tiers = platform.tiers();
    for (int hi = 0; hi < tiers.size(); hi++) {
      for (int lo = 0; lo < tiers.size(); lo++) {
        Tier higher = tiers.get(hi);
        Tier lower = tiers.get(lo);
        if (lower.level() >= higher.level()
            || lower.limits().counterScope() != higher.limits().counterScope()) {
          continue;
        }
        for (Model model : platform.models()) {
          if (!higher.allows(model.name()) || !lower.allows(model.name())) {
            continue;
          }
          for (RateSites.Kind kind : RateSites.Kind.values()) {
            for (RateSites.Site site :
                RateSites.effective(higher, hi, model.name(), kind).sites()) {
              for (RateSites.Site other :
                  RateSites.effective(lower, lo, model.name(), kind).sites()) {
                if (other.millis() == site.millis() && other.rate().limit() > site.rate().limit()) {
                  out.add(site.pointer() + " " + lower.name() + " " + model.name());
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  private static SpecValidator.Outcome randomSpec(Random random) {
    int models = 3 + random.nextInt(6);
    StringBuilder yaml =
        new StringBuilder(
            """
        apiVersion: maas/v1alpha1
        kind: Platform
        metadata: {name: acme}
        spec:
          gateway: {name: maas-gateway, namespace: maas-system, className: istio, hostname: maas.example.com, tls: {secretName: maas-tls}}
          auth: {users: {kubernetes: {audiences: ["https://kubernetes.default.svc"]}}}
          tokens: {namespace: maas-system, defaultTTL: 4h, maxTTL: 720h, signingKeySecret: maas-key}
          tiers:
        """);
    int tiers = 2 + random.nextInt(4);
    for (int t = 0; t < tiers; t++) {
      yaml.append("    - name: tier-")
          .append(t)
          .append("\n      level: ")
          .append(t * 10)
          .append("\n      groups: [group-")
          .append(t)
          .append("]\n");
      List<String> allowed = new ArrayList<>();
      for (int m = 0; m < models; m++) {
        if (random.nextInt(4) > 0) {
          allowed.add("model-" + m);
        }
      }
      boolean all = random.nextBoolean() || allowed.isEmpty();
      if (!all) {
        yaml.append("      models: [").append(String.join(", ", allowed)).append("]\n");
      }
      yaml.append("      limits:\n        requests: ")
          .append(rates(random, 10))
          .append("\n        tokens: ")
          .append(rates(random, 1000))
          .append('\n');
      List<String> overridden = new ArrayList<>();
      for (String model : all ? modelNames(models) : allowed) {
        if (random.nextInt(3) == 0) {
          overridden.add(
              "        "
                  + model
                  + ": {"
                  + (random.nextBoolean()
                      ? "requests: " + rates(random, 10)
                      : "tokens: " + rates(random, 1000))
                  + "}\n");
        }
      }
      if (!overridden.isEmpty()) {
        yaml.append("      modelLimits:\n");
        overridden.forEach(yaml::append);
      }
    }
    yaml.append("  models:\n");
    for (String model : modelNames(models)) {
      yaml.append("    - {name: ")
          .append(model)
          .append(", namespace: llm, serving: llm, uri: hf://org/")
          .append(model)
          .append(", replicas: 1, resources: {gpus: 1, memory: 24Gi}}\n");
    }
    SpecValidator.Outcome outcome =
        new SpecValidator().validate(yaml.toString().getBytes(), "random.yaml");
    assertNotNull(
        outcome.platform(),
        () -> yaml + "\n" + outcome.diagnostics().stream().map(Diagnostic::render).toList());
    return outcome;
  }

  private static List<String> modelNames(int models) {
    List<String> names = new ArrayList<>();
    for (int m = 0; m < models; m++) {
      names.add("model-" + m);
    }
    return names;
  }

  private static String rates(Random random, int scale) {
    List<String> rates = new ArrayList<>();
    int count = 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      rates.add(
          "{limit: "
              + (1 + random.nextInt(5)) * scale
              + ", window: "
              + WINDOWS[(i + random.nextInt(2)) % 3]
              + "}");
    }
    return "[" + String.join(", ", rates) + "]";
  }
}
