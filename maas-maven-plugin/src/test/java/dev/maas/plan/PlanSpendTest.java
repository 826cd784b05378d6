package dev.maas.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.PlanResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's cost side on the reference spec with prices (three tiers): the worst-case spend table
 * against sums worked out by hand, a raised limit flagged past {@code
 * maas.plan.spendIncreaseWarnPercent}, and the counters a renamed tier restarts.
 */
class PlanSpendTest {

  @TempDir static Path dir;

  private static String priced;
  private static Path baseFolder;

  /** Minutes in the 30-day month the table is for. */
  private static final long MINUTES = 30L * 24 * 60;

  @BeforeAll
  static void generateTheBase() throws IOException {
    priced =
        Files.readString(
            PlanFixture.repoRoot()
                .resolve("maas-maven-plugin/src/test/resources/specs/acme-priced.yaml"));
    baseFolder = PlanFixture.generate(dir.resolve("base"), priced);
  }

  private static PlanResult plan(String name, String spec) throws IOException {
    return PlanFixture.plan(dir.resolve(name), spec, baseFolder.toString(), null, null);
  }

  private static BigDecimal perMillion(String price) {
    return new BigDecimal(price).divide(BigDecimal.valueOf(1_000_000));
  }

  private static Map<String, String> amounts(PlanCost cost) {
    return cost.after().stream()
        .collect(
            Collectors.toMap(
                SpendTable.Row::tier,
                r ->
                    (r.amount() == null ? "unbounded" : SpendTable.money(r.amount()))
                        + (r.perUser() ? " per user" : "")));
  }

  @Test
  void spendTableMatchesTheSumsByHand() throws IOException {
    PlanCost cost = plan("same", priced).report().platforms().get(0).cost();
    // Each counted token at the dearer of input and output: granite-8b 0.6, llama-70b 15 per
    // million.
    BigDecimal granite = perMillion("0.6");
    BigDecimal llama = perMillion("15");
    // free: 1,000 tokens/1m per user on granite-8b, 43,200 minutes a month.
    BigDecimal free = BigDecimal.valueOf(1000 * MINUTES).multiply(granite);
    // premium: granite-8b under the tier's rates, the tightest being 30,000,000 per 30d (50,000/1m
    // gives
    // 2,160,000,000; 2,000,000/1d gives 60,000,000); llama-70b under its own 20,000/1m (864,000,000
    // tokens), below its
    // cap of 500,000,000/1d (15,000,000,000 tokens a month).
    BigDecimal premium =
        BigDecimal.valueOf(Math.min(Math.min(50_000 * MINUTES, 2_000_000L * 30), 30_000_000L))
            .multiply(granite)
            .add(BigDecimal.valueOf(Math.min(20_000 * MINUTES, 500_000_000L * 30)).multiply(llama));
    // enterprise: one counter of 1,000,000/1m for the whole tier over every model, priced at the
    // dearest (llama-70b);
    // mnist-classifier has no price and no cap, so the caps do not bound it.
    BigDecimal enterprise = BigDecimal.valueOf(1_000_000 * MINUTES).multiply(llama);
    assertEquals(
        Map.of(
            "free",
            SpendTable.money(free) + " per user",
            "premium",
            SpendTable.money(premium) + " per user",
            "enterprise",
            SpendTable.money(enterprise)),
        amounts(cost));
    assertEquals(
        Map.of(
            "free", "25.92 per user", "premium", "12,978.00 per user", "enterprise", "648,000.00"),
        amounts(cost),
        "the same sums, as the table prints them");
    assertEquals("USD", cost.currency());
    assertEquals(List.of(), cost.resets());
    String markdown = Files.readString(dir.resolve("same/report/plan.md"));
    assertTrue(markdown.contains("### Worst-case spend per month"), markdown);
    assertTrue(
        markdown.contains("| premium | `cc-research` | per user | 12,978.00 | 12,978.00 | +0.0% |"),
        markdown);
    assertTrue(markdown.contains("min(limit × ⌈30d ÷ window⌉"), "the formula is stated");
  }

  @Test
  void raisedLimitFlagsTheSpendIncrease() throws IOException {
    PlanResult result =
        plan(
            "raise",
            PlanFixture.edit(
                priced,
                "tokens: [{limit: 20000, window: 1m}]",
                "tokens: [{limit: 40000, window: 1m}]"));
    // premium's llama-70b counter doubles: 20,000 → 40,000 tokens/1m.
    BigDecimal before = new BigDecimal("12978");
    BigDecimal after =
        BigDecimal.valueOf(30_000_000L)
            .multiply(perMillion("0.6"))
            .add(BigDecimal.valueOf(40_000 * MINUTES).multiply(perMillion("15")));
    String expected =
        "premium: worst-case spend per month 12,978.00 → "
            + SpendTable.money(after)
            + " USD per user (+"
            + after
                .subtract(before)
                .multiply(BigDecimal.valueOf(100))
                .divide(before, java.math.MathContext.DECIMAL64)
                .setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString()
            + "%, past maas.plan.spendIncreaseWarnPercent=20)";
    assertTrue(result.breaking().contains(expected), () -> String.join("\n", result.breaking()));
  }

  @Test
  void smallRiseIsNotBreaking() throws IOException {
    // free: 1,000 → 1,100 tokens/1m is +10%, below the default 20%.
    PlanResult result =
        plan(
            "small",
            PlanFixture.edit(
                priced,
                "tokens: [{limit: 1000, window: 1m}]",
                "tokens: [{limit: 1100, window: 1m}]"));
    List<PolicyChange> changes = result.report().platforms().get(0).changes();
    PolicyChange spend =
        changes.stream()
            .filter(c -> c.text().startsWith("free: worst-case spend"))
            .findFirst()
            .orElseThrow();
    assertFalse(spend.breaking(), spend.text());
    assertTrue(spend.text().endsWith("(+10.0%)"), spend.text());
  }

  @Test
  void renamedTierListsTheCountersThatRestart() throws IOException {
    PlanResult result =
        plan("rename", PlanFixture.edit(priced, "- name: free\n", "- name: basic\n"));
    List<QuotaContinuity.Reset> resets = result.report().platforms().get(0).cost().resets();
    assertEquals(
        List.of(
            "counter `free-requests` per 2m (granite-8b) is left behind: each user of tier basic (renamed from free)"
                + " starts again from zero on sync",
            "counter `free-tokens` per 1m (granite-8b) is left behind: each user of tier basic (renamed from free)"
                + " starts again from zero on sync"),
        resets.stream().map(QuotaContinuity.Reset::text).toList());
    String markdown = Files.readString(dir.resolve("rename/report/plan.md"));
    assertTrue(markdown.contains("### Quota continuity"), markdown);
  }

  @Test
  void raisedLimitKeepsItsCounterButAnotherWindowRestartsIt() throws IOException {
    // A limit's value is not part of its counter's key; its window is.
    assertEquals(
        List.of(),
        plan(
                "value",
                PlanFixture.edit(
                    priced, "- {limit: 30000000, window: 30d}", "- {limit: 40000000, window: 30d}"))
            .report()
            .platforms()
            .get(0)
            .cost()
            .resets());
    List<String> resets =
        plan(
                "window",
                PlanFixture.edit(
                    priced, "- {limit: 30000000, window: 30d}", "- {limit: 30000000, window: 31d}"))
            .report()
            .platforms()
            .get(0)
            .cost()
            .resets()
            .stream()
            .map(QuotaContinuity.Reset::text)
            .toList();
    assertEquals(
        List.of(
            "counter `premium-tokens` per 30d (granite-8b) is left behind: each user of tier premium"
                + " starts again from zero on sync"),
        resets);
  }

  @Test
  void referenceSpecWithoutPricesHasNoSpendTable() throws IOException {
    Path base = PlanFixture.generate(dir.resolve("plain-base"), PlanFixture.reference());
    PlanResult result =
        PlanFixture.plan(
            dir.resolve("plain"), PlanFixture.reference(), base.toString(), null, null);
    PlanCost cost = result.report().platforms().get(0).cost();
    assertNull(cost.currency());
    assertTrue(cost.after().isEmpty());
    assertFalse(Files.readString(dir.resolve("plain/report/plan.md")).contains("Worst-case spend"));
  }
}
