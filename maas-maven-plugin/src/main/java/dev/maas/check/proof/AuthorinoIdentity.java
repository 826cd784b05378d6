package dev.maas.check.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.output.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The identity Authorino builds and passes on: the authenticated identity extended by the accepting
 * rule's {@code defaults} and {@code overrides}, and the objects of {@code
 * response.success.filters}, which are all the gateway's rate-limit and telemetry CEL ever sees as
 * {@code auth.<filter>} (so {@code auth.identity.tier} of a RateLimitPolicy is the {@code tier}
 * property of the AuthPolicy's {@code identity} filter, not a claim).
 */
final class AuthorinoIdentity {

  private static final ObjectMapper JSON = Yaml.JSON;

  /**
   * What {@link #resolve} gives for an entry it cannot resolve (a value may itself be {@code
   * null}).
   */
  static final Object UNRESOLVED = new Object();

  /**
   * Evaluates a CEL expression over the authorization JSON the caller resolves against; {@link
   * #UNRESOLVED} when it does not compile or evaluate.
   */
  @FunctionalInterface
  interface Expressions {
    Object value(Expr expression);
  }

  /** A {@code {selector|expression|value}} entry, read once from the policy. */
  sealed interface Resolver {}

  /** A CEL expression's value. */
  record Expression(Expr expression) implements Resolver {}

  /** A gjson selector into the authorization JSON. */
  record Selector(String selector) implements Resolver {}

  /** A constant, as its JSON reads as plain Java. */
  record Constant(Object value) implements Resolver {}

  /** An entry that names none of the three: it never resolves. */
  record Unresolvable() implements Resolver {}

  /**
   * A named property ({@code defaults}, {@code overrides}, a {@code json} filter's {@code
   * properties}).
   *
   * @param name the property
   * @param resolver how its value is found
   */
  record Property(String name, Resolver resolver) {}

  /**
   * A success filter.
   *
   * @param name its name in {@code filters}
   * @param key the key it is passed on under ({@code auth.<key>})
   * @param when its conditions over the authenticated request
   * @param json the properties of a {@code json} filter, or {@code null}
   * @param plain the value of a {@code plain} filter, or {@code null}; a filter with neither is
   *     left out
   */
  record Filter(String name, String key, Conditions when, List<Property> json, Resolver plain) {}

  /**
   * What the success filters pass on.
   *
   * @param objects filter key → its value (for a {@code json} filter, property → value)
   * @param failure why a filter failed (Authorino then fails the request), or {@code null}
   */
  record Passed(Map<String, Object> objects, String failure) {

    /** Nothing passed on: no AuthPolicy applied, or it authenticated nobody. */
    static final Passed NONE = new Passed(Map.of(), null);

    /**
     * The variables the limits' predicates and counters see: {@code request} and {@code
     * auth.<filter>}.
     */
    Map<String, Object> limitVariables(Map<String, Object> requestVars) {
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("request", requestVars.get("request"));
      vars.put("auth", objects);
      return vars;
    }
  }

  private AuthorinoIdentity() {}

  /** The resolver of a {@code {selector|expression|value}} entry. */
  static Resolver resolver(JsonNode entry, Function<String, Expr> expressions) {
    if (entry.has("expression")) {
      return new Expression(expressions.apply(entry.path("expression").asText()));
    } else if (entry.has("selector")) {
      return new Selector(entry.path("selector").asText());
    } else if (entry.has("value")) {
      return new Constant(JSON.convertValue(entry.path("value"), Object.class));
    }
    return new Unresolvable();
  }

  /** The properties of an object of entries, in the order written. */
  static List<Property> properties(JsonNode object, Function<String, Expr> expressions) {
    List<Property> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : entries(object)) {
      out.add(new Property(property.getKey(), resolver(property.getValue(), expressions)));
    }
    return List.copyOf(out);
  }

  /** The success filters of a {@code response.success.filters} object, in the order written. */
  static List<Filter> filters(JsonNode filters, Function<String, Expr> expressions) {
    List<Filter> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> filter : entries(filters)) {
      JsonNode spec = filter.getValue();
      out.add(
          new Filter(
              filter.getKey(),
              spec.path("key").asText(filter.getKey()),
              Conditions.of(spec.path("when"), expressions),
              spec.has("json")
                  ? properties(spec.path("json").path("properties"), expressions)
                  : null,
              !spec.has("json") && spec.has("plain")
                  ? resolver(spec.path("plain"), expressions)
                  : null));
    }
    return List.copyOf(out);
  }

  /**
   * {@code vars} with {@code auth.identity} extended by the rule's {@code defaults} (where the
   * identity lacks the property) and {@code overrides} (always), each resolved against the
   * unextended authorization JSON. A property that cannot be resolved is left out. With neither,
   * {@code vars} itself.
   */
  static Map<String, Object> authenticated(
      List<Property> defaults,
      List<Property> overrides,
      Map<String, Object> vars,
      Expressions cel) {
    if (defaults.isEmpty() && overrides.isEmpty()) {
      return vars;
    }
    Map<String, Object> auth = new LinkedHashMap<>(map(vars.get("auth")));
    Map<String, Object> identity = new LinkedHashMap<>(map(auth.get("identity")));
    for (Property property : defaults) {
      Object value =
          identity.containsKey(property.name())
              ? UNRESOLVED
              : resolve(property.resolver(), vars, cel);
      if (value != UNRESOLVED) {
        identity.put(property.name(), value);
      }
    }
    for (Property property : overrides) {
      Object value = resolve(property.resolver(), vars, cel);
      if (value != UNRESOLVED) {
        identity.put(property.name(), value);
      }
    }
    auth.put("identity", identity);
    Map<String, Object> extended = new LinkedHashMap<>(vars);
    extended.put("auth", auth);
    return extended;
  }

  /**
   * The objects of the success filters whose {@code when} holds, resolved against {@code vars} (the
   * authenticated request); a {@code wristband} filter is outside the proof and left out.
   */
  static Passed successFilters(
      List<Filter> filters,
      Map<String, Object> vars,
      Expressions cel,
      Predicate<Conditions> whenHolds) {
    Map<String, Object> objects = new LinkedHashMap<>();
    for (Filter filter : filters) {
      if (!whenHolds.test(filter.when())) {
        continue;
      }
      if (filter.json() != null) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Property property : filter.json()) {
          Object value = resolve(property.resolver(), vars, cel);
          if (value == UNRESOLVED) {
            return new Passed(
                Map.of(),
                "its success filter `"
                    + filter.name()
                    + "` fails (property `"
                    + property.name()
                    + "` cannot be resolved)");
          }
          properties.put(property.name(), value);
        }
        objects.put(filter.key(), properties);
      } else if (filter.plain() != null) {
        Object value = resolve(filter.plain(), vars, cel);
        if (value == UNRESOLVED) {
          return new Passed(Map.of(), "its success filter `" + filter.name() + "` fails");
        }
        objects.put(filter.key(), value);
      }
    }
    return new Passed(objects, null);
  }

  /** An entry's value; {@link #UNRESOLVED} when it cannot be resolved. */
  static Object resolve(Resolver entry, Map<String, Object> vars, Expressions cel) {
    if (entry instanceof Expression e) {
      return cel.value(e.expression());
    } else if (entry instanceof Selector s) {
      return select(s.selector(), vars);
    } else if (entry instanceof Constant c) {
      return c.value();
    }
    return UNRESOLVED;
  }

  /**
   * A gjson path into the authorization JSON, as Authorino's selectors read it: dot-separated keys
   * ({@code \.} escapes a dot), a missing key gives {@code null} (CEL's null once bound); of the
   * modifiers only {@code @tostr} (the value as JSON text) is modelled, others and string templates
   * are not resolved.
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
