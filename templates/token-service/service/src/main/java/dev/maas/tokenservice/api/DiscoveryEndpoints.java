package dev.maas.tokenservice.api;

import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.http.Reply;
import dev.maas.tokenservice.http.Request;
import dev.maas.tokenservice.keys.KeyRing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What clients and the gateway read to trust and call the service: OpenID discovery, the JWKS, the
 * OpenAPI document.
 */
final class DiscoveryEndpoints {

  /** Where the OpenAPI document is packaged. */
  static final String OPENAPI_RESOURCE = "/dev/maas/tokenservice/openapi.json";

  private final ServiceConfig config;
  private final KeyRing keys;
  private final String openApi;

  DiscoveryEndpoints(ServiceConfig config, KeyRing keys) throws IOException {
    this.config = config;
    this.keys = keys;
    this.openApi = openApiDocument();
  }

  Reply openIdConfiguration(Request request) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("issuer", config.issuer());
    c.put("jwks_uri", config.issuer() + "/.well-known/jwks.json");
    c.put("response_types_supported", List.of("id_token"));
    c.put("subject_types_supported", List.of("public"));
    c.put("id_token_signing_alg_values_supported", List.of("ES256"));
    c.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "tier"));
    return Reply.json(200, c);
  }

  Reply jwks(Request request) {
    return Reply.json(200, keys.jwks());
  }

  Reply openApi(Request request) {
    return new Reply(200, openApi, "application/json; charset=utf-8");
  }

  /** The packaged document. */
  static String openApiDocument() throws IOException {
    try (InputStream in = DiscoveryEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IOException(OPENAPI_RESOURCE + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
