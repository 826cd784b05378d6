package dev.maas.tests.webui;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The gateway in front of the MaaS API, reduced to what the generated AuthPolicy and HTTPRoute do
 * for the token service's route: {@code /maas-api/...} rewritten to {@code /...}; GETs under {@code
 * /maas-api/ui/} let in without a credential; every other request authenticated (a Kubernetes token
 * by a table standing for the TokenReview, an OIDC token by its issuer's JWKS) and passed on with
 * {@code X-MaaS-Username} and {@code X-MaaS-Groups}; requests that set those headers themselves
 * refused.
 */
public final class GatewayStandIn implements AutoCloseable {

  /** Who a Kubernetes token is, as a TokenReview would answer. */
  public record Person(String username, List<String> groups) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final HttpServer server;
  private final String upstream;
  private final Map<String, Person> kubernetesTokens;
  private volatile DefaultJWTProcessor<SecurityContext> oidc;

  public GatewayStandIn(String upstream, Map<String, Person> kubernetesTokens) throws IOException {
    this.upstream = upstream;
    this.kubernetesTokens = Map.copyOf(kubernetesTokens);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Accepts the ID tokens of {@code issuer}, checked against its JWKS, as the AuthPolicy's {@code
   * jwt} rule does.
   */
  public void trustOidc(String jwksUrl) throws IOException {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            java.util.Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256),
            JWKSourceBuilder.create(new URL(jwksUrl)).build()));
    oidc = processor;
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (!path.startsWith("/maas-api/")) {
        send(exchange, 404, "text/plain", "no route");
        return;
      }
      if (exchange.getRequestHeaders().containsKey("X-MaaS-Username")
          || exchange.getRequestHeaders().containsKey("X-MaaS-Groups")) {
        send(exchange, 403, "text/plain", "client identity headers");
        return;
      }
      Person person = null;
      boolean page = exchange.getRequestMethod().equals("GET") && path.startsWith("/maas-api/ui/");
      if (!page) {
        person = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (person == null) {
          send(exchange, 401, "text/plain", "unauthenticated");
          return;
        }
      }
      String query = exchange.getRequestURI().getRawQuery();
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(
                  URI.create(
                      upstream
                          + path.substring("/maas-api".length())
                          + (query == null ? "" : "?" + query)))
              .timeout(Duration.ofSeconds(30))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type != null) {
        forward.header("Content-Type", type);
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization != null) {
        forward.header("Authorization", authorization);
      }
      if (person != null) {
        forward.header("X-MaaS-Username", person.username());
        forward.header(
            "X-MaaS-Groups",
            person.groups().stream()
                .map(g -> "\"" + g + "\"")
                .collect(Collectors.joining(",", "[", "]")));
      }
      HttpResponse<byte[]> answer;
      try {
        answer = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        send(exchange, 503, "text/plain", "interrupted");
        return;
      }
      answer
          .headers()
          .firstValue("Cache-Control")
          .ifPresent(v -> exchange.getResponseHeaders().set("Cache-Control", v));
      answer
          .headers()
          .firstValue("Content-Type")
          .ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
      exchange.sendResponseHeaders(
          answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    }
  }

  private Person authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String token = authorization.substring(7).trim();
    Person person = kubernetesTokens.get(token);
    if (person != null || oidc == null) {
      return person;
    }
    try {
      JWTClaimsSet claims = oidc.process(token, null);
      List<String> groups = claims.getStringListClaim("groups");
      return new Person(claims.getSubject(), groups == null ? List.of() : groups);
    } catch (Exception e) {
      return null;
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
