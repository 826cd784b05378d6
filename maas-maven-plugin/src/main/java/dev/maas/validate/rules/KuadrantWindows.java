package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Window;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every window can be written in Kuadrant's syntax: at most 99999h, and at most four number-unit
 * pairs as Kuadrant writes them (h, m, s, ms), so that the spec reads like the policy it becomes.
 */
@Rule(
    summary = "a window Kuadrant cannot write: over 99999h or more than four number-unit pairs",
    inputs = {"/spec/tiers", "/spec/models"})
public final class KuadrantWindows implements SemanticRule {

  private static final Pattern PAIR = Pattern.compile("[0-9]+(ms|s|m|h|d)");
  private static final int MAX_PAIRS = 4;

  @Override
  public void find(Platform platform, Findings findings) {
    for (TierRates.Located located : TierRates.of(platform)) {
      String text = located.rate().window();
      if (!Window.isValid(text)) {
        continue;
      }
      Window window = Window.parse(text);
      if (window.millis() == 0) {
        continue; // PositiveWindows reports it
      }
      String pointer = located.windowPointer();
      String kuadrant = window.toKuadrant();
      if (kuadrant == null || !Window.KUADRANT_SYNTAX.matcher(kuadrant).matches()) {
        findings.at(
            pointer,
            "window `"
                + text
                + "` is "
                + (window.millis() / 3_600_000L)
                + "h long; Kuadrant accepts windows of at most 99999h (about 11 years)",
            "use a shorter window");
        continue;
      }
      int pairs = pairs(text);
      if (pairs > MAX_PAIRS) {
        findings.at(
            pointer,
            "window `"
                + text
                + "` has "
                + pairs
                + " number-unit pairs; a window has at most "
                + MAX_PAIRS
                + ", one per unit",
            "write it as `" + kuadrant + "`");
      }
    }
  }

  private static int pairs(String text) {
    Matcher m = PAIR.matcher(text);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }
}
