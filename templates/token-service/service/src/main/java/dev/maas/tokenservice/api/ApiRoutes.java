package dev.maas.tokenservice.api;

import dev.maas.tokenservice.audit.AuditLog;
import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.http.Reply;
import dev.maas.tokenservice.http.Route;
import dev.maas.tokenservice.jwt.TokenSigner;
import dev.maas.tokenservice.jwt.TokenVerifier;
import dev.maas.tokenservice.keys.KeyRing;
import dev.maas.tokenservice.metrics.Metrics;
import dev.maas.tokenservice.state.TokenLedger;
import dev.maas.tokenservice.ui.WebUi;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The route tables: the API's (which {@code openapi.json} documents) and the health and metrics
 * server's.
 */
public final class ApiRoutes {

  /** The Prometheus text format's media type. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private ApiRoutes() {}

  /** Every API endpoint. */
  public static List<Route> api(
      ServiceConfig config,
      KeyRing keys,
      TokenSigner signer,
      TokenLedger ledger,
      Metrics metrics,
      AuditLog audit,
      Clock clock)
      throws IOException {
    Tiers tiers = new Tiers(config);
    TokenCheck check =
        new TokenCheck(new TokenVerifier(keys, config.issuer(), config.audience()), config, ledger);
    TokenEndpoints tokens =
        new TokenEndpoints(
            tiers,
            new Lifetimes(config.defaultTTL(), config.maxTTL()),
            keys,
            signer,
            ledger,
            metrics,
            audit,
            clock);
    ApiKeyEndpoints apiKeys = new ApiKeyEndpoints(config, tiers, ledger, audit, clock);
    UsageEndpoints usage = new UsageEndpoints(config, System.getenv());
    CatalogueEndpoints catalogue =
        new CatalogueEndpoints(
            config, tiers, check, apiKeys, usage, clock.instant().getEpochSecond());
    DiscoveryEndpoints discovery = new DiscoveryEndpoints(config, keys);
    InternalEndpoints internal = new InternalEndpoints(check, ledger, metrics);
    return Stream.concat(
            Stream.of(
                new Route("GET", "/health", r -> health()),
                new Route("GET", "/openapi.json", discovery::openApi),
                new Route(
                    "GET", "/.well-known/openid-configuration", discovery::openIdConfiguration),
                new Route("GET", "/.well-known/jwks.json", discovery::jwks),
                new Route("POST", "/v1/tokens", tokens::issue),
                new Route("GET", "/v1/tokens", tokens::list),
                new Route("DELETE", "/v1/tokens", tokens::revokeAll),
                new Route("DELETE", "/v1/tokens/{jti}", tokens::revokeOne),
                new Route("POST", "/v1/api-keys", apiKeys::create),
                new Route("GET", "/v1/api-keys", apiKeys::list),
                new Route("DELETE", "/v1/api-keys/{id}", apiKeys::revoke),
                new Route("GET", "/v1/tiers", catalogue::tiers),
                new Route("POST", "/v1/tiers/lookup", catalogue::lookup),
                new Route("GET", "/v1/me", catalogue::me),
                new Route("GET", "/v1/models", catalogue::models),
                new Route("GET", "/v1/usage", usage::usage),
                new Route("POST", "/internal/v1/tokens/status", internal::status),
                new Route("POST", "/internal/v1/api-keys/resolve", apiKeys::resolve)),
            WebUi.routes(System.getenv()).stream())
        .toList();
  }

  /** Health and counters only: the port Prometheus may reach from anywhere serves nothing else. */
  public static List<Route> management(Metrics metrics) {
    return List.of(
        new Route("GET", "/health", r -> health()),
        new Route("GET", "/metrics", r -> new Reply(200, metrics.render(), PROMETHEUS_TEXT)));
  }

  private static Reply health() {
    return Reply.json(200, Map.of("status", "healthy"));
  }
}
