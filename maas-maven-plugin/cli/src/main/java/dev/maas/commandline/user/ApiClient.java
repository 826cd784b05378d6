package dev.maas.commandline.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls the MaaS API under the gateway's {@code /maas-api/} prefix with the saved credential as a
 * bearer token.
 */
final class ApiClient {

  /** An answer: its status and JSON body (missing when there is none or it is not JSON). */
  record Answer(int status, JsonNode body) {

    /** The API's {@code error} text, or the status. */
    String error() {
      return body.path("error").isTextual()
          ? body.path("error").asText()
          : "the server answered " + status;
    }
  }

  /** The gateway path the MaaS API sits under. */
  static final String PREFIX = "/maas-api/";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String gateway;
  private final String credential;

  ApiClient(String gateway, String credential) {
    this.gateway = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
    this.credential = credential;
  }

  String gateway() {
    return gateway;
  }

  Answer call(String method, String path, JsonNode body) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(gateway + PREFIX + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + credential)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r;
    try {
      r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    JsonNode parsed = MissingNode.getInstance();
    if (!r.body().isBlank()) {
      try {
        parsed = UserConfig.JSON.readTree(r.body());
      } catch (IOException e) {
        parsed = MissingNode.getInstance();
      }
    }
    return new Answer(r.statusCode(), parsed);
  }
}
