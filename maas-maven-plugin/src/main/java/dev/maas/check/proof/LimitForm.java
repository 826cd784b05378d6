package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelVariables;
import dev.maas.model.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A RateLimitPolicy or TokenRateLimitPolicy, read once into what its evaluation walks: its
 * conditions and its limits with their predicates, parsed rates and counters.
 */
final class LimitForm {

  /**
   * One limit.
   *
   * @param key its key in {@code spec.limits}
   * @param when its predicates
   * @param rates its rates, with their windows parsed
   * @param counters the counter expressions as written
   * @param counterValues the counter expressions, compiled
   */
  record Limit(
      String key,
      Conditions when,
      List<LimitMatch.RateValue> rates,
      List<String> counters,
      List<Expr> counterValues) {}

  /**
   * The limits split by what their predicates read, found once the predicates are compiled.
   *
   * @param identityAttributes every attribute the identity-only predicates of all limits read
   * @param byIdentity per limit, its predicates that read the identity only
   * @param byRequest per limit, its other predicates, in the order written
   * @param shared the predicates of {@code byRequest} that more than one limit has (asked by the
   *     requests of many tiers, so worth remembering by the request)
   */
  private record Split(
      List<List<String>> identityAttributes,
      List<List<Expr>> byIdentity,
      List<List<Expr>> byRequest,
      Set<Expr> shared) {}

  private final String identity;
  private final String file;
  private final Conditions when;
  private final List<Limit> limits;
  private final boolean readsAuth;
  private volatile Split split;
  // A tier limit's first predicate names a tier (a model's cap names none, and every identity
  // admits it): which
  // limits the identity admits is the same for every request of a tier, and found once per identity
  // instead of
  // once per limit per request.
  private final Map<Object, int[]> admittedByIdentity = new ConcurrentHashMap<>();

  private LimitForm(
      String identity, String file, Conditions when, List<Limit> limits, boolean readsAuth) {
    this.identity = identity;
    this.file = file;
    this.when = when;
    this.limits = List.copyOf(limits);
    this.readsAuth = readsAuth;
  }

  /**
   * Whether a predicate or counter of the policy names {@code auth.}: Kuadrant then places its
   * actions after the auth action, else before it, where they count refused requests too
   * (kuadrant-operator v1.5.2 {@code internal/wasm/types.go}, {@code HasAuthAccess}, a text search
   * as here).
   */
  boolean readsAuth() {
    return readsAuth;
  }

  private static boolean namesAuth(JsonNode when) {
    for (JsonNode predicate : when) {
      if (predicate.path("predicate").asText().contains("auth.")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The policy of {@code policy}; {@code expressions} gives each expression's one compiled form.
   */
  static LimitForm of(GatewayObjects.Located policy, Function<String, Expr> expressions) {
    JsonNode section = AuthForm.section(policy.body());
    Map<String, Long> windowMillis = new HashMap<>();
    List<Limit> limits = new ArrayList<>();
    boolean readsAuth = namesAuth(section.path("when"));
    for (Map.Entry<String, JsonNode> limit : AuthForm.entries(section.path("limits"))) {
      JsonNode spec = limit.getValue();
      List<LimitMatch.RateValue> rates = new ArrayList<>();
      for (JsonNode rate : spec.path("rates")) {
        String window = rate.path("window").asText();
        long millis =
            windowMillis.computeIfAbsent(
                window, w -> Window.isValid(w) ? Window.parse(w).millis() : -1L);
        rates.add(new LimitMatch.RateValue(rate.path("limit").asLong(), window, millis));
      }
      List<String> counters = new ArrayList<>();
      List<Expr> counterValues = new ArrayList<>();
      readsAuth |= namesAuth(spec.path("when"));
      for (JsonNode counter : spec.path("counters")) {
        String expression = counter.path("expression").asText();
        readsAuth |= expression.contains("auth.");
        counters.add(expression);
        counterValues.add(expressions.apply(expression));
      }
      limits.add(
          new Limit(
              limit.getKey(),
              Conditions.of(spec.path("when"), expressions),
              List.copyOf(rates),
              List.copyOf(counters),
              List.copyOf(counterValues)));
    }
    return new LimitForm(
        policy.identity(),
        policy.file(),
        Conditions.of(section.path("when"), expressions),
        limits,
        readsAuth);
  }

  /**
   * The limits whose predicates hold with {@code vars}; {@code otherUser} gives the variables of
   * the same request by another user of the tier, to tell counters per user from shared ones (asked
   * only for a limit with counters).
   */
  List<LimitMatch> matching(CelVariables vars, Supplier<CelVariables> otherUser) {
    // Every request asks the policy's own conditions, whatever its tier.
    if (!when.hold(vars, true)) {
      return List.of();
    }
    Split s = split();
    Object key = Expr.key(s.identityAttributes(), vars);
    int[] admitted = admittedByIdentity.get(key);
    if (admitted == null) {
      admitted = admitted(s, vars);
      admittedByIdentity.putIfAbsent(key, admitted);
    }
    List<LimitMatch> out = new ArrayList<>(2);
    for (int i : admitted) {
      if (!allHold(s.byRequest().get(i), vars, s.shared())) {
        continue;
      }
      Limit limit = limits.get(i);
      boolean perUser = false;
      List<String> values = new ArrayList<>(limit.counterValues().size());
      for (Expr counter : limit.counterValues()) {
        Object mine = counter.value(vars);
        Object theirs = counter.value(otherUser.get());
        perUser |= mine != Expr.FAILED && theirs != Expr.FAILED && !Objects.equals(mine, theirs);
        values.add(mine == Expr.FAILED ? "(failed)" : String.valueOf(mine));
      }
      boolean global =
          s.byIdentity().get(i).isEmpty()
              && limit.counterValues().isEmpty()
              && s.byRequest().get(i).stream().noneMatch(LimitForm::readsCaller);
      out.add(
          new LimitMatch(
              identity,
              file,
              limit.key(),
              limit.rates(),
              limit.counters(),
              perUser,
              "",
              values,
              global));
    }
    return out;
  }

  /** Whether {@code predicate} reads anything of who calls ({@code auth.*}). */
  private static boolean readsCaller(Expr predicate) {
    List<List<String>> read = predicate.attributes();
    return read == null
        || read.stream().anyMatch(chain -> !chain.isEmpty() && chain.get(0).equals("auth"));
  }

  /**
   * The limits whose identity-only predicates all hold; their value depends on {@code
   * identityAttributes} alone.
   */
  private int[] admitted(Split s, CelVariables vars) {
    int[] found = new int[limits.size()];
    int n = 0;
    for (int i = 0; i < limits.size(); i++) {
      if (allHold(s.byIdentity().get(i), vars, Set.of())) {
        found[n++] = i;
      }
    }
    return Arrays.copyOf(found, n);
  }

  private static boolean allHold(List<Expr> predicates, CelVariables vars, Set<Expr> shared) {
    for (Expr predicate : predicates) {
      if (!Boolean.TRUE.equals(predicate.value(vars, shared.contains(predicate)))) {
        return false;
      }
    }
    return true;
  }

  private Split split() {
    Split s = split;
    if (s == null) {
      synchronized (this) {
        s = split;
        if (s == null) {
          s = splitByWhatTheyRead();
          split = s;
        }
      }
    }
    return s;
  }

  private Split splitByWhatTheyRead() {
    List<List<String>> attributes = new ArrayList<>();
    List<List<Expr>> byIdentity = new ArrayList<>();
    List<List<Expr>> byRequest = new ArrayList<>();
    Map<Expr, Integer> limitsAsking = new HashMap<>();
    for (Limit limit : limits) {
      List<Expr> identityOnly = new ArrayList<>();
      List<Expr> rest = new ArrayList<>();
      for (Expr predicate : limit.when().predicates()) {
        if (predicate.readsIdentityOnly()) {
          identityOnly.add(predicate);
          for (List<String> chain : predicate.attributes()) {
            if (!attributes.contains(chain)) {
              attributes.add(chain);
            }
          }
        } else {
          rest.add(predicate);
          limitsAsking.merge(predicate, 1, Integer::sum);
        }
      }
      byIdentity.add(List.copyOf(identityOnly));
      byRequest.add(List.copyOf(rest));
    }
    Set<Expr> shared = new HashSet<>();
    limitsAsking.forEach(
        (predicate, count) -> {
          if (count > 1) {
            shared.add(predicate);
          }
        });
    return new Split(
        List.copyOf(attributes),
        List.copyOf(byIdentity),
        List.copyOf(byRequest),
        Set.copyOf(shared));
  }
}
