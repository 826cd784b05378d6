package dev.maas.tokenservice.quota;

import dev.maas.tokenservice.config.LimitName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A caller's limits and what is left of them, from Limitador: which of the names a caller's tier
 * may meet exist there, with which windows and maximums (its {@code /limits}), and the caller's
 * counters (its {@code /counters}). Limitador lists a counter only once a request has hit it in the
 * current window, so a limit without the caller's counter has all of it left.
 */
public final class QuotaReader {

  private final LimitadorCounters limitador;

  public QuotaReader(LimitadorCounters limitador) {
    this.limitador = limitador;
  }

  /** The limits among {@code names} Limitador holds, in the names' order, shortest window first. */
  public List<Usage> limits(List<LimitName> names) throws LimitadorUnavailableException {
    return read(null, names);
  }

  /** {@code user}'s usage of the limits among {@code names} Limitador holds. */
  public List<Usage> usage(String user, List<LimitName> names)
      throws LimitadorUnavailableException {
    return read(user, names);
  }

  private List<Usage> read(String user, List<LimitName> names)
      throws LimitadorUnavailableException {
    Map<String, Set<String>> byNamespace = new LinkedHashMap<>();
    for (LimitName n : names) {
      byNamespace.computeIfAbsent(n.namespace(), k -> new LinkedHashSet<>()).add(n.name());
    }
    Map<String, List<Limit>> limits = new LinkedHashMap<>();
    Map<String, List<Counter>> counters = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : byNamespace.entrySet()) {
      List<Limit> held = limitador.limits(e.getKey(), e.getValue());
      limits.put(e.getKey(), held);
      counters.put(
          e.getKey(),
          user == null || held.isEmpty()
              ? List.of()
              : limitador.counters(e.getKey(), e.getValue()));
    }
    List<Usage> out = new ArrayList<>();
    for (LimitName n : names) {
      List<Limit> windows =
          limits.get(n.namespace()).stream()
              .filter(l -> l.name().equals(n.name()))
              .sorted(Comparator.comparingLong(Limit::seconds).thenComparingLong(Limit::maxValue))
              .toList();
      for (Limit l : windows) {
        Counter counter =
            user == null
                ? null
                : counters.get(n.namespace()).stream()
                    .filter(c -> counts(c, l, user))
                    .findFirst()
                    .orElse(null);
        out.add(usage(n, l, counter));
      }
    }
    return out;
  }

  /**
   * Whether {@code c} is the counter of {@code limit} that counts {@code user}'s calls: a limit
   * with variables keeps a counter per value, and the platform's only variable is the user id.
   */
  static boolean counts(Counter c, Limit limit, String user) {
    if (!c.name().equals(limit.name())
        || c.seconds() != limit.seconds()
        || c.maxValue() != limit.maxValue()) {
      return false;
    }
    return limit.variables().isEmpty()
        ? c.setVariables().isEmpty()
        : limit.variables().stream().allMatch(v -> user.equals(c.setVariables().get(v)));
  }

  private static Usage usage(LimitName name, Limit limit, Counter counter) {
    if (counter == null || counter.remaining() == null) {
      return new Usage(name, limit, limit.maxValue(), null);
    }
    // Tokens are reported after the answer, so a counter can go past its limit; Limitador then
    // computes max_value - value in u64 and the result wraps (limitador src/storage/in_memory.rs
    // line 166, redis/redis_async.rs line 182): more than the maximum means nothing left.
    long remaining =
        counter.remaining() < 0 || counter.remaining() > limit.maxValue() ? 0 : counter.remaining();
    return new Usage(name, limit, remaining, counter.expiresInSeconds());
  }
}
