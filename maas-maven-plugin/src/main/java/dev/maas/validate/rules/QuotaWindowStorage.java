package dev.maas.validate.rules;

import dev.maas.model.Environments;
import dev.maas.model.Platform;
import dev.maas.model.Window;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * A quota (a window of a week or more) needs counters that survive restarts: Limitador on Redis or
 * on a disk. In memory, every rollout, eviction or crash gives every user a fresh quota, so a
 * monthly quota would be no quota. Shorter windows of an hour or more are only worth a warning
 * ({@code in-memory-long-windows}).
 */
@Rule(
    summary = "a quota window of a week or more whose counters live in memory",
    inputs = {"/spec/tiers", "/spec/models", "/spec/limitador", "/spec/environments"})
public final class QuotaWindowStorage implements SemanticRule {

  /** Windows from this length on are quotas: {@code 7d}, {@code 30d}. */
  public static final long QUOTA_WINDOW_MILLIS = 7 * 86_400_000L;

  /**
   * The environments whose Limitador counts in memory, as a message names them ({@code `dev`,
   * `test`}); empty when none does.
   */
  public static String inMemoryEnvironments(Platform platform) {
    return String.join(
        ", ", Environments.inMemoryCounters(platform).stream().map(n -> "`" + n + "`").toList());
  }

  @Override
  public void find(Platform platform, Findings findings) {
    String inMemory = inMemoryEnvironments(platform);
    if (inMemory.isEmpty()) {
      return;
    }
    for (TierRates.Located located : TierRates.of(platform)) {
      String text = located.rate().window();
      if (!Window.isValid(text)
          || Window.parse(text).millis() < QUOTA_WINDOW_MILLIS
          || Window.parse(text).toKuadrant() == null) {
        continue; // shorter than a quota, or longer than Kuadrant allows (KuadrantWindows reports
        // it)
      }
      String pointer = located.windowPointer();
      findings.at(
          pointer,
          "the "
              + text
              + " window is a quota, but environment "
              + inMemory
              + " counts it in"
              + " memory: every Limitador restart would start every user's "
              + text
              + " quota again from zero",
          "keep the counters across restarts: set spec.limitador.storage.redis.secretName (or storage.disk.size),"
              + " or mark the environment `production: true`");
    }
  }
}
