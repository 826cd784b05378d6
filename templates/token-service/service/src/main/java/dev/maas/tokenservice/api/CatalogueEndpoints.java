package dev.maas.tokenservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.tokenservice.config.ModelEntry;
import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.config.TierEntry;
import dev.maas.tokenservice.http.Caller;
import dev.maas.tokenservice.http.Refusal;
import dev.maas.tokenservice.http.Reply;
import dev.maas.tokenservice.http.Request;
import dev.maas.tokenservice.jwt.InvalidTokenException;
import dev.maas.tokenservice.jwt.TokenVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the platform offers and what the caller may use: tiers, the caller, models, and tier lookup.
 */
record CatalogueEndpoints(
    ServiceConfig config,
    Tiers tiers,
    TokenCheck tokens,
    ApiKeyEndpoints apiKeys,
    UsageEndpoints usage,
    long started) {

  /**
   * GET /v1/tiers: the tier catalogue in spec order, with the models each may call. Groups are left
   * out: they name an organisation's teams, which a catalogue shown to every caller need not tell.
   */
  Reply tiers(Request request) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TierEntry t : config.tiers()) {
      Map<String, Object> tier = tier(t);
      tier.put("models", config.modelsOf(t).stream().map(ModelEntry::name).toList());
      out.add(tier);
    }
    return Reply.json(200, Map.of("tiers", out));
  }

  /**
   * GET /v1/me: who the gateway says the caller is, their tier (null without one), the models it
   * allows with the URL to call each, and the limits the caller meets.
   */
  Reply me(Request request) throws Refusal {
    Caller caller = request.caller();
    TierEntry tier = config.tierFor(caller.groups()).orElse(null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("username", caller.username());
    out.put("groups", caller.groups());
    out.put("tier", tier == null ? null : tier(tier));
    List<Map<String, Object>> models = new ArrayList<>();
    if (tier != null) {
      for (ModelEntry m : config.modelsOf(tier)) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", m.name());
        model.put("displayName", m.displayName());
        model.put("url", m.url());
        models.add(model);
      }
    }
    out.put("models", models);
    // As Limitador holds them; null while it cannot be read, so the rest still answers.
    out.put("limits", usage.limitsOf(tier));
    return Reply.json(200, out);
  }

  /**
   * GET /v1/models: the models of the caller's tier, OpenAI style. With one of the platform's own
   * credentials as bearer, its tier decides: a token after it is checked completely, an API key
   * when it is live. Any other caller is the one the gateway names.
   */
  Reply models(Request request) throws Refusal {
    TierEntry tier = null;
    String bearer = request.bearer();
    if (bearer != null && bearer.startsWith(ApiKeyEndpoints.PREFIX)) {
      tier =
          apiKeys
              .live(bearer)
              .flatMap(e -> config.tier(e.getValue().tier()))
              .orElseThrow(
                  () ->
                      new Refusal(
                          401, "invalid_token", "the API key is unknown, expired or revoked"));
    } else if (bearer != null && config.issuer().equals(TokenVerifier.unverifiedIssuer(bearer))) {
      try {
        tier = config.tier(tokens.check(bearer).tier()).orElse(null);
      } catch (InvalidTokenException e) {
        throw new Refusal(401, "invalid_token", e.getMessage());
      }
    }
    if (tier == null) {
      tier = tiers.of(request.caller());
    }
    List<Map<String, Object>> data = new ArrayList<>();
    for (ModelEntry m : config.modelsOf(tier)) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", m.name());
      item.put("object", "model");
      item.put("created", started);
      item.put("owned_by", m.namespace());
      item.put("url", m.url());
      item.put("ready", true);
      item.put("modelDetails", Map.of("displayName", m.displayName()));
      data.add(item);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("object", "list");
    out.put("data", data);
    return Reply.json(200, out);
  }

  /** POST /v1/tiers/lookup: which tier a set of groups falls in. */
  Reply lookup(Request request) throws Exception {
    JsonNode groups = request.object(false).path("groups");
    List<String> names = new ArrayList<>();
    groups.forEach(g -> names.add(g.isTextual() ? g.asText() : null));
    if (!groups.isArray() || names.isEmpty() || names.contains(null)) {
      throw Refusal.badRequest(
          "the body must be {\"groups\": [\"group\", ...]} with at least one group");
    }
    TierEntry tier =
        config
            .tierFor(names)
            .orElseThrow(
                () ->
                    new Refusal(
                        404, "no_tier", "no tier matches these groups", Map.of("groups", names)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tier", tier.name());
    out.put("displayName", tier.displayName());
    out.put("level", tier.level());
    return Reply.json(200, out);
  }

  private static Map<String, Object> tier(TierEntry t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", t.name());
    out.put("displayName", t.displayName());
    out.put("level", t.level());
    return out;
  }
}
