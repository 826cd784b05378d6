package dev.maas.tokenservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.tokenservice.audit.AuditLog;
import dev.maas.tokenservice.config.TierEntry;
import dev.maas.tokenservice.http.Caller;
import dev.maas.tokenservice.http.Refusal;
import dev.maas.tokenservice.http.Reply;
import dev.maas.tokenservice.http.Request;
import dev.maas.tokenservice.jwt.TokenClaims;
import dev.maas.tokenservice.jwt.TokenSigner;
import dev.maas.tokenservice.keys.KeyRing;
import dev.maas.tokenservice.metrics.Metrics;
import dev.maas.tokenservice.state.IssuedToken;
import dev.maas.tokenservice.state.TokenLedger;
import dev.maas.tokenservice.state.TooManyLiveTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The caller's own tokens: issue, list, revoke one, revoke all. */
record TokenEndpoints(
    Tiers tiers,
    Lifetimes lifetimes,
    KeyRing keys,
    TokenSigner signer,
    TokenLedger ledger,
    Metrics metrics,
    AuditLog audit,
    Clock clock) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * POST /v1/tokens: a token for the caller's tier; the ledger records it before it is answered.
   */
  Reply issue(Request request) throws Exception {
    Caller caller = request.caller();
    JsonNode body = request.object(true);
    long ttl = lifetimes.of(body.has("ttl") ? body.path("ttl") : body.path("expiration"));
    String label = Labels.of(body.path("label"));
    TierEntry tier = tiers.of(caller);
    long iat = notRevokedSecond(caller.username());
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String jti = HexFormat.of().formatHex(id);
    String token =
        signer.sign(
            new TokenClaims(jti, caller.username(), tier.name(), iat, iat + ttl), keys.current());
    // The answer is sent once the ledger has stored the token; no thread waits for the store
    // meanwhile. The ledger checks the per-user cap as it stores the token, so the cap holds for
    // concurrent requests and, with a store that counts, across replicas.
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", token);
    out.put("tokenType", "Bearer");
    out.put("tier", tier.name());
    out.put("expiresAt", iat + ttl);
    out.put("issuedAt", iat);
    out.put("jti", jti);
    if (label != null) {
      out.put("label", label);
    }
    return Reply.json(201, out)
        .after(
            ledger
                .issue(caller.username(), new IssuedToken(jti, tier.name(), iat, iat + ttl, label))
                .exceptionally(TokenEndpoints::refuseAtCap)
                .thenRun(
                    () -> {
                      metrics.issued(tier.name());
                      audit.issued(caller.username(), tier.name(), jti);
                    }));
  }

  /** The failure of storing an issued token, a 429 when the caller holds the cap already. */
  private static Void refuseAtCap(Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof TooManyLiveTokens) {
      throw new java.util.concurrent.CompletionException(
          new Refusal(
              429,
              "too_many_tokens",
              "you hold "
                  + TokenLedger.MAX_LIVE_TOKENS_PER_USER
                  + " live tokens; revoke some first"));
    }
    throw failure instanceof java.util.concurrent.CompletionException c
        ? c
        : new java.util.concurrent.CompletionException(failure);
  }

  /**
   * A revoke-all covers every token issued up to the end of its second (iat has second precision),
   * so a new token of the same user waits for the next second to stay valid; the wait is at most a
   * second.
   */
  private long notRevokedSecond(String user) throws InterruptedException {
    long iat = clock.instant().getEpochSecond();
    long before = ledger.state().revokedBefore().getOrDefault(user, 0L);
    while (iat < before) {
      Thread.sleep(50);
      iat = clock.instant().getEpochSecond();
    }
    return iat;
  }

  /** GET /v1/tokens: the caller's live tokens, oldest first; never the tokens themselves. */
  Reply list(Request request) throws Refusal, java.io.IOException {
    Caller caller = request.caller();
    List<Map<String, Object>> data =
        ledger.liveTokens(caller.username()).stream()
            .sorted(Comparator.comparingLong(IssuedToken::iat).thenComparing(IssuedToken::jti))
            .map(TokenEndpoints::describe)
            .toList();
    return Reply.json(200, Map.of("tokens", data));
  }

  private static Map<String, Object> describe(IssuedToken t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("jti", t.jti());
    out.put("tier", t.tier());
    out.put("issuedAt", t.iat());
    out.put("expiresAt", t.exp());
    out.put("label", t.label());
    return out;
  }

  /**
   * DELETE /v1/tokens/{jti}: revokes one of the caller's live tokens; another user's jti is simply
   * not found. Past {@link TokenLedger#MAX_REVOKED_PER_USER} pending single revocations, all of the
   * caller's tokens are revoked instead.
   */
  Reply revokeOne(Request request) throws Exception {
    Caller caller = request.caller();
    String jti = request.parameter();
    IssuedToken token =
        ledger
            .liveToken(caller.username(), jti)
            .orElseThrow(
                () -> new Refusal(404, "no_such_token", "you hold no live token with that id"));
    // Past the per-user bound of single revocations the ledger revokes all of the caller's tokens
    // instead: revoking never fails, and the state stays bounded.
    ledger.change(d -> d.revoke(caller.username(), token.jti(), token.exp()));
    metrics.revoked();
    audit.revoked(caller.username(), token.jti());
    return Reply.noContent();
  }

  /**
   * DELETE /v1/tokens: revokes every token the caller was issued so far with one cut-off, whatever
   * their number.
   */
  Reply revokeAll(Request request) throws Exception {
    Caller caller = request.caller();
    long before = clock.instant().getEpochSecond() + 1;
    ledger.change(d -> d.revokeAll(caller.username(), before));
    metrics.revoked();
    audit.revokedAll(caller.username());
    return Reply.noContent();
  }
}
