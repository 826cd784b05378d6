package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.Window;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/** Every rate window is longer than zero; {@code 0s} would divide a limit by nothing. */
@Rule(summary = "a rate window of zero",
    inputs = "/spec/tiers")
public final class PositiveWindows implements SemanticRule {

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    for (TierRates.Located located : TierRates.of(platform)) {
      String text = located.rate().window();
      if (Window.isValid(text) && Window.parse(text).millis() == 0) {
        out.add(Diagnostic.error(code(), document.locate(located.windowPointer()), located.windowPointer(),
            "window `" + text + "` has no length; a rate needs a window longer than zero",
            "use a window such as `1m`; to deny all use, keep the window and set `limit: 0`"));
      }
    }
    return out;
  }
}
