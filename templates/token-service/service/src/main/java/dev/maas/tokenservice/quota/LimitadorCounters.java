package dev.maas.tokenservice.quota;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.maas.tokenservice.json.Json;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Limitador's limits and counters of one namespace over its HTTP API with a short timeout.
 * The counters answer lists every caller's counters of the namespace, so it is read one counter at
 * a time and bounded.
 */
public final class LimitadorCounters {

  /** Longest wait to connect. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Longest wait for the whole answer. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

  /** Largest answer read: about a hundred thousand counters. */
  static final long MAX_ANSWER_BYTES = 64L * 1024 * 1024;

  /** Reads one element of an array: the rest of the array follows it. */
  private static final ObjectReader ONE_ELEMENT =
      Json.MAPPER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String baseUrl;

  /** Made on first use, under {@code this}. */
  private HttpClient http;

  public LimitadorCounters(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * The client, made when usage is first asked for: building one loads the JDK's HTTP client and
   * TLS stack (about 250 classes and the default SSL context), which every start paid before its
   * first answer to the health probe.
   */
  private synchronized HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return http;
  }

  /** Where the counters are read. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * The counters of {@code namespace} whose limit is named one of {@code names}. Kuadrant's
   * namespaces hold a slash ({@code <route namespace>/<route name>}); it is sent percent-encoded,
   * which Limitador's router (actix-router) keeps within the one path segment and decodes when it
   * reads the parameter.
   */
  public List<Counter> counters(String namespace, Set<String> names)
      throws LimitadorUnavailableException {
    return read("/counters/", namespace, body -> parse(body, names));
  }

  /** The limits of {@code namespace} named one of {@code names}. */
  public List<Limit> limits(String namespace, Set<String> names)
      throws LimitadorUnavailableException {
    return read("/limits/", namespace, body -> parseLimits(body, names));
  }

  /** How an answer's body is read. */
  private interface BodyReader<T> {
    T read(InputStream body) throws IOException;
  }

  private <T> T read(String path, String namespace, BodyReader<T> reader)
      throws LimitadorUnavailableException {
    URI uri = URI.create(baseUrl + path + URLEncoder.encode(namespace, StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new LimitadorUnavailableException(
          "Limitador did not answer: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LimitadorUnavailableException("interrupted while reading Limitador");
    }
    try (InputStream body = new Bounded(response.body(), MAX_ANSWER_BYTES)) {
      if (response.statusCode() != 200) {
        throw new LimitadorUnavailableException("Limitador answered HTTP " + response.statusCode());
      }
      return reader.read(body);
    } catch (IOException e) {
      throw new LimitadorUnavailableException(
          "Limitador's answer could not be read: " + e.getClass().getSimpleName());
    }
  }

  /** The limits of a {@code /limits} answer named one of {@code names}. */
  static List<Limit> parseLimits(InputStream body, Set<String> names) throws IOException {
    List<Limit> out = new ArrayList<>();
    for (JsonNode l : elements(body)) {
      String name = l.path("name").asText(null);
      if (name != null && names.contains(name)) {
        out.add(
            new Limit(
                name,
                l.path("seconds").asLong(),
                l.path("max_value").asLong(),
                texts(l.path("variables"))));
      }
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  /** The objects of a JSON array, read one at a time. */
  private static List<JsonNode> elements(InputStream body) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (JsonParser parser = Json.MAPPER.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("not a JSON array");
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        out.add(ONE_ELEMENT.readValue(parser));
      }
      if (parser.currentToken() != JsonToken.END_ARRAY) {
        throw new IOException("not an array of objects");
      }
    }
    return out;
  }

  /** The counters of a {@code /counters} answer whose limit is named one of {@code names}. */
  static List<Counter> parse(InputStream body, Set<String> names) throws IOException {
    List<Counter> out = new ArrayList<>();
    try (JsonParser parser = Json.MAPPER.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("not a JSON array");
      }
      // One counter at a time: the answer holds every caller's counters of the namespace.
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        JsonNode c = ONE_ELEMENT.readValue(parser);
        JsonNode limit = c.path("limit");
        String name = limit.path("name").asText(null);
        if (name == null || !names.contains(name)) {
          continue;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        c.path("set_variables")
            .fields()
            .forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        out.add(
            new Counter(
                name,
                limit.path("seconds").asLong(),
                limit.path("max_value").asLong(),
                variables,
                remaining(c.path("remaining")),
                c.path("expires_in_seconds").isIntegralNumber()
                    ? c.path("expires_in_seconds").asLong()
                    : null));
      }
      if (parser.currentToken() != JsonToken.END_ARRAY) {
        throw new IOException("not an array of counters");
      }
    }
    return out;
  }

  /**
   * The {@code remaining} field; a wrapped u64 beyond a long's range reads as -1, which the reader
   * takes as nothing left.
   */
  private static Long remaining(JsonNode n) {
    if (!n.isIntegralNumber()) {
      return null;
    }
    return n.canConvertToLong() ? n.asLong() : -1L;
  }

  /** A stream that fails after {@code max} bytes. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long max) {
      super(in);
      this.left = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) {
        throw new IOException("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0 && (left -= n) < 0) {
        throw new IOException("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
      }
      return n;
    }
  }
}
