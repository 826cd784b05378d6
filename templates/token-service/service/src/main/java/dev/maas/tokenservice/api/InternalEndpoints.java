package dev.maas.tokenservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.tokenservice.http.Refusal;
import dev.maas.tokenservice.http.Reply;
import dev.maas.tokenservice.http.Request;
import dev.maas.tokenservice.jwt.InvalidTokenException;
import dev.maas.tokenservice.jwt.TokenClaims;
import dev.maas.tokenservice.metrics.Metrics;
import dev.maas.tokenservice.state.TokenLedger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's revocation check; the gateway's policy keeps {@code /internal/} from outside
 * callers.
 */
record InternalEndpoints(TokenCheck tokens, TokenLedger ledger, Metrics metrics) {

  /**
   * POST /internal/v1/tokens/status. {@code {"jti","sub","iat"}} of a token the gateway verified
   * answers {@code {"revoked": bool}}; {@code {"token": "..."}} is verified here and fails closed
   * ({@code "valid": false, "revoked": true}) when anything is wrong with it.
   */
  Reply status(Request request) throws Exception {
    JsonNode body = request.object(false);
    Map<String, Object> out = new LinkedHashMap<>();
    if (body.path("token").isTextual()) {
      try {
        TokenClaims claims = tokens.check(body.path("token").asText());
        out.put("valid", true);
        out.put("revoked", false);
        out.put("sub", claims.sub());
        out.put("tier", claims.tier());
        out.put("jti", claims.jti());
      } catch (InvalidTokenException e) {
        metrics.refused("invalid_token");
        out.put("valid", false);
        out.put("revoked", true);
        out.put("error", e.getMessage());
      }
      return Reply.json(200, out);
    }
    JsonNode jti = body.path("jti");
    JsonNode sub = body.path("sub");
    JsonNode iat = body.path("iat");
    if (!jti.isTextual() || !sub.isTextual() || !iat.isIntegralNumber()) {
      throw Refusal.badRequest(
          "the body must be {\"jti\": string, \"sub\": string, \"iat\": number}");
    }
    out.put("revoked", ledger.isRevoked(jti.asText(), sub.asText(), iat.asLong()));
    return Reply.json(200, out);
  }
}
