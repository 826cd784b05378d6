package dev.maas.tokenservice.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.maas.tokenservice.json.Json;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * One request read whole: its method, raw path, path parameter, headers, and its body, which the
 * listener bounded to {@link #MAX_BODY_BYTES}.
 */
public final class Request {

  /** Bodies larger than this are refused with 413 before they are kept. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private final String method;
  private final String path;
  private final HttpHeaders headers;
  private final byte[] body;
  private final String parameter;

  private Request(String method, String path, HttpHeaders headers, byte[] body, String parameter) {
    this.method = method;
    this.path = path;
    this.headers = headers;
    this.body = body;
    this.parameter = parameter;
  }

  /** {@code request} with {@code body}; its headers are kept as they are. */
  static Request of(HttpRequest request, byte[] body) {
    return new Request(
        request.method().name(), rawPath(request.uri()), request.headers(), body, "");
  }

  /** The same request with the route's path parameter. */
  Request withParameter(String value) {
    return new Request(method, path, headers, body, value);
  }

  public String method() {
    return method;
  }

  /**
   * The raw path: the decoded one would turn {@code /%69nternal/} into a path the gateway did not
   * refuse.
   */
  public String path() {
    return path;
  }

  /** The value of the route's path parameter. */
  public String parameter() {
    return parameter;
  }

  public String header(String name) {
    return headers.get(name);
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
  public JsonNode json() throws Refusal {
    if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      // The parser's own message may quote the body; a fixed one is enough for the client.
      throw Refusal.badRequest(
          "the body is not valid JSON (or nests deeper than " + Json.MAX_DEPTH + ")");
    }
  }

  /** The body as a JSON object; an empty body only when {@code optional}. */
  public JsonNode object(boolean optional) throws Refusal {
    JsonNode body = json();
    if (body.isMissingNode() && optional) {
      return body;
    }
    if (!body.isObject()) {
      throw Refusal.badRequest("the body must be a JSON object");
    }
    return body;
  }

  /** The body's bytes, at most {@link #MAX_BODY_BYTES}. */
  byte[] body() {
    return body;
  }

  /** The raw path of a request target: origin form as sent, absolute form as its path. */
  static String rawPath(String uri) {
    if (uri.startsWith("/")) {
      int end = uri.length();
      int query = uri.indexOf('?');
      if (query >= 0) {
        end = query;
      }
      int fragment = uri.indexOf('#');
      if (fragment >= 0 && fragment < end) {
        end = fragment;
      }
      return uri.substring(0, end);
    }
    try {
      String path = new URI(uri).getRawPath();
      return path == null ? "" : path;
    } catch (URISyntaxException e) {
      return "";
    }
  }
}
