package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelFailure;
import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.GatewayObjects;
import dev.maas.check.proof.PolicyEvaluator;
import dev.maas.check.proof.PolicyProof;
import dev.maas.check.proof.SyntheticRequest;
import dev.maas.check.proof.Verdict;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.UserAuth;
import dev.maas.output.GeneratedTree;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token service's route AuthPolicy replaces the gateway's on {@code /v1/models}, so it must
 * pass on the {@code userid} and {@code tier} the gateway's request limits count, and take only
 * platform tokens there, for every way the spec lets people sign in.
 */
class TokenServiceRouteIdentityTest {

  private static final String OIDC_ISSUER = "https://sso.example.com/realms/acme";
  private static final String ROUTE_AUTH = "base/authpolicy-acme-token-service-auth.yaml";
  private static final CelEngine CEL = CelEngine.withVariables("request", "auth");

  private static Platform acme;

  @BeforeAll
  static void bind() {
    acme = Fixtures.acme();
  }

  private static Platform withAuth(Platform p, UserAuth auth) {
    return p.with(parts -> parts.auth = auth);
  }

  static Stream<String> signIns() {
    return Stream.of("kubernetes", "oidc", "both");
  }

  private static Platform platform(String signIn) {
    List<String> kubernetes = List.of("https://kubernetes.default.svc");
    return switch (signIn) {
      case "kubernetes" -> withAuth(acme, new UserAuth(kubernetes, null, List.of(), null, null));
      case "oidc" ->
          withAuth(
              acme,
              new UserAuth(null, OIDC_ISSUER, List.of("maas"), "groups", "preferred_username"));
      default ->
          withAuth(
              acme,
              new UserAuth(
                  kubernetes, OIDC_ISSUER, List.of("maas"), "groups", "preferred_username"));
    };
  }

  /** The person's own tokens the platform accepts at the token service. */
  private static List<SyntheticRequest> personal(Platform platform, String method, String path) {
    List<SyntheticRequest> out = new java.util.ArrayList<>();
    if (platform.auth().kubernetes()) {
      out.add(
          SyntheticRequest.withKubernetesUser(
              method, path, "alice", List.of("premium-users"), Map.of()));
    }
    if (platform.auth().oidc()) {
      out.add(
          SyntheticRequest.withOidcUser(
              method,
              path,
              OIDC_ISSUER,
              "alice",
              List.of("premium-users"),
              "groups",
              "preferred_username",
              List.of("maas"),
              Map.of()));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("signIns")
  void theProofFindsTheListingLimitedForEverySignIn(String signIn) {
    Platform platform = platform(signIn);
    GeneratedTree tree = Fixtures.render(platform);
    PolicyProof.Result result = new PolicyProof().prove(platform, tree);
    assertEquals(List.of(), result.findings().stream().map(Diagnostic::render).toList());
    AccessMatrix matrix = result.matrix();
    assertEquals("requests 5/2m; tokens unlimited; per user", matrix.listing().get("free").text());
    assertEquals(
        "requests 20/2m; tokens unlimited; per user", matrix.listing().get("premium").text());
  }

  @ParameterizedTest
  @MethodSource("signIns")
  void personalTokensAskForTokensButNeverListModels(String signIn) {
    Platform platform = platform(signIn);
    PolicyEvaluator evaluator =
        new PolicyEvaluator(
            GatewayObjects.of(Fixtures.render(platform)), PolicyProof.issuer(platform));
    List<SyntheticRequest> minting = personal(platform, "POST", PolicyProof.TOKEN_PATH);
    assertEquals("both".equals(signIn) ? 2 : 1, minting.size());
    for (SyntheticRequest request : minting) {
      Verdict verdict = evaluator.evaluate(request);
      assertTrue(verdict.authorized(), request.credential() + ": " + verdict.denial());
      // Only the route's own per-caller limit counts it, never a tier's.
      assertEquals(
          List.of("per-caller"), verdict.requestLimits().stream().map(l -> l.key()).toList());
      assertTrue(
          verdict.requestLimits().get(0).perUser(), "each caller has a counter of their own");
    }
    for (String path : List.of("/v1/models", "/v1/models/granite-8b")) {
      for (SyntheticRequest request : personal(platform, "GET", path)) {
        Verdict verdict = evaluator.evaluate(request);
        assertFalse(verdict.authorized(), request.credential() + " " + path);
        // The listing is on the public model route, under the gateway's policy: platform tokens
        // only.
        assertEquals("AuthPolicy maas-system/acme-gateway-auth", verdict.authPolicy());
        assertTrue(verdict.denial().startsWith("no authentication rule of"), verdict.denial());
      }
    }
    // The MaaS API's own listing takes a person's token, and counts it like every other call
    // there.
    for (SyntheticRequest request : personal(platform, "GET", "/maas-api/v1/models")) {
      Verdict verdict = evaluator.evaluate(request);
      assertTrue(verdict.authorized(), request.credential() + ": " + verdict.denial());
      assertEquals(
          List.of("per-caller"), verdict.requestLimits().stream().map(l -> l.key()).toList());
      assertTrue(verdict.requestLimits().get(0).perUser(), request.credential().toString());
    }
  }

  /** The identity filter's properties evaluated as Authorino would, over {@code identity}. */
  private static Map<String, Object> passedOn(JsonNode policy, Map<String, Object> identity)
      throws CelFailure {
    Map<String, Object> vars = new HashMap<>();
    vars.put(
        "request",
        Map.of("url_path", "/maas-api/v1/tokens", "path", "/maas-api/v1/tokens", "method", "POST"));
    vars.put("auth", Map.of("identity", identity));
    Map<String, Object> out = new LinkedHashMap<>();
    for (var property :
        (Iterable<Map.Entry<String, JsonNode>>)
            policy.at("/spec/rules/response/success/filters/identity/json/properties")::fields) {
      assertTrue(property.getValue().has("expression"), property.getKey());
      out.put(
          property.getKey(),
          CEL.compile(property.getValue().path("expression").asText()).evaluate(vars));
    }
    return out;
  }

  @Test
  void identityFilterHoldsForEveryCredentialWithoutFailing() throws CelFailure {
    Platform both = platform("both");
    JsonNode policy = Fixtures.object(Fixtures.render(both), ROUTE_AUTH);
    // A platform token, extended by the maas-tokens overrides.
    Map<String, Object> token =
        new HashMap<>(
            Map.of(
                "iss",
                PolicyProof.issuer(both),
                "sub",
                "alice",
                "tier",
                "premium",
                "aud",
                "maas:acme",
                "maas_username",
                "alice",
                "maas_groups",
                List.of()));
    assertEquals(Map.of("userid", "alice", "tier", "premium"), passedOn(policy, token));
    // A Kubernetes TokenReview identity: no iss, no tier.
    Map<String, Object> kubernetes =
        new HashMap<>(
            Map.of(
                "authenticated",
                true,
                "user",
                Map.of("username", "system:serviceaccount:team:bot", "groups", List.of("team")),
                "maas_username",
                "system:serviceaccount:team:bot",
                "maas_groups",
                List.of("team")));
    assertEquals(
        Map.of("userid", "system:serviceaccount:team:bot", "tier", ""),
        passedOn(policy, kubernetes));
    // An OIDC token that happens to carry a tier claim gets no tier: only the token service issues
    // tiers.
    Map<String, Object> oidc =
        new HashMap<>(
            Map.of(
                "iss",
                OIDC_ISSUER,
                "sub",
                "42",
                "preferred_username",
                "alice",
                "tier",
                "enterprise",
                "maas_username",
                "alice",
                "maas_groups",
                List.of("premium-users")));
    assertEquals(Map.of("userid", "alice", "tier", ""), passedOn(policy, oidc));
    // Nothing at all: the filter still resolves.
    assertEquals(Map.of("userid", "", "tier", ""), passedOn(policy, Map.of()));
  }

  @Test
  void routePolicyAcceptsPeopleOnEveryPath() {
    JsonNode authn =
        Fixtures.object(Fixtures.render(platform("both")), ROUTE_AUTH)
            .at("/spec/rules/authentication");
    // The route carries /maas-api only: no listing branch, and no platform tokens, which may never
    // mint tokens.
    assertTrue(authn.path("maas-tokens").isMissingNode(), authn::toString);
    assertTrue(authn.at("/kubernetes-users/when").isMissingNode(), authn::toString);
    assertTrue(authn.at("/oidc-users/when").isMissingNode(), authn::toString);
  }
}
