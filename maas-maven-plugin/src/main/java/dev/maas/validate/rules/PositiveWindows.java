package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Window;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** Every rate window is longer than zero; {@code 0s} would divide a limit by nothing. */
@Rule(
    summary = "a rate window of zero",
    inputs = {"/spec/tiers", "/spec/models"})
public final class PositiveWindows implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    for (TierRates.Located located : TierRates.of(platform)) {
      String text = located.rate().window();
      if (Window.isValid(text) && Window.parse(text).millis() == 0) {
        findings.at(
            located.windowPointer(),
            "window `" + text + "` has no length; a rate needs a window longer than zero",
            "use a window such as `1m`; to deny all use, keep the window and set `limit: 0`");
      }
    }
  }
}
