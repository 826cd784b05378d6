package dev.maas.validate.lint;

import dev.maas.diag.Severity;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import dev.maas.validate.rules.QuotaWindowStorage;
import java.util.ArrayList;
import java.util.List;

/**
 * A window of an hour or more, counted in memory in some environment: a Limitador restart (a
 * rollout, an eviction, a crash) resets every counter, so users get a fresh quota, and while
 * Limitador is down the wasm-shim lets requests through, since rate limiting fails open
 * (kuadrant-operator internal/wasm/utils.go lines 72-89).
 */
@Rule(
    summary = "a window of an hour or more counted in memory, reset by every Limitador restart",
    severity = Severity.WARNING)
public final class InMemoryLongWindows implements SemanticRule {

  /** Windows from this length on are worth keeping across restarts. */
  static final long LONG_WINDOW_MILLIS = 3_600_000L;

  @Override
  public void find(Platform platform, Findings findings) {
    String inMemory = QuotaWindowStorage.inMemoryEnvironments(platform);
    if (inMemory.isEmpty()) {
      return;
    }
    List<RateSites.Site> longWindows = new ArrayList<>();
    for (int t = 0; t < platform.tiers().size(); t++) {
      Tier tier = platform.tiers().get(t);
      if (tier.limits() == null) {
        continue;
      }
      for (RateSites.Kind kind : RateSites.Kind.values()) {
        for (RateSites.RateList list : RateSites.written(tier, t, kind)) {
          // From a week on a window is a quota, and counting it in memory is QuotaWindowStorage's
          // error.
          list.sites().stream()
              .filter(
                  site ->
                      site.millis() >= LONG_WINDOW_MILLIS
                          && site.millis() < QuotaWindowStorage.QUOTA_WINDOW_MILLIS)
              .forEach(longWindows::add);
        }
      }
    }
    if (longWindows.isEmpty()) {
      return;
    }
    // One warning per spec, at the first such window: the remedy (storage) is one setting for all
    // of them.
    RateSites.Site first = longWindows.get(0);
    String window = first.rate().window();
    String more =
        longWindows.size() == 1
            ? ""
            : " (and "
                + (longWindows.size() - 1)
                + " more window"
                + (longWindows.size() == 2 ? "" : "s")
                + " of an hour or more)";
    String pointer = first.pointer() + "/window";
    findings.at(
        pointer,
        "the "
            + window
            + " window"
            + more
            + " is counted in memory in environment "
            + inMemory
            + ": a Limitador restart resets its counters (users start a fresh "
            + window
            + " quota), and while"
            + " Limitador is down rate limiting fails open",
        "set spec.limitador.storage.redis.secretName (or storage.disk.size), or mark the environment"
            + " `production: true`");
  }
}
