package dev.maas.tokenservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.tokenservice.audit.AuditLog;
import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.config.TierEntry;
import dev.maas.tokenservice.http.Caller;
import dev.maas.tokenservice.http.Refusal;
import dev.maas.tokenservice.http.Reply;
import dev.maas.tokenservice.http.Request;
import dev.maas.tokenservice.state.ApiKeyRecord;
import dev.maas.tokenservice.state.TokenLedger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Long-lived API keys: created once and shown once, kept only as their SHA-256, bound to the
 * caller's tier when created, listed and revoked by id; the gateway resolves a presented key
 * through the internal endpoint.
 */
final class ApiKeyEndpoints {

  /**
   * Every key starts with this, so the gateway can tell a key from a JWT before it tries either.
   */
  static final String PREFIX = "maas_";

  /**
   * Keys one user may hold until they expire, revoked ones included: the state stays bounded per
   * user.
   */
  static final int MAX_KEYS_PER_USER = 50;

  private final ServiceConfig config;
  private final Tiers tiers;
  private final Lifetimes lifetimes;
  private final TokenLedger ledger;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiKeyEndpoints(
      ServiceConfig config, Tiers tiers, TokenLedger ledger, AuditLog audit, Clock clock) {
    this.config = config;
    this.tiers = tiers;
    // A key asked for without a lifetime lives as long as keys may.
    this.lifetimes = new Lifetimes(config.apiKeyMaxTTL(), config.apiKeyMaxTTL());
    this.ledger = ledger;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * POST /v1/api-keys: {@code {"name", "ttl"}}, both optional; the key is in this answer and
   * nowhere else.
   */
  Reply create(Request request) throws Exception {
    Caller caller = request.caller();
    JsonNode body = request.object(true);
    long ttl = lifetimes.of(body.path("ttl"));
    String name = Labels.of(body.path("name"));
    TierEntry tier = tiers.of(caller);
    if (ledger.apiKeys(caller.username()).size() >= MAX_KEYS_PER_USER) {
      throw new Refusal(
          429,
          "too_many_api_keys",
          "you hold "
              + MAX_KEYS_PER_USER
              + " API keys that have not expired yet (revoked ones count until then)");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    byte[] idBytes = new byte[8];
    random.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    long now = clock.instant().getEpochSecond();
    ApiKeyRecord record = new ApiKeyRecord(id, sha256(key), name, tier.name(), now, now + ttl, 0);
    ledger.change(d -> d.addApiKey(caller.username(), record));
    audit.apiKeyIssued(caller.username(), tier.name(), id);
    Map<String, Object> out = describe(record);
    out.put("key", key);
    return Reply.json(201, out);
  }

  /**
   * GET /v1/api-keys: the caller's keys that have not expired, oldest first; never a key or its
   * hash.
   */
  Reply list(Request request) throws Refusal {
    Caller caller = request.caller();
    List<Map<String, Object>> data =
        ledger.apiKeys(caller.username()).stream()
            .sorted(
                Comparator.comparingLong(ApiKeyRecord::createdAt).thenComparing(ApiKeyRecord::id))
            .map(ApiKeyEndpoints::describe)
            .toList();
    return Reply.json(200, Map.of("apiKeys", data));
  }

  /** DELETE /v1/api-keys/{id}: revokes one of the caller's keys; another user's id is not found. */
  Reply revoke(Request request) throws Exception {
    Caller caller = request.caller();
    String id = request.parameter();
    ApiKeyRecord key =
        ledger
            .apiKey(caller.username(), id)
            .orElseThrow(
                () -> new Refusal(404, "no_such_api_key", "you hold no API key with that id"));
    if (key.revokedAt() == 0) {
      long now = clock.instant().getEpochSecond();
      ledger.change(d -> d.revokeApiKey(caller.username(), id, now));
      audit.apiKeyRevoked(caller.username(), id);
    }
    return Reply.noContent();
  }

  /**
   * POST /internal/v1/api-keys/resolve: {@code {"authorization": "Bearer <key>"}} or {@code
   * {"key"}} answers {@code {"valid": true, "user", "tier", "keyId", "expiresAt"}} for a live key
   * whose tier still exists, else {@code {"valid": false}}; the gateway calls it.
   */
  Reply resolve(Request request) throws Exception {
    JsonNode body = request.object(false);
    Map<String, Object> out = new LinkedHashMap<>();
    // The gateway sends the Authorization header as the client sent it; a caller may send the key
    // alone.
    String authorization = body.path("authorization").asText("");
    String key =
        authorization.startsWith("Bearer ")
            ? authorization.substring("Bearer ".length())
            : body.path("key").asText("");
    Optional<Map.Entry<String, ApiKeyRecord>> found = live(key);
    if (found.isPresent()) {
      ApiKeyRecord record = found.get().getValue();
      out.put("valid", true);
      out.put("user", found.get().getKey());
      out.put("tier", record.tier());
      out.put("keyId", record.id());
      out.put("expiresAt", record.expiresAt());
    } else {
      out.put("valid", false);
    }
    return Reply.json(200, out);
  }

  /**
   * The holder and record of {@code key} when it is a live key whose tier still exists, else empty.
   */
  Optional<Map.Entry<String, ApiKeyRecord>> live(String key) {
    long now = clock.instant().getEpochSecond();
    return (key.startsWith(PREFIX) && key.length() <= 100
            ? ledger.state().apiKeyByHash(sha256(key))
            : Optional.<Map.Entry<String, ApiKeyRecord>>empty())
        .filter(e -> e.getValue().liveAt(now) && config.tier(e.getValue().tier()).isPresent());
  }

  private static Map<String, Object> describe(ApiKeyRecord k) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", k.id());
    out.put("name", k.name());
    out.put("tier", k.tier());
    out.put("createdAt", k.createdAt());
    out.put("expiresAt", k.expiresAt());
    out.put("revoked", k.revokedAt() != 0);
    return out;
  }

  static String sha256(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
