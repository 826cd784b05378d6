package dev.maas.check.proof;

import static dev.maas.check.proof.Reference.AUTH;
import static dev.maas.check.proof.Reference.REQUESTS;
import static dev.maas.check.proof.Reference.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.maas.check.OutputChecks;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.testing.BoundSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The proof passes the reference output and catches each deliberate break of its policies, by exact
 * message.
 */
class PolicyProofTest {

  private static final String ROUTE_AUTH = "base/authpolicy-acme-token-service-auth.yaml";

  private static final Platform platform = BoundSpecs.acme();
  private static final GeneratedTree golden = Reference.golden();

  private static List<String> findings(GeneratedTree tree) {
    return Reference.proofFindings(platform, tree);
  }

  @Test
  void referenceOutputPassesWithEveryCellChecked() {
    PolicyProof.Result result = new PolicyProof().prove(platform, golden);
    assertEquals(List.of(), result.findings());
    // 3 tiers × 3 models, 3 listings and 3 with a query string, 3 token requests, 1 forged-header
    // request, 1 listing
    // with a person's token, 3 unknown-tier requests; per model a call with a query string, and
    // every unmetered path
    // with GET and POST (8 for each LLM, 5 for the predictor); the 3 × 3 calls with an API key, the
    // 6 a tier may
    // make again with its key revoked, and the Web UI's page and 3 requests beside it.
    assertEquals(
        9 + 3 + 3 + 3 + 1 + 1 + 3 + 3 + 2 * (8 + 8 + 5) + 9 + 6 + 4, result.requestsChecked());
    // One set of counters per limit of a tier, across all its models and the listing: every call of
    // a tier on the
    // one public model route.
    assertEquals(
        java.util.Set.of(
            "RateLimitPolicy maas-system/acme-request-limits free-requests @ maas-system/acme-models",
            "TokenRateLimitPolicy maas-system/acme-token-limits free-tokens @ maas-system/acme-models"),
        result.counters().get("free"));
    assertEquals(
        java.util.Set.of(
            "RateLimitPolicy maas-system/acme-request-limits premium-requests @ maas-system/acme-models",
            "TokenRateLimitPolicy maas-system/acme-token-limits premium-tokens @ maas-system/acme-models",
            "TokenRateLimitPolicy maas-system/acme-token-limits premium-llama-70b-tokens @ maas-system/acme-models"),
        result.counters().get("premium"));
    assertEquals(
        java.util.Set.of(
            "TokenRateLimitPolicy maas-system/acme-token-limits enterprise-tokens @ maas-system/acme-models"),
        result.counters().get("enterprise"));
    AccessMatrix matrix = result.matrix();
    assertEquals(List.of("free", "premium", "enterprise"), matrix.tiers());
    assertEquals(List.of("granite-8b", "llama-70b", "mnist-classifier"), matrix.models());
    assertEquals(
        "requests 5/2m; tokens 1,000/1m; per user", matrix.cell("free", "granite-8b").text());
    assertEquals("no access", matrix.cell("free", "llama-70b").text());
    assertEquals(
        "requests 20/2m; tokens 50,000/1m, 2,000,000/24h; per user",
        matrix.cell("premium", "granite-8b").text());
    assertEquals(
        "requests 20/2m; tokens 20,000/1m; per user", matrix.cell("premium", "llama-70b").text());
    assertEquals(
        "requests unlimited; tokens 1,000,000/1m; shared by tier",
        matrix.cell("enterprise", "mnist-classifier").text());
    assertEquals("requests 5/2m; tokens unlimited; per user", matrix.listing().get("free").text());
  }

  @Test
  void outputChecksRunTheProofWithoutCrds() {
    OutputChecks.Result result = new OutputChecks(null).checkAll(platform, golden);
    assertEquals(List.of(), result.findings());
    assertEquals(9, result.matrix().cells().values().stream().mapToInt(r -> r.size()).sum());
    GeneratedTree widened =
        Reference.edit(
            golden,
            AUTH,
            "auth.identity.tier) in [\"enterprise\"])",
            "auth.identity.tier) in [\"enterprise\", \"free\"])");
    assertTrue(
        new OutputChecks(null).check(platform, widened).stream().anyMatch(Diagnostic::isError));
  }

  @Test
  void widenedPredicateLetsATierReachAModel() {
    GeneratedTree broken =
        Reference.edit(
            golden,
            AUTH,
            "auth.identity.tier) in [\"enterprise\", \"premium\"])",
            "auth.identity.tier) in [\"enterprise\", \"free\", \"premium\"])");
    Reference.assertMessages(
        List.of(
            AUTH
                + ": error: policy proof: tier `free` reaches model `llama-70b`"
                + " (POST /llm/llama-70b/v1/chat/completions): the spec does not let the tier call it, but AuthPolicy"
                + " maas-system/acme-gateway-auth lets it through (the AuthPolicy's tier-access predicate must admit only the"
                + " tiers that list the model)"),
        findings(broken));
  }

  @Test
  void narrowedPredicateRefusesATier() {
    GeneratedTree broken =
        Reference.edit(
            golden,
            AUTH,
            "auth.identity.tier) in [\"enterprise\", \"free\", \"premium\"])",
            "auth.identity.tier) in [\"enterprise\", \"premium\"])");
    Reference.assertMessages(
        List.of(
            AUTH
                + ": error: policy proof: tier `free` is refused model `granite-8b`"
                + " (POST /llm/granite-8b/v1/chat/completions): the spec lets the tier call it, but AuthPolicy"
                + " maas-system/acme-gateway-auth denies it (rule tier-access) (the AuthPolicy's tier-access predicate must"
                + " admit every tier that lists the model)"),
        findings(broken));
  }

  @Test
  void deletedLimitIsMissing() {
    GeneratedTree broken =
        Reference.editObject(
            golden, REQUESTS, p -> Reference.at(p, "spec.limits").remove("free-requests"));
    Reference.assertMessages(
        List.of(
            REQUESTS
                + ": error: policy proof: tier `free` → model `granite-8b` (POST /llm/granite-8b/v1/chat/completions):"
                + " no request limit matches, expected 5/2m (the tier's request limits must apply to this model)",
            REQUESTS
                + ": error: policy proof: tier `free` listing models (GET /v1/models): no request limit matches,"
                + " expected 5/2m (the tier's request limits must apply to this model)"),
        findings(broken));
  }

  @Test
  void changedWindowIsCaught() {
    premiumLlamaTokensChangedIsCaught("limit: 20000\n        window: 2m", "20000/2m");
  }

  @Test
  void changedValueOfALimitWithOneRateIsCaught() {
    premiumLlamaTokensChangedIsCaught("limit: 30000\n        window: 1m", "30000/1m");
  }

  /** The premium tier's one token rate on llama-70b (20000/1m) written as {@code written}. */
  private static void premiumLlamaTokensChangedIsCaught(String written, String found) {
    GeneratedTree broken =
        Reference.edit(golden, TOKENS, "limit: 20000\n        window: 1m", written);
    Reference.assertMessages(
        List.of(
            TOKENS
                + ": error: policy proof: tier `premium` → model `llama-70b`"
                + " (POST /llm/llama-70b/v1/chat/completions): token limit `premium-llama-70b-tokens` of TokenRateLimitPolicy"
                + " maas-system/acme-token-limits: expected 20000/1m, found "
                + found),
        findings(broken));
  }

  @Test
  void changedValueIsCaught() {
    GeneratedTree broken = Reference.edit(golden, TOKENS, "limit: 2000000", "limit: 3000000");
    List<String> found = findings(broken);
    Reference.assertMessages(
        List.of(
            TOKENS
                + ": error: policy proof: tier `premium` → model `granite-8b`"
                + " (POST /llm/granite-8b/v1/chat/completions): token limit `premium-tokens` of TokenRateLimitPolicy"
                + " maas-system/acme-token-limits: expected 50000/1m, 2000000/24h, found 50000/1m, 3000000/24h"),
        found);
  }

  @Test
  void anApiKeyGivenTheTierOfItsIdentityInsteadOfTheServicesAnswerIsCaught() {
    // The plain identity names no tier: a policy reading it would refuse every key.
    GeneratedTree broken =
        Reference.edit(
            golden,
            AUTH,
            "(has(auth.identity.maas_api_key) ? auth.metadata.apikey.tier : auth.identity.tier) in [\"enterprise\"])",
            "auth.identity.tier in [\"enterprise\"])");
    Reference.assertMessages(
        List.of(
            AUTH
                + ": error: policy proof: an API key of tier `enterprise` is refused model"
                + " `mnist-classifier` (POST /vision/mnist-classifier/v2/models/mnist-classifier/infer) while a token of the tier"
                + " is let through: AuthPolicy maas-system/acme-gateway-auth denies it (rule tier-access) (the AuthPolicy must"
                + " give an API key the tier the token service resolves it to, as it gives a token its claim)"),
        findings(broken));
  }

  @Test
  void aRevokedApiKeyIsRefusedTwiceOver() {
    // The service answers a revoked key with {"valid": false} alone: without the validity rule the
    // tier-access rule
    // still finds no tier, so the key stays refused (the proof evaluates the revoked key against
    // every allowed cell).
    GeneratedTree broken =
        Reference.editObject(
            golden, AUTH, p -> Reference.at(p, "spec.rules.authorization").remove("api-key-valid"));
    assertEquals(List.of(), findings(broken));
    // Without either, any key reaches the predictor whatever its tier, which the proof reports; a
    // revoked key is still
    // refused there, by the identity filter, which finds no user in the service's answer and fails
    // the request.
    GeneratedTree open =
        Reference.editObject(
            Reference.edit(
                golden,
                AUTH,
                "(has(auth.identity.maas_api_key) ? auth.metadata.apikey.tier : auth.identity.tier) in [\"enterprise\"])",
                "(has(auth.identity.maas_api_key) || auth.identity.tier in [\"enterprise\"]))"),
            AUTH,
            p -> Reference.at(p, "spec.rules.authorization").remove("api-key-valid"));
    String tail =
        " is let through to model `mnist-classifier` (POST /vision/mnist-classifier/v2/models/mnist-classifier/"
            + "infer) while a token of the tier is refused (the AuthPolicy must give an API key the tier the token service"
            + " resolves it to, as it gives a token its claim)";
    Reference.assertMessages(
        List.of(
            AUTH + ": error: policy proof: an API key of tier `free`" + tail,
            AUTH + ": error: policy proof: an API key of tier `premium`" + tail),
        findings(open));
  }

  @Test
  void removedAuthenticationIsCaught() {
    GeneratedTree broken =
        Reference.editObject(
            golden, AUTH, p -> Reference.at(p, "spec.rules").remove("authentication"));
    List<String> found = findings(broken);
    String tail =
        " has no authentication: AuthPolicy maas-system/acme-gateway-auth lets callers in without"
            + " authentication (every route must be behind an AuthPolicy with an authentication rule)";
    Reference.assertMessages(
        List.of(
            AUTH
                + ": error: policy proof: model `granite-8b` (POST /llm/granite-8b/v1/chat/completions)"
                + tail,
            AUTH
                + ": error: policy proof: model `llama-70b` (POST /llm/llama-70b/v1/chat/completions)"
                + tail,
            AUTH
                + ": error: policy proof: model `mnist-classifier`"
                + " (POST /vision/mnist-classifier/v2/models/mnist-classifier/infer)"
                + tail,
            AUTH + ": error: policy proof: tier `free` listing models (GET /v1/models)" + tail,
            AUTH + ": error: policy proof: tier `premium` listing models (GET /v1/models)" + tail,
            AUTH
                + ": error: policy proof: tier `enterprise` listing models (GET /v1/models)"
                + tail),
        found);
  }

  @Test
  void missingAuthPolicyLeavesEveryModelOpen() {
    java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>(golden.files());
    files.remove(AUTH);
    List<String> found = findings(new GeneratedTree(files));
    assertTrue(
        found.contains(
            "base: error: policy proof: model `llama-70b` (POST /llm/llama-70b/v1/chat/completions)"
                + " has no authentication: no AuthPolicy protects its route (every route must be behind an AuthPolicy with an"
                + " authentication rule)"),
        () -> String.join("\n", found));
    assertTrue(
        found.contains(
            "base: error: policy proof: tier `free` reaches model `llama-70b`"
                + " (POST /llm/llama-70b/v1/chat/completions): the spec does not let the tier call it, but no AuthPolicy"
                + " refuses it (the AuthPolicy's tier-access predicate must admit only the tiers that list the model)"));
  }

  @Test
  void overlappingLimitsAreCaught() {
    GeneratedTree broken =
        Reference.editObject(
            golden,
            TOKENS,
            p -> ((ArrayNode) Reference.at(p, "spec.limits.premium-tokens").get("when")).remove(2));
    Reference.assertMessages(
        List.of(
            TOKENS
                + ": error: policy proof: tier `premium` → model `llama-70b`"
                + " (POST /llm/llama-70b/v1/chat/completions): 2 token limits match (`premium-tokens`,"
                + " `premium-llama-70b-tokens`); a request must meet exactly one (make the limits' predicates exclusive)"),
        findings(broken));
  }

  @Test
  void sharedCounterWherePerUserIsExpected() {
    GeneratedTree broken =
        Reference.editObject(
            golden, TOKENS, p -> Reference.at(p, "spec.limits.free-tokens").remove("counters"));
    Reference.assertMessages(
        List.of(
            TOKENS
                + ": error: policy proof: tier `free` → model `granite-8b`"
                + " (POST /llm/granite-8b/v1/chat/completions): token limit `free-tokens` counts for the whole tier, expected"
                + " per user"),
        findings(broken));
  }

  @Test
  void tokenLimitedListingIsCaught() {
    GeneratedTree broken =
        Reference.editObject(
            golden,
            TOKENS,
            p ->
                ((ArrayNode) Reference.at(p, "spec.limits.enterprise-tokens").get("when"))
                    .remove(1));
    Reference.assertMessages(
        List.of(
            TOKENS
                + ": error: policy proof: tier `enterprise` listing models"
                + " (GET /v1/models): the listing is never token-limited, but token limit `enterprise-tokens` matches (token"
                + " limits must leave out */v1/models)"),
        findings(broken));
  }

  @Test
  void forgedIdentityHeadersAtTheTokenServiceAreCaught() {
    GeneratedTree broken =
        Reference.editObject(
            golden,
            ROUTE_AUTH,
            p ->
                Reference.at(p, "spec.rules.authorization").remove("deny-client-identity-headers"));
    Reference.assertMessages(
        List.of(
            ROUTE_AUTH
                + ": error: policy proof: a request to the token service with"
                + " client-set X-MaaS-Username and X-MaaS-Groups headers (POST /maas-api/v1/tokens) is let through, so a caller"
                + " could name any user and groups (the token service route's AuthPolicy must refuse those headers)"),
        findings(broken));
  }

  @Test
  void gatewayPolicyWithoutIdentityFilterLeavesTheListingUnlimited() {
    GeneratedTree broken =
        Reference.editObject(
            golden, AUTH, p -> Reference.at(p, "spec.rules.response.success").remove("filters"));
    String hint = " (the tier's request limits must apply to this model)";
    List<String> found = findings(broken);
    assertTrue(
        found.contains(
            REQUESTS
                + ": error: policy proof: tier `free` listing models (GET /v1/models): no"
                + " request limit matches, expected 5/2m"
                + hint),
        () -> String.join("\n", found));
    assertTrue(
        found.contains(
            REQUESTS
                + ": error: policy proof: tier `premium` listing models (GET /v1/models): no"
                + " request limit matches, expected 20/2m"
                + hint),
        () -> String.join("\n", found));
  }

  @Test
  void identityFilterReadsTheRoutePolicyNotTheTokenClaims() {
    // The token still carries its tier claim; the limits see only what the filter passes on.
    GeneratedTree renamed =
        Reference.editObject(
            golden,
            AUTH,
            p ->
                Reference.at(p, "spec.rules.response.success.filters.identity.json.properties.tier")
                    .put("expression", "has(auth.identity.tier) ? \"gold\" : \"\""));
    PolicyEvaluator evaluator =
        new PolicyEvaluator(GatewayObjects.of(renamed), PolicyProof.issuer(platform));
    Verdict listing =
        evaluator.evaluate(MatrixBuilder.listing("free", PolicyProof.audience(platform)));
    assertEquals("AuthPolicy maas-system/acme-gateway-auth", listing.authPolicy());
    assertTrue(listing.authorized(), listing.denial());
    assertEquals(List.of(), listing.requestLimits());
    Verdict reference =
        new PolicyEvaluator(GatewayObjects.of(golden), PolicyProof.issuer(platform))
            .evaluate(MatrixBuilder.listing("free", PolicyProof.audience(platform)));
    assertEquals(
        List.of("free-requests"), reference.requestLimits().stream().map(LimitMatch::key).toList());
    assertTrue(
        reference.requestLimits().get(0).perUser(),
        "the listing counts per user, by the filter's userid");
  }

  @Test
  void kubernetesTokenOnTheListingIsRefusedByTheGatewayPolicy() {
    PolicyEvaluator evaluator =
        new PolicyEvaluator(GatewayObjects.of(golden), PolicyProof.issuer(platform));
    for (String path : List.of("/v1/models", "/v1/models/granite-8b", "/v1/models?limit=1")) {
      Verdict verdict =
          evaluator.evaluate(
              SyntheticRequest.withKubernetesUser(
                  "GET", path, "alice", List.of("enterprise-users"), java.util.Map.of()));
      assertFalse(verdict.authorized(), path);
      assertEquals("AuthPolicy maas-system/acme-gateway-auth", verdict.authPolicy(), path);
      assertEquals(
          "no authentication rule of AuthPolicy maas-system/acme-gateway-auth accepts a Kubernetes"
              + " token",
          verdict.denial(),
          path);
      assertEquals(List.of(), verdict.requestLimits(), path);
    }
    Verdict minting =
        evaluator.evaluate(
            SyntheticRequest.withKubernetesUser(
                "POST",
                PolicyProof.TOKEN_PATH,
                "alice",
                List.of("enterprise-users"),
                java.util.Map.of()));
    assertTrue(minting.authorized(), minting.denial());
    assertEquals(List.of("kubernetes-users"), minting.authentication());
    Verdict token =
        evaluator.evaluate(MatrixBuilder.listing("premium", PolicyProof.audience(platform)));
    assertEquals(List.of("maas-tokens"), token.authentication());
  }

  @Test
  void listingOpenToKubernetesTokensIsCaught() {
    // People's tokens accepted with a default tier: the listing's tier-access then admits them.
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode people = json.createObjectNode();
    people
        .putObject("kubernetesTokenReview")
        .putArray("audiences")
        .add("https://kubernetes.default.svc");
    com.fasterxml.jackson.databind.node.ObjectNode defaults = people.putObject("defaults");
    defaults.putObject("tier").put("value", "free");
    defaults.putObject("aud").put("value", "maas:acme");
    GeneratedTree broken =
        Reference.editObject(
            golden,
            AUTH,
            p -> Reference.at(p, "spec.rules.authentication").set("kubernetes-users", people));
    List<String> found = findings(broken);
    assertTrue(
        found.contains(
            AUTH
                + ": error: policy proof: a person's own Kubernetes token lists the"
                + " models (GET /v1/models): it carries no tier, so no request limit counts it (the AuthPolicy of the"
                + " listing's route must accept only platform tokens on /v1/models)"),
        () -> String.join("\n", found));
  }

  @Test
  void identityFilterThatFailsForAPersonRefusesTokenRequests() {
    // A Kubernetes identity has no tier claim: an unguarded expression fails, and Authorino fails
    // the request.
    GeneratedTree broken =
        Reference.editObject(
            golden,
            ROUTE_AUTH,
            p ->
                Reference.at(p, "spec.rules.response.success.filters.identity.json.properties.tier")
                    .put("expression", "auth.identity.tier"));
    String tail =
        " asking for a token (POST /maas-api/v1/tokens): refused, but every user may ask for a token:"
            + " AuthPolicy maas-system/acme-token-service-auth fails: its success filter `identity` fails (property `tier`"
            + " cannot be resolved)";
    Reference.assertMessages(
        List.of(
            ROUTE_AUTH + ": error: policy proof: a member of tier `free`" + tail,
            ROUTE_AUTH + ": error: policy proof: a member of tier `premium`" + tail,
            ROUTE_AUTH + ": error: policy proof: a member of tier `enterprise`" + tail,
            ROUTE_AUTH
                + ": error: policy proof: the Web UI's page (GET /maas-api/ui/) is refused: AuthPolicy"
                + " maas-system/acme-token-service-auth fails: its success filter `identity` fails (property `tier` cannot"
                + " be resolved) (let GETs under /maas-api/ui/ in without a credential)"),
        findings(broken));
  }

  @Test
  void webUiRuleOpenToEveryGetLeavesTheApiUnauthenticated() {
    GeneratedTree broken =
        Reference.editObject(
            golden,
            ROUTE_AUTH,
            p ->
                ((com.fasterxml.jackson.databind.node.ObjectNode)
                        Reference.at(p, "spec.rules.authentication.web-ui-files")
                            .path("when")
                            .get(0))
                    .put("predicate", "request.method == \"GET\""));
    List<String> found = findings(broken);
    assertTrue(
        found.stream()
            .anyMatch(
                f -> f.contains("the token service's GET /maas-api/v1/me has no authentication")),
        () -> String.join("\n", found));
    assertTrue(
        found.stream().noneMatch(f -> f.contains("POST /maas-api/ui/")),
        () -> String.join("\n", found));
  }

  @Test
  void matrixFromTheTokenServiceConfigEqualsTheProvenOne() {
    GatewayObjects objects = GatewayObjects.of(golden);
    Catalog catalog = Catalog.read(objects).orElseThrow();
    assertEquals("acme", catalog.platform());
    assertEquals(
        List.of("enterprise-users", "acme:ml-admins"),
        catalog.tier("enterprise").orElseThrow().groups());
    AccessMatrix fromConfig = MatrixBuilder.build(objects, catalog);
    assertEquals(new PolicyProof().prove(platform, golden).matrix(), fromConfig);
    assertFalse(fromConfig.cell("premium", "mnist-classifier").access());
  }
}
