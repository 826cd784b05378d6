package dev.maas.check.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.render.PlatformRenderer;
import dev.maas.render.RenderOptions;
import dev.maas.testing.BoundSpecs;
import dev.maas.validate.SpecValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A model's cap is one Limitador counter for the model, whoever calls it: two tiers with two users
 * each calling the capped model all add to the same cap counter, while their tier limits keep a
 * counter per user.
 */
class ModelCapCountersTest {

  private static final String SPEC =
      String.join(
          "\n",
          "apiVersion: maas/v1alpha1",
          "kind: Platform",
          "metadata: {name: acme}",
          "spec:",
          "  gateway: {name: gw, namespace: maas-system, className: istio, hostname: maas.example.com,"
              + " tls: {secretName: tls}}",
          "  auth: {users: {kubernetes: {audiences: ['https://kubernetes.default.svc']}}}",
          "  tokens: {namespace: maas-system, defaultTTL: 4h, maxTTL: 8h, signingKeySecret: key}",
          "  tiers:",
          "    - {name: free, level: 0, groups: [everyone], limits: {tokens: [{limit: 1000, window: 1m}]}}",
          "    - {name: gold, level: 10, groups: [gold-users], limits: {tokens: [{limit: 50000, window: 1m}]}}",
          "  models:",
          "    - name: llama",
          "      namespace: llm",
          "      uri: hf://org/llama",
          "      replicas: 1",
          "      limits: {tokens: [{limit: 5000000, window: 1d}]}",
          "    - {name: granite, namespace: llm, uri: 'hf://org/granite', replicas: 1}",
          "  limitador: {storage: {redis: {secretName: redis}}}",
          "");

  private static Platform platform() {
    return BoundSpecs.platform(
        new SpecValidator().validate(SPEC.getBytes(StandardCharsets.UTF_8), "cap.yaml"));
  }

  @Test
  void twoTiersTimesTwoUsersShareOneCapCounter() {
    Platform platform = platform();
    GeneratedTree tree = new PlatformRenderer(new RenderOptions(null, "test")).render(platform);
    PolicyEvaluator evaluator =
        new PolicyEvaluator(GatewayObjects.of(tree), PolicyProof.issuer(platform));
    List<Verdict> verdicts = new ArrayList<>();
    for (String tier : List.of("free", "gold")) {
      for (String user : List.of("alice", "bob")) {
        Verdict verdict =
            evaluator.evaluate(
                SyntheticRequest.withToken(
                    "POST",
                    "/llm/llama/v1/chat/completions",
                    tier,
                    user + "-" + tier,
                    PolicyProof.audience(platform)));
        assertTrue(verdict.authorized(), () -> tier + "/" + user + ": " + verdict.denial());
        verdicts.add(verdict);
      }
    }
    SortedSet<String> counters = RuntimeModel.countersOf(verdicts);
    List<String> cap = counters.stream().filter(c -> c.contains(" model.llama.tokens ")).toList();
    assertEquals(
        List.of(
            "TokenRateLimitPolicy maas-system/acme-token-limits model.llama.tokens"
                + " @ maas-system/acme-models per 24h"),
        cap,
        () -> "all counters: " + counters);
    // The tier limits still count per user: 2 tiers × 2 users, one 1m counter each.
    List<String> perUser =
        counters.stream().filter(c -> !c.contains(" model.")).collect(Collectors.toList());
    assertEquals(4, perUser.size(), () -> "per-user counters: " + perUser);
    assertEquals(5, counters.size());

    // The other model has no cap: its calls add to the tier counters only.
    Verdict granite =
        evaluator.evaluate(
            SyntheticRequest.withToken(
                "POST",
                "/llm/granite/v1/chat/completions",
                "free",
                "alice-free",
                PolicyProof.audience(platform)));
    assertTrue(
        RuntimeModel.countersOf(List.of(granite)).stream().noneMatch(c -> c.contains(" model.")));
  }

  @Test
  void theProofAcceptsTheCapAndCatchesOneCountedPerTier() {
    Platform platform = platform();
    GeneratedTree tree = new PlatformRenderer(new RenderOptions(null, "test")).render(platform);
    assertEquals(
        List.of(),
        new PolicyProof()
            .prove(platform, tree).findings().stream().map(Diagnostic::render).toList());
    // A cap counted per user is no cap: the proof sees it read the caller and misses the shared
    // counter.
    String file = "base/tokenratelimitpolicy-acme-token-limits.yaml";
    GeneratedTree perUser =
        Reference.edit(
            tree,
            file,
            "    model.llama.tokens:\n",
            "    model.llama.tokens:\n      counters:\n      - expression: auth.identity.userid\n");
    List<String> found =
        new PolicyProof()
            .prove(platform, perUser).findings().stream().map(Diagnostic::render).toList();
    assertTrue(
        found.stream()
            .anyMatch(
                f ->
                    f.contains(
                        "no token cap shared by all callers matches, expected" + " 5000000/24h")),
        () -> String.join("\n", found));
  }
}
