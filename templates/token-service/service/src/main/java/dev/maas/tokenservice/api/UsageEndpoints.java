package dev.maas.tokenservice.api;

import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.config.TierEntry;
import dev.maas.tokenservice.http.Caller;
import dev.maas.tokenservice.http.Refusal;
import dev.maas.tokenservice.http.Reply;
import dev.maas.tokenservice.http.Request;
import dev.maas.tokenservice.quota.LimitadorCounters;
import dev.maas.tokenservice.quota.LimitadorUnavailableException;
import dev.maas.tokenservice.quota.QuotaReader;
import dev.maas.tokenservice.quota.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What is left of the caller's quota, per limit and window, as Limitador counts it. */
final class UsageEndpoints {

  /**
   * Overrides the config's Limitador URL, for a Limitador elsewhere than the Kuadrant namespace's.
   */
  static final String LIMITADOR_URL_ENV = "MAAS_LIMITADOR_URL";

  private final ServiceConfig config;
  private final QuotaReader reader;

  UsageEndpoints(ServiceConfig config, Map<String, String> environment) {
    this.config = config;
    String override = environment.get(LIMITADOR_URL_ENV);
    String url =
        override != null && !override.isBlank()
            ? override.trim()
            : config.quota() == null ? null : config.quota().limitadorUrl();
    this.reader = url == null ? null : new QuotaReader(new LimitadorCounters(url));
  }

  /**
   * GET /v1/usage: per limit and window the caller meets, what is left and when the window ends;
   * 503 with a JSON error while Limitador cannot be read.
   */
  Reply usage(Request request) throws Refusal {
    Caller caller = request.caller();
    TierEntry tier = config.tierFor(caller.groups()).orElse(null);
    if (reader == null) {
      return unavailable("this MaaS API has no quota settings: regenerate its config");
    }
    List<Usage> usage;
    try {
      usage = reader.usage(caller.username(), config.limitNamesOf(tier));
    } catch (LimitadorUnavailableException e) {
      return unavailable(
          "the quota counters cannot be read right now ("
              + e.getMessage()
              + "); try again shortly");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Usage u : usage) {
      Map<String, Object> item = describe(u);
      item.put("remaining", u.remaining());
      item.put("resetsInSeconds", u.resetsInSeconds());
      out.add(item);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", caller.username());
    body.put("tier", tier == null ? null : tier.name());
    body.put("limits", out);
    return Reply.json(200, body);
  }

  /**
   * The limits a caller of {@code tier} meets, as Limitador holds them; null when it cannot say.
   */
  List<Map<String, Object>> limitsOf(TierEntry tier) {
    if (reader == null) {
      return null;
    }
    try {
      return reader.limits(config.limitNamesOf(tier)).stream()
          .map(UsageEndpoints::describe)
          .toList();
    } catch (LimitadorUnavailableException e) {
      return null;
    }
  }

  /** A limit's window as clients read it: what it counts, over how long, and how much. */
  private static Map<String, Object> describe(Usage u) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", u.name().name());
    out.put("kind", u.name().kind());
    out.put("model", u.name().model());
    out.put("scope", u.limit().variables().isEmpty() ? "shared" : "user");
    out.put("window", window(u.limit().seconds()));
    out.put("windowSeconds", u.limit().seconds());
    out.put("limit", u.limit().maxValue());
    return out;
  }

  /** Seconds in the largest whole unit: {@code 120} is {@code 2m}, {@code 86400} is {@code 1d}. */
  static String window(long seconds) {
    if (seconds > 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds > 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  private static Reply unavailable(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("reason", "quota_unavailable");
    return Reply.json(503, body);
  }
}
