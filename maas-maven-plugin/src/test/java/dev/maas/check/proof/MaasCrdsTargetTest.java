package dev.maas.check.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.check.OutputChecks;
import dev.maas.check.upstream.TargetEquivalence;
import dev.maas.check.upstream.UpstreamProof;
import dev.maas.model.Limits;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Target;
import dev.maas.model.Tier;
import dev.maas.output.GeneratedTree;
import dev.maas.render.PlatformRenderer;
import dev.maas.render.RenderOptions;
import dev.maas.validate.SpecValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference spec, less what upstream MaaS's CRDs cannot express, compiled to both targets: the
 * maas-crds output passes the real CRDs, and both outputs grant the same access and limits for
 * every tier × model; a hand edit of either output is a finding that shows both sides.
 */
class MaasCrdsTargetTest {

  static final Path CRDS = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
  static final Path REPO =
      Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
  static final String SPEC = "maas-maven-plugin/src/test/resources/targets/acme-maas-crds.yaml";

  static Platform platform;
  static GeneratedTree crds;
  static GeneratedTree kuadrant;
  static OutputChecks.Result crdsChecked;
  static OutputChecks.Result kuadrantChecked;

  @BeforeAll
  static void compileBothTargets() {
    SpecValidator.Outcome outcome = new SpecValidator().validate(REPO.resolve(SPEC), SPEC);
    assertNotNull(outcome.platform(), () -> outcome.diagnostics().toString());
    assertEquals(
        List.of(),
        outcome.diagnostics().stream().map(dev.maas.validate.Rendered::withoutCode).toList());
    platform = outcome.platform();
    assertEquals(Target.MAAS_CRDS, platform.target());
    PlatformRenderer renderer = new PlatformRenderer(new RenderOptions(null, "test"));
    crds = renderer.render(platform);
    kuadrant = renderer.render(platform.withTarget(Target.KUADRANT));
    OutputChecks checks = new OutputChecks(CRDS);
    crdsChecked = checks.checkAll(platform, crds);
    kuadrantChecked = checks.checkAll(platform.withTarget(Target.KUADRANT), kuadrant);
  }

  @Test
  void everyMaasObjectPassesTheRealCrds() {
    assertEquals(
        List.of(),
        crdsChecked.findings().stream().map(dev.maas.validate.Rendered::withoutCode).toList());
    long maasObjects =
        crds.files().keySet().stream().filter(p -> p.startsWith("base/maas")).count();
    assertEquals(8, maasObjects, "2 MaaSModelRefs, 3 MaaSSubscriptions, 3 MaaSAuthPolicies");
    // The same check sees a MaaSSubscription the CRD refuses: a window in days.
    GeneratedTree broken =
        edit(crds, "base/maassubscription-acme-premium.yaml", "window: 24h", "window: 1d");
    List<String> findings =
        new OutputChecks(CRDS)
            .structural(broken).stream().map(dev.maas.validate.Rendered::withoutCode).toList();
    assertEquals(1, findings.size(), findings::toString);
    assertTrue(
        findings.get(0).startsWith("base/maassubscription-acme-premium.yaml"), findings::toString);
    assertTrue(
        findings
            .get(0)
            .contains("spec.modelRefs[0].tokenRateLimits[1].window: \"1d\" does not match"),
        findings::toString);
  }

  @Test
  void theTargetDropsWhatUpstreamOwns() {
    assertTrue(
        crds.files().keySet().stream()
            .noneMatch(
                p ->
                    p.matches(
                        "base/(authpolicy|ratelimitpolicy|"
                            + "tokenratelimitpolicy|telemetrypolicy|deployment|httproute)-.*")),
        () -> crds.files().keySet().toString());
    assertTrue(kuadrant.files().containsKey("base/tokenratelimitpolicy-acme-token-limits.yaml"));
    String model = crds.text("base/llminferenceservice-llama-70b.yaml");
    assertTrue(
        model.contains("refs:\n      - name: maas-gateway\n        namespace: maas-system\n"),
        model);
    assertTrue(crds.text("argocd/appproject-maas.yaml").contains("namespace: models-as-a-service"));
    assertTrue(
        crds.text("argocd/appproject-maas.yaml")
            .contains("  - group: maas.opendatahub.io\n    kind: MaaSSubscription"));
  }

  @Test
  void bothTargetsGrantTheSameForEveryTierAndModel() {
    assertEquals(
        List.of(),
        kuadrantChecked.findings().stream().map(dev.maas.validate.Rendered::withoutCode).toList());
    AccessMatrix k = kuadrantChecked.matrix();
    AccessMatrix u = crdsChecked.matrix();
    assertEquals(List.of(), new TargetEquivalence().compare(platform, k, u, crds));
    assertEquals(List.of(), new TargetEquivalence().prove(platform, crds, kuadrant));
    assertEquals(List.of("free", "premium", "enterprise"), u.tiers());
    assertEquals(List.of("granite-8b", "llama-70b"), u.models());
    assertEquals(
        "requests unlimited; tokens 50,000/1m, 2,000,000/24h; per user",
        u.cell("premium", "granite-8b").text());
    assertEquals(
        "requests unlimited; tokens 20,000/1m; per user", u.cell("premium", "llama-70b").text());
    assertEquals(
        "requests unlimited; tokens 600,000/1m; per user",
        u.cell("enterprise", "granite-8b").text());
    assertEquals(
        "requests unlimited; tokens 400,000/1m; per user",
        u.cell("enterprise", "llama-70b").text());
    assertEquals("no access", u.cell("free", "llama-70b").text());
    assertEquals(k.cell("free", "llama-70b").access(), u.cell("free", "llama-70b").access());
  }

  @Test
  void anAccessPolicyWithoutAModelIsCaught() {
    GeneratedTree changed =
        edit(
            crds,
            "base/maasauthpolicy-acme-premium.yaml",
            "  - name: llama-70b\n    namespace: llm\n",
            "");
    assertEquals(
        List.of(
            "base/maassubscription-acme-premium.yaml: error: tier `premium` → model `llama-70b` differs"
                + " between the targets: kuadrant gives requests unlimited; tokens 20,000/1m; per user; maas-crds gives no access"
                + " (no MaaSAuthPolicy whose subjects hold the caller lists `llm/llama-70b`) (both targets must compile from one"
                + " spec; look for a hand edit of either output)"),
        equivalence(kuadrant, changed));
  }

  @Test
  void aSubscriptionWithAnotherLimitIsCaught() {
    GeneratedTree changed =
        edit(crds, "base/maassubscription-acme-premium.yaml", "limit: 50000", "limit: 5000");
    assertEquals(
        List.of(
            "base/maassubscription-acme-premium.yaml: error: tier `premium` → model `granite-8b` differs"
                + " between the targets: kuadrant gives requests unlimited; tokens 50,000/1m, 2,000,000/24h; per user; maas-crds"
                + " gives requests unlimited; tokens 5,000/1m, 2,000,000/24h; per user (both targets must compile from one spec;"
                + " look for a hand edit of either output)"),
        equivalence(kuadrant, changed));
  }

  @Test
  void aSubscriptionThatOutranksTheOthersIsCaught() {
    // Every caller is in system:authenticated, free's group: at priority 30 free binds every key.
    GeneratedTree changed =
        edit(crds, "base/maassubscription-acme-free.yaml", "priority: 0", "priority: 30");
    List<String> findings = equivalence(kuadrant, changed);
    assertEquals(4, findings.size(), findings::toString);
    assertEquals(
        "base/maassubscription-acme-free.yaml: error: tier `premium` → model `llama-70b` differs between the"
            + " targets: kuadrant gives requests unlimited; tokens 20,000/1m; per user; maas-crds gives no access (the"
            + " caller's subscription `models-as-a-service/acme-free` does not list `llm/llama-70b`) (both targets must"
            + " compile from one spec; look for a hand edit of either output)",
        findings.get(1));
    assertEquals(
        "base/maassubscription-acme-free.yaml: error: tier `enterprise` → model `granite-8b` differs between"
            + " the targets: kuadrant gives requests unlimited; tokens 600,000/1m; per user; maas-crds gives requests"
            + " unlimited; tokens 1,000/1m; per user (both targets must compile from one spec; look for a hand edit of"
            + " either output)",
        findings.get(2));
  }

  @Test
  void aKuadrantOutputWithAnotherLimitIsCaught() {
    GeneratedTree changed =
        edit(
            kuadrant,
            "base/tokenratelimitpolicy-acme-token-limits.yaml",
            "limit: 600000\n",
            "limit: 60000\n");
    assertEquals(
        List.of(
            "base/maassubscription-acme-enterprise.yaml: error: tier `enterprise` → model `granite-8b`"
                + " differs between the targets: kuadrant gives requests unlimited; tokens 60,000/1m; per user; maas-crds gives"
                + " requests unlimited; tokens 600,000/1m; per user (both targets must compile from one spec; look for a hand"
                + " edit of either output)"),
        equivalence(changed, crds));
  }

  @Test
  void aBudgetOverSeveralModelsIsCaughtWithoutTheRule() {
    // The spec rule refuses it; rendered anyway, the kuadrant target counts one budget for both
    // models, upstream two.
    List<Tier> tiers =
        platform.tiers().stream()
            .map(
                t ->
                    !t.name().equals("enterprise")
                        ? t
                        : new Tier(
                            t.name(),
                            t.displayName(),
                            t.description(),
                            t.level(),
                            t.groups(),
                            t.models(),
                            new Limits(List.of(), List.of(new Rate(1_000_000, "1m")), "user"),
                            false,
                            Map.of(),
                            null))
            .toList();
    Platform shared =
        platform.with(
            parts -> {
              parts.tiers = tiers;
              parts.target = Target.MAAS_CRDS;
            });
    PlatformRenderer renderer = new PlatformRenderer(new RenderOptions(null, "test"));
    List<String> findings =
        new TargetEquivalence()
                .prove(
                    shared,
                    renderer.render(shared),
                    renderer.render(shared.withTarget(Target.KUADRANT)))
                .stream()
                .map(dev.maas.validate.Rendered::withoutCode)
                .toList();
    assertEquals(
        List.of(
            "base/maassubscription-acme-enterprise.yaml: error: tier `enterprise` → model `granite-8b`"
                + " differs between the targets: kuadrant gives requests unlimited; tokens 1,000,000/1m; per user; one token"
                + " budget with `llama-70b`; maas-crds gives requests unlimited; tokens 1,000,000/1m; per user (both targets"
                + " must compile from one spec; look for a hand edit of either output)",
            "base/maassubscription-acme-enterprise.yaml: error: tier `enterprise` → model `llama-70b` differs between the"
                + " targets: kuadrant gives requests unlimited; tokens 1,000,000/1m; per user; one token budget with"
                + " `granite-8b`; maas-crds gives requests unlimited; tokens 1,000,000/1m; per user (both targets must compile"
                + " from one spec; look for a hand edit of either output)"),
        findings);
  }

  @Test
  void theReferenceSpecNamesWhatTheCrdsCannotExpress() throws Exception {
    String acme = Files.readString(REPO.resolve("platform-specs/acme.yaml"));
    String asked =
        acme.replace(
            "metadata:\n  name: acme\nspec:\n",
            "metadata:\n  name: acme\nspec:\n  target: maas-crds\n");
    SpecValidator.Outcome outcome =
        new SpecValidator().validate(asked.getBytes(StandardCharsets.UTF_8), "acme.yaml");
    List<String> found =
        outcome.diagnostics().stream().map(dev.maas.validate.Rendered::withoutCode).toList();
    assertEquals(
        List.of(
            "acme.yaml:36:19: error: /spec/tiers/0/limits/requests: target `maas-crds`: tier `free` limits requests (5/2m);"
                + " a MaaSSubscription limits tokens only (remove `requests`; the nearest the CRDs can say is a token limit)",
            "acme.yaml:45:19: error: /spec/tiers/1/limits/requests: target `maas-crds`: tier `premium` limits requests"
                + " (20/2m); a MaaSSubscription limits tokens only (remove `requests`; the nearest the CRDs can say is a token"
                + " limit)",
            "acme.yaml:48:38: error: /spec/tiers/1/limits/tokens/1/window: target `maas-crds`: window `1d` cannot be written"
                + " in a MaaSSubscription, whose windows are one number from 1 to 9999 and one unit (s, m or h), at most 8784h"
                + " (write `24h`, the same length)",
            "acme.yaml:58:18: error: /spec/tiers/2/limits/counter: target `maas-crds`: tier `enterprise` shares one counter"
                + " among its users; upstream's controller counts every subscription limit per user (`auth.identity.userid`)"
                + " (write `counter: user`, or divide the tier's limits by its expected users)",
            "acme.yaml:59:17: error: /spec/tiers/2/limits/tokens: target `maas-crds`: tier `enterprise`'s token limits are"
                + " one budget for its 2 models (granite-8b, llama-70b); a MaaSSubscription limits each model on its own"
                + " (split the budget: give each model its share under `modelLimits.<model>.tokens`, keeping `limits.tokens`"
                + " for at most one model)",
            "acme.yaml:82:16: error: /spec/models/2/serving: target `maas-crds`: model `mnist-classifier` is served as a"
                + " predictor (a KServe InferenceService); a MaaSModelRef names an LLMInferenceService or an ExternalModel"
                + " only (serve it with `serving: llm`, or compile this spec with `target: kuadrant`)"),
        found);
    // The same spec without them is the one both targets compile.
    String minus = Files.readString(REPO.resolve(SPEC));
    assertTrue(
        minus.contains("target: maas-crds")
            && !minus.contains("requests: [")
            && !minus.contains("counter: tier")
            && !minus.contains("serving: predictor")
            && !minus.contains("window: 1d"));
  }

  /**
   * The equivalence findings of a kuadrant and a maas-crds tree, each proven the way its target is.
   */
  private static List<String> equivalence(GeneratedTree kuadrantTree, GeneratedTree crdsTree) {
    AccessMatrix k =
        new OutputChecks(null)
            .checkAll(platform.withTarget(Target.KUADRANT), kuadrantTree)
            .matrix();
    AccessMatrix u = new UpstreamProof().prove(platform, crdsTree).matrix();
    return new TargetEquivalence()
        .compare(platform, k, u, crdsTree).stream()
            .map(dev.maas.validate.Rendered::withoutCode)
            .toList();
  }

  private static GeneratedTree edit(GeneratedTree tree, String path, String from, String to) {
    return Reference.edit(tree, path, from, to);
  }
}
