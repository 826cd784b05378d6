package dev.maas.tokenservice.quota;

import dev.maas.tokenservice.config.LimitEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A caller's usage of the limits they meet, from Limitador's counters. Limitador lists a counter
 * only once a request has hit it in the current window, so a limit without the caller's counter has
 * all of it left.
 */
public final class QuotaReader {

  private final LimitadorCounters limitador;

  public QuotaReader(LimitadorCounters limitador) {
    this.limitador = limitador;
  }

  /** {@code user}'s usage of {@code limits}, in their order; one read per Limitador namespace. */
  public List<Usage> usage(String user, List<LimitEntry> limits)
      throws LimitadorUnavailableException {
    Map<String, Set<String>> namesByNamespace = new LinkedHashMap<>();
    for (LimitEntry l : limits) {
      namesByNamespace.computeIfAbsent(l.namespace(), n -> new LinkedHashSet<>()).add(l.name());
    }
    Map<String, List<Counter>> counters = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : namesByNamespace.entrySet()) {
      counters.put(e.getKey(), limitador.counters(e.getKey(), e.getValue()));
    }
    List<Usage> out = new ArrayList<>();
    for (LimitEntry l : limits) {
      Counter counter =
          counters.get(l.namespace()).stream()
              .filter(c -> counts(c, l, user))
              .findFirst()
              .orElse(null);
      out.add(usage(l, counter));
    }
    return out;
  }

  /** Whether {@code c} is the counter of {@code limit} that counts {@code user}'s calls. */
  static boolean counts(Counter c, LimitEntry limit, String user) {
    if (!c.name().equals(limit.name()) || c.seconds() != limit.seconds()) {
      return false;
    }
    return limit.counter() == null
        ? c.setVariables().isEmpty()
        : user.equals(c.setVariables().get(limit.counter()));
  }

  private static Usage usage(LimitEntry limit, Counter counter) {
    if (counter == null || counter.remaining() == null) {
      return new Usage(limit, limit.limit(), null);
    }
    // Tokens are reported after the answer, so a counter can go past its limit; Limitador then
    // computes max_value - value in u64 and the result wraps (limitador src/storage/in_memory.rs
    // line 166, redis/redis_async.rs line 182): more than the limit's maximum means nothing left.
    long remaining =
        counter.remaining() < 0 || counter.remaining() > counter.maxValue()
            ? 0
            : Math.min(limit.limit(), counter.remaining());
    return new Usage(limit, remaining, counter.expiresInSeconds());
  }
}
