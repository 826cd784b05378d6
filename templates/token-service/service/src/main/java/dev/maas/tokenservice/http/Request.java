package dev.maas.tokenservice.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import dev.maas.tokenservice.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One request: its method, raw path, path parameter, headers, and a body read with a bound. */
public final class Request {

  /** Bodies larger than this are refused with 413 before they are kept. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /**
   * How much of an oversized body is read and dropped, so that a client still sending sees the 413.
   */
  static final int DISCARD_BYTES = 1024 * 1024;

  private final HttpExchange exchange;
  private final String parameter;

  Request(HttpExchange exchange, String parameter) {
    this.exchange = exchange;
    this.parameter = parameter;
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  /**
   * The raw path: the decoded one would turn {@code /%69nternal/} into a path the gateway did not
   * refuse.
   */
  public String path() {
    return rawPath(exchange);
  }

  /** The value of the route's path parameter. */
  public String parameter() {
    return parameter;
  }

  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The bearer token of the Authorization header, or null. */
  public String bearer() {
    String h = header("Authorization");
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
  }

  /** The caller as the gateway named them. */
  public Caller caller() throws Refusal {
    String username = header("X-MaaS-Username");
    if (username == null || username.isBlank()) {
      throw new Refusal(
          401,
          "unauthenticated",
          "no X-MaaS-Username header: requests must come through the gateway");
    }
    String groupsHeader = header("X-MaaS-Groups");
    List<String> groups = new ArrayList<>();
    if (groupsHeader != null && !groupsHeader.isBlank()) {
      JsonNode parsed;
      try {
        parsed = Json.MAPPER.readTree(groupsHeader);
      } catch (JacksonException e) {
        throw Refusal.badRequest("X-MaaS-Groups is not a JSON array of strings");
      }
      if (!parsed.isArray()) {
        throw Refusal.badRequest("X-MaaS-Groups is not a JSON array of strings");
      }
      for (JsonNode g : parsed) {
        if (!g.isTextual()) {
          throw Refusal.badRequest("X-MaaS-Groups is not a JSON array of strings");
        }
        groups.add(g.asText());
      }
    }
    return new Caller(username.trim(), groups);
  }

  /** The body as JSON; an empty body is a missing node. */
  public JsonNode json() throws Refusal, IOException {
    byte[] raw = body();
    if (new String(raw, StandardCharsets.UTF_8).isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(raw);
    } catch (JacksonException e) {
      // The parser's own message may quote the body; a fixed one is enough for the client.
      throw Refusal.badRequest(
          "the body is not valid JSON (or nests deeper than " + Json.MAX_DEPTH + ")");
    }
  }

  /** The body as a JSON object; an empty body only when {@code optional}. */
  public JsonNode object(boolean optional) throws Refusal, IOException {
    JsonNode body = json();
    if (body.isMissingNode() && optional) {
      return body;
    }
    if (!body.isObject()) {
      throw Refusal.badRequest("the body must be a JSON object");
    }
    return body;
  }

  /** Reads at most {@link #MAX_BODY_BYTES}; a larger body is refused with 413 and never kept. */
  byte[] body() throws Refusal, IOException {
    InputStream in = exchange.getRequestBody();
    String length = header("Content-Length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw Refusal.badRequest("bad Content-Length");
      }
      if (declared > MAX_BODY_BYTES) {
        throw tooLarge(in);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      out.write(buffer, 0, n);
      if (out.size() > MAX_BODY_BYTES) {
        throw tooLarge(in);
      }
    }
    return out.toByteArray();
  }

  private static Refusal tooLarge(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    long discarded = 0;
    int n;
    while (discarded < DISCARD_BYTES && (n = in.read(buffer)) > 0) {
      discarded += n;
    }
    return new Refusal(
        413, "body_too_large", "the request body is larger than " + MAX_BODY_BYTES + " bytes");
  }

  static String rawPath(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    return path == null ? "" : path;
  }
}
