package dev.maas.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.ExplainRequest;
import dev.maas.api.ExplainResult;
import dev.maas.api.MaasCompiler;
import dev.maas.check.proof.AccessMatrix;
import dev.maas.diag.Diagnostic;
import dev.maas.validate.Rendered;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explains a tier's request to a model, each rule traced to its spec line. */
class ExplainerTest {

  private static ExplainResult explain(String tier, String model) {
    Path root = PlanFixture.repoRoot();
    return new MaasCompiler()
        .explain(
            new ExplainRequest(
                root,
                root.resolve("platform-specs/acme.yaml"),
                null,
                PlanFixture.VERSION,
                tier,
                model));
  }

  @Test
  void premiumCallingLlamaMeetsItsOwnTokenLimit() {
    ExplainResult result = explain("premium", "llama-70b");
    assertFalse(result.hasErrors());
    assertEquals(
        List.of(
            "tier premium → model llama-70b (POST /llm/llama-70b/v1/chat/completions): ALLOWED",
            "  model llama-70b is served at /llm/llama-70b/  [platform-specs/acme.yaml:69:13]",
            "  access: tier premium lists model llama-70b  [platform-specs/acme.yaml:42:28]",
            "  gateway: allows — AuthPolicy maas-system/acme-gateway-auth authenticates the token (rule maas-tokens),"
                + " checks its audience maas:acme and that it is not revoked, and its tier-access predicate admits tier"
                + " premium on /llm/llama-70b/v1/chat/completions, /llm/llama-70b/v1/completions, /llm/llama-70b/v1/responses,"
                + " /llm/llama-70b/v1/embeddings  [base/authpolicy-acme-gateway-auth.yaml]",
            "  route: HTTPRoute maas-system/acme-models takes it to LLMInferenceService llm/llama-70b; every limit below is"
                + " counted in Limitador namespace maas-system/acme-models",
            "  request limit premium-requests: 20 requests per 2m, per user  [platform-specs/acme.yaml:44:20]",
            "  token limit premium-llama-70b-tokens: 20,000 tokens per 1m, per user (this model's own limit)"
                + "  [platform-specs/acme.yaml:50:20]",
            "  counter: each user has a counter of their own (the default)  [platform-specs/acme.yaml:44:9]"),
        result.explanations().get(0).lines());
  }

  @Test
  void freeCallingLlamaIsDeniedAndSaysWhy() {
    List<String> lines = explain("free", "llama-70b").explanations().get(0).lines();
    assertEquals(
        "tier free → model llama-70b (POST /llm/llama-70b/v1/chat/completions): DENIED",
        lines.get(0));
    assertHasLine(
        lines,
        "  access: tier free does not list model llama-70b  [platform-specs/acme.yaml:33:15]");
    assertHasLine(
        lines,
        "  gateway: denies with 403 — AuthPolicy maas-system/acme-gateway-auth denies it (rule"
            + " tier-access)  [base/authpolicy-acme-gateway-auth.yaml]");
  }

  @Test
  void enterpriseSharesOneCounter() {
    List<String> lines = explain("enterprise", "mnist-classifier").explanations().get(0).lines();
    assertHasLine(
        lines,
        "  access: tier enterprise lists no models, so it may call every model"
            + "  [platform-specs/acme.yaml:52:13]");
    assertHasLine(
        lines,
        "  token limit enterprise-tokens: 1,000,000 tokens per 1m, shared by the tier"
            + "  [platform-specs/acme.yaml:58:18]");
    assertHasLine(
        lines,
        "  counter: all users of tier enterprise share one counter"
            + "  [platform-specs/acme.yaml:57:18]");
  }

  @Test
  void unknownTierIsALocatedErrorWithASuggestion() {
    ExplainResult result = explain("premum", "llama-70b");
    assertEquals(
        List.of(
            "platform-specs/acme.yaml: error: /spec/tiers: platform acme has no tier `premum` (tiers:"
                + " free, premium, enterprise) (did you mean `premium`?)"),
        errors(result));
    assertEquals(List.of(), result.explanations());
  }

  @Test
  void missingTierAndModelSayWhichPropertyToSetAndItsValues() {
    ExplainResult result = explain(null, null);
    assertEquals(
        List.of(
            "platform-specs/acme.yaml: error: /spec/tiers: -Dmaas.tier is required; tiers are: free, premium, enterprise"
                + " (add -Dmaas.tier=free)",
            "platform-specs/acme.yaml: error: /spec/models: -Dmaas.model is required; models are: granite-8b, llama-70b,"
                + " mnist-classifier (add -Dmaas.model=granite-8b)"),
        errors(result));
  }

  @Test
  void pricedSpecShowsPriceQuotaAndWorstCaseSpend() {
    Path root = PlanFixture.repoRoot();
    ExplainResult result =
        new MaasCompiler()
            .explain(
                new ExplainRequest(
                    root,
                    root.resolve("maas-maven-plugin/src/test/resources/specs/acme-priced.yaml"),
                    null,
                    PlanFixture.VERSION,
                    "premium",
                    "llama-70b"));
    assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
    List<String> lines = result.explanations().get(0).lines();
    String all = String.join("\n", lines);
    // 20,000 tokens per minute for 43,200 minutes; 15 USD per million (the dearer of 3 and 15).
    long tokens = 20_000L * 30 * 24 * 60;
    assertTrue(
        lines.contains(
            "  quota: at most "
                + AccessMatrix.number(tokens)
                + " tokens in 30 days per user"
                + " (20000/1m, the tightest of limit × ⌈30d ÷ window⌉)"),
        all);
    assertTrue(
        all.contains(
            "  price: 3 USD per million input tokens, 15 per million output tokens; every counted token"
                + " priced at the dearer, 15 per million  [maas-maven-plugin/src/test/resources/specs/acme-priced.yaml:"),
        all);
    assertTrue(
        lines.contains(
            "  worst-case spend: "
                + SpendTable.money(
                    java.math.BigDecimal.valueOf(tokens * 15)
                        .divide(java.math.BigDecimal.valueOf(1_000_000)))
                + " USD per 30 days per user = "
                + AccessMatrix.number(tokens)
                + " tokens × 15 per million"),
        all);
    assertTrue(
        all.contains(
            "  model cap model.llama-70b.tokens: 500000000/24h, one counter for every caller of"
                + " llama-70b in every tier"),
        all);
    assertFalse(all.contains("not in the spec"), all);
  }

  /** The errors of {@code result}, rendered without their codes. */
  private static List<String> errors(ExplainResult result) {
    return result.diagnostics().stream()
        .filter(Diagnostic::isError)
        .map(Rendered::withoutCode)
        .toList();
  }

  private static void assertHasLine(List<String> lines, String line) {
    assertTrue(lines.contains(line), String.join("\n", lines));
  }
}
