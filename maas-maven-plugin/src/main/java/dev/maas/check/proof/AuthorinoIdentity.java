package dev.maas.check.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The identity Authorino builds and passes on: the authenticated identity extended by the accepting rule's
 * {@code defaults} and {@code overrides}, and the objects of {@code response.success.filters}, which are all
 * the gateway's rate-limit and telemetry CEL ever sees as {@code auth.<filter>} (so {@code auth.identity.tier}
 * of a RateLimitPolicy is the {@code tier} property of the AuthPolicy's {@code identity} filter, not a claim).
 */
final class AuthorinoIdentity {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What {@link #resolve} gives for an entry it cannot resolve (a value may itself be {@code null}). */
  static final Object UNRESOLVED = new Object();

  /** Evaluates a CEL expression over the authorization JSON; {@link #UNRESOLVED} when it does not compile or evaluate. */
  @FunctionalInterface
  interface Expressions {
    Object value(String expression, Map<String, Object> vars);
  }

  /**
   * What the success filters pass on.
   *
   * @param objects filter key → its value (for a {@code json} filter, property → value)
   * @param failure why a filter failed (Authorino then fails the request), or {@code null}
   */
  record Passed(Map<String, Object> objects, String failure) {

    /** Nothing passed on: no AuthPolicy applied, or it authenticated nobody. */
    static final Passed NONE = new Passed(Map.of(), null);

    /** The variables the limits' predicates and counters see: {@code request} and {@code auth.<filter>}. */
    Map<String, Object> limitVariables(Map<String, Object> requestVars) {
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("request", requestVars.get("request"));
      vars.put("auth", objects);
      return vars;
    }
  }

  private AuthorinoIdentity() {}

  /**
   * {@code vars} with {@code auth.identity} extended by the rule's {@code defaults} (where the identity lacks the
   * property) and {@code overrides} (always), each resolved against the unextended authorization JSON.
   * A property that cannot be resolved is left out.
   */
  static Map<String, Object> authenticated(JsonNode rule, Map<String, Object> vars, Expressions cel) {
    Map<String, Object> auth = new LinkedHashMap<>(map(vars.get("auth")));
    Map<String, Object> identity = new LinkedHashMap<>(map(auth.get("identity")));
    for (Map.Entry<String, JsonNode> property : entries(rule.path("defaults"))) {
      Object value = identity.containsKey(property.getKey()) ? UNRESOLVED : resolve(property.getValue(), vars, cel);
      if (value != UNRESOLVED) {
        identity.put(property.getKey(), value);
      }
    }
    for (Map.Entry<String, JsonNode> property : entries(rule.path("overrides"))) {
      Object value = resolve(property.getValue(), vars, cel);
      if (value != UNRESOLVED) {
        identity.put(property.getKey(), value);
      }
    }
    auth.put("identity", identity);
    Map<String, Object> extended = new LinkedHashMap<>(vars);
    extended.put("auth", auth);
    return extended;
  }

  /**
   * The objects of {@code success.filters} whose {@code when} holds, resolved against {@code vars} (the
   * authenticated request); a {@code wristband} filter is outside the proof and left out.
   */
  static Passed successFilters(JsonNode filters, Map<String, Object> vars, Expressions cel,
      Predicate<JsonNode> whenHolds) {
    Map<String, Object> objects = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> filter : entries(filters)) {
      JsonNode spec = filter.getValue();
      if (!whenHolds.test(spec.path("when"))) {
        continue;
      }
      String key = spec.path("key").asText(filter.getKey());
      if (spec.has("json")) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : entries(spec.path("json").path("properties"))) {
          Object value = resolve(property.getValue(), vars, cel);
          if (value == UNRESOLVED) {
            return new Passed(Map.of(), "its success filter `" + filter.getKey() + "` fails (property `"
                + property.getKey() + "` cannot be resolved)");
          }
          properties.put(property.getKey(), value);
        }
        objects.put(key, properties);
      } else if (spec.has("plain")) {
        Object value = resolve(spec.path("plain"), vars, cel);
        if (value == UNRESOLVED) {
          return new Passed(Map.of(), "its success filter `" + filter.getKey() + "` fails");
        }
        objects.put(key, value);
      }
    }
    return new Passed(objects, null);
  }

  /** A {@code {selector|expression|value}} entry's value; {@link #UNRESOLVED} when it cannot be resolved. */
  static Object resolve(JsonNode entry, Map<String, Object> vars, Expressions cel) {
    if (entry.has("expression")) {
      return cel.value(entry.path("expression").asText(), vars);
    } else if (entry.has("selector")) {
      return select(entry.path("selector").asText(), vars);
    } else if (entry.has("value")) {
      return JSON.convertValue(entry.path("value"), Object.class);
    }
    return UNRESOLVED;
  }

  /**
   * A gjson path into the authorization JSON, as Authorino's selectors read it: dot-separated keys
   * ({@code \.} escapes a dot), a missing key gives {@code null} (CEL's null once bound); of the modifiers only {@code @tostr} (the
   * value as JSON text) is modelled, others and string templates are not resolved.
   */
  static Object select(String selector, Map<String, Object> vars) {
    if (selector.contains("{")) {
      return UNRESOLVED;
    }
    Object current = vars;
    List<String> keys = keys(selector);
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (key.startsWith("@")) {
        if (!key.equals("@tostr") || i != keys.size() - 1) {
          return UNRESOLVED;
        }
        try {
          return current instanceof String s ? s : JSON.writeValueAsString(current);
        } catch (JsonProcessingException e) {
          return UNRESOLVED;
        }
      }
      if (!(current instanceof Map<?, ?> object)) {
        return null;
      }
      current = object.get(key);
    }
    return current;
  }

  private static List<String> keys(String selector) {
    List<String> keys = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '\\' && i + 1 < selector.length()) {
        key.append(selector.charAt(++i));
      } else if (c == '.') {
        keys.add(key.toString());
        key.setLength(0);
      } else {
        key.append(c);
      }
    }
    keys.add(key.toString());
    return keys;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    return object::fields;
  }
}
