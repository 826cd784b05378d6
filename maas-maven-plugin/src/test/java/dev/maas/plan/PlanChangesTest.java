package dev.maas.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.api.PlanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each edit of the reference spec, the plan against the reference output names exactly what
 * changed.
 */
class PlanChangesTest {

  @TempDir static Path dir;

  private static String reference;
  private static Path baseFolder;

  @BeforeAll
  static void generateTheBase() throws IOException {
    reference = PlanFixture.reference();
    baseFolder = PlanFixture.generate(dir.resolve("base"), reference);
  }

  private static PlanResult plan(String name, String spec) throws IOException {
    return PlanFixture.plan(dir.resolve(name), spec, baseFolder.toString(), null, null);
  }

  private static String markdown(PlanResult result) throws IOException {
    String text = Files.readString(result.markdown());
    assertEquals(result.report().markdown(), text);
    return text;
  }

  private static List<String> changes(PlanResult result) {
    return result.report().platforms().get(0).changes().stream()
        .map(c -> c.text() + (c.breaking() ? " (breaking)" : ""))
        .toList();
  }

  /** The reference spec without its model mnist-classifier. */
  private static String withoutMnist() {
    return PlanFixture.edit(
        reference,
        """

            - name: mnist-classifier
              namespace: vision
              serving: predictor
              uri: s3://models/mnist/v3
              credentials: {secretName: models-s3}
              autoscaling: {minReplicas: 1, maxReplicas: 4, metric: concurrency, target: 8}
              resources: {cpu: "2", memory: 4Gi}
        """,
        "\n");
  }

  /** The matrix row of {@code tier} in the Markdown. */
  private static String row(String markdown, String tier) {
    return markdown
        .lines()
        .filter(l -> l.startsWith("| **" + tier + "** |"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void unchangedSpecSaysNoChanges() throws IOException {
    PlanResult result = plan("same", reference);
    assertTrue(result.report().noChanges());
    assertEquals(List.of(), result.breaking());
    String md = markdown(result);
    assertTrue(md.contains("**Summary:** no changes.\n"), md);
    assertTrue(md.contains("No change of tiers, models, access or limits."));
    assertTrue(md.contains("No object changes."));
    assertEquals(
        "| **free** | requests 5/2m; tokens 1,000/1m; per user | no access | no access"
            + " | requests 5/2m; tokens unlimited; per user |",
        row(md, "free"));
    JsonNode json = new ObjectMapper().readTree(Files.readString(result.json()));
    assertTrue(json.path("noChanges").asBoolean());
    assertFalse(json.path("breaking").asBoolean());
  }

  @Test
  void raisedLimitIsNamedAndItsCellMarked() throws IOException {
    PlanResult result =
        plan(
            "raise",
            PlanFixture.edit(
                reference,
                "tokens: [{limit: 20000, window: 1m}]",
                "tokens: [{limit: 40000, window: 1m}]"));
    assertEquals(List.of("premium: tokens per 1m for llama-70b 20,000 → 40,000"), changes(result));
    String md = markdown(result);
    assertTrue(md.contains("- premium: tokens per 1m for llama-70b 20,000 → 40,000\n"), md);
    assertEquals(
        "| **premium** | requests 20/2m; tokens 50,000/1m, 2,000,000/1d; per user"
            + " | ~~requests 20/2m; tokens 20,000/1m; per user~~ → **requests 20/2m; tokens 40,000/1m; per user**"
            + " | no access | requests 20/2m; tokens unlimited; per user |",
        row(md, "premium"));
    assertTrue(md.contains("**Summary:** 0 objects added, 2 changed, 0 removed"), md);
    assertTrue(
        md.contains(
            "<details><summary>changed TokenRateLimitPolicy maas-system/acme-token-limits</summary>"));
    assertTrue(md.contains("-      - limit: 20000\n+      - limit: 40000\n"), md);
    assertEquals(List.of(), result.breaking());
    assertTrue(md.contains("tier_premium -->|\"req 20/2m · tok 40,000/1m\"| model_llama_70b"), md);
  }

  @Test
  void loweredLimitIsBreaking() throws IOException {
    PlanResult result =
        plan(
            "lower",
            PlanFixture.edit(
                reference,
                "requests: [{limit: 5, window: 2m}]",
                "requests: [{limit: 3, window: 2m}]"));
    assertEquals(List.of("free: requests per 2m for granite-8b 5 → 3 (breaking)"), changes(result));
    assertEquals(List.of("free: requests per 2m for granite-8b 5 → 3"), result.breaking());
    String md = markdown(result);
    assertTrue(md.contains("- free: requests per 2m for granite-8b 5 → 3 — **breaking**\n"), md);
    assertTrue(
        md.contains(
            "> [!WARNING]\n> 1 breaking change: callers may be refused what they get today."));
    assertTrue(
        row(md, "free")
            .endsWith(
                "| ~~requests 5/2m; tokens unlimited; per user~~ → **requests 3/2m; tokens"
                    + " unlimited; per user** |"),
        row(md, "free"));
  }

  @Test
  void removedModelIsBreakingAndItsObjectsGo() throws IOException {
    PlanResult result = plan("remove-model", withoutMnist());
    assertEquals(List.of("model mnist-classifier removed (breaking)"), changes(result));
    String md = markdown(result);
    assertTrue(md.contains("- model mnist-classifier removed — **breaking**\n"), md);
    assertTrue(
        md.contains("<details><summary>removed InferenceService vision/mnist-classifier</summary>"),
        md);
    assertTrue(
        md.contains("<details><summary>removed HTTPRoute vision/acme-mnist-classifier</summary>"),
        md);
    assertTrue(
        md.contains(
            "<details><summary>removed ScaledObject vision/mnist-classifier-predictor</summary>"),
        md);
    assertTrue(
        row(md, "enterprise")
            .contains("| ~~requests unlimited; tokens 1,000,000/1m; shared by tier~~ (removed) |"),
        row(md, "enterprise"));
  }

  @Test
  void removedModelLeavesDashedEdgesFromTheTiersThatHadIt() throws IOException {
    PlanResult result = plan("remove-model-diagram", withoutMnist());
    String md = markdown(result);
    assertTrue(md.contains("    model_mnist_classifier([\"mnist-classifier · removed\"])\n"), md);
    assertTrue(md.contains("  tier_enterprise -.->|\"access lost\"| model_mnist_classifier\n"), md);
    assertFalse(
        md.contains("tier_premium -.->|\"access lost\"| model_mnist_classifier"),
        "premium never had it: " + md);
  }

  @Test
  void windowsKeepTheSpecsSpelling() throws IOException {
    PlanResult result =
        plan(
            "week",
            PlanFixture.edit(
                reference, "- {limit: 2000000, window: 1d}", "- {limit: 2000000, window: 7d}"));
    String md = markdown(result);
    // The object diffs show the policies as written, in Kuadrant's hours; every sentence and cell
    // uses days.
    assertFalse(md.substring(0, md.indexOf("<details>")).contains("168h"), md);
    assertTrue(
        row(md, "premium")
            .startsWith(
                "| **premium** | ~~requests 20/2m; tokens 50,000/1m, 2,000,000/1d; per user~~"
                    + " → **requests 20/2m; tokens 50,000/1m, 2,000,000/7d; per user** |"),
        row(md, "premium"));
    assertTrue(
        md.contains(
            "tier_premium -->|\"req 20/2m · tok 50,000/1m, 2,000,000/7d\"| model_granite_8b"),
        md);
    assertTrue(
        changes(result).stream().anyMatch(c -> c.contains(" per 7d ")), changes(result)::toString);
  }

  @Test
  void addedTierIsNamedWithItsNewRow() throws IOException {
    PlanResult result =
        plan(
            "add-tier",
            PlanFixture.edit(
                reference,
                "\n  models:\n",
                """

            - name: gold
              level: 30
              groups: [gold-users]
              models: [llama-70b]
              limits:
                tokens: [{limit: 5000000, window: 1m}]

          models:
        """));
    assertEquals(List.of("tier gold added"), changes(result));
    String md = markdown(result);
    assertTrue(md.contains("- tier gold added\n"));
    assertEquals(
        "| **gold** | **no access** (new) | **requests unlimited; tokens 5,000,000/1m; per user** (new)"
            + " | **no access** (new) | **requests unlimited; tokens unlimited** (new) |",
        row(md, "gold"));
    assertTrue(md.contains("tier_gold[\"gold · level 30\"]"), md);
  }

  @Test
  void changedGroupsAreListedAndALostGroupIsBreaking() throws IOException {
    PlanResult result =
        plan(
            "groups",
            PlanFixture.edit(
                reference,
                "groups: [enterprise-users, \"acme:ml-admins\"]",
                "groups: [enterprise-users, \"acme:platform-admins\"]"));
    assertEquals(
        List.of("enterprise: groups changed: +acme:platform-admins, -acme:ml-admins (breaking)"),
        changes(result));
    assertTrue(
        markdown(result)
            .contains(
                "- enterprise: groups changed: +`acme:platform-admins`, -`acme:ml-admins`"
                    + " — **breaking**\n"),
        markdown(result));
  }

  @Test
  void removedAccessIsBreakingAndGainedAccessIsNot() throws IOException {
    String spec =
        PlanFixture.edit(
            reference,
            """
              models: [granite-8b, llama-70b]
              limits:
                requests: [{limit: 20, window: 2m}]
                tokens:
                  - {limit: 50000, window: 1m}
                  - {limit: 2000000, window: 1d}
              modelLimits:
                llama-70b:
                  tokens: [{limit: 20000, window: 1m}]
        """,
            """
              models: [granite-8b]
              limits:
                requests: [{limit: 20, window: 2m}]
                tokens:
                  - {limit: 50000, window: 1m}
                  - {limit: 2000000, window: 1d}
        """);
    spec =
        PlanFixture.edit(
            spec,
            "models: [granite-8b]\n      limits:\n        requests: [{limit: 5, window: 2m}]",
            "models: [granite-8b, mnist-classifier]\n      limits:\n        requests: [{limit: 5, window: 2m}]");
    PlanResult result = plan("access", spec);
    assertEquals(
        List.of(
            "free gains access to mnist-classifier",
            "premium loses access to llama-70b (breaking)"),
        changes(result));
    String md = markdown(result);
    assertTrue(md.contains("- free gains access to mnist-classifier\n"));
    assertTrue(md.contains("- premium loses access to llama-70b — **breaking**\n"));
    assertTrue(
        row(md, "premium")
            .contains("| ~~requests 20/2m; tokens 20,000/1m; per user~~ → **no access** |"));
    assertTrue(md.contains("tier_premium -.->|\"access lost\"| model_llama_70b"), md);
    JsonNode json = new ObjectMapper().readTree(Files.readString(result.json()));
    assertTrue(json.path("breaking").asBoolean());
    JsonNode cell = null;
    for (JsonNode c : json.path("platforms").path(0).path("matrix").path("cells")) {
      if (c.path("tier").asText().equals("premium")
          && c.path("model").asText().equals("llama-70b")) {
        cell = c;
      }
    }
    assertTrue(cell.path("changed").asBoolean());
    assertEquals(20000, cell.path("before").path("tokens").path(0).path("limit").asLong());
    assertFalse(cell.path("after").path("access").asBoolean());
  }

  @Test
  void emptyBaseAddsEverything() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("nothing"));
    PlanResult result =
        PlanFixture.plan(dir.resolve("fresh"), reference, empty.toString(), null, null);
    List<String> changes = changes(result);
    assertEquals(
        List.of(
            "tier free added",
            "tier premium added",
            "tier enterprise added",
            "model granite-8b added",
            "model llama-70b added",
            "model mnist-classifier added"),
        changes);
    String md = Files.readString(result.markdown());
    assertTrue(md.contains("**Summary:** 48 objects added, 0 changed, 0 removed"), md);
  }
}
