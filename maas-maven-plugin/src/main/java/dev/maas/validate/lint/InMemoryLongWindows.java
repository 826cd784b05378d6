package dev.maas.validate.lint;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Environment;
import dev.maas.model.Environments;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A window of an hour or more, counted in memory in some environment: a Limitador restart (a rollout, an
 * eviction, a crash) resets every counter, so users get a fresh quota, and while Limitador is down the wasm-shim
 * lets requests through, since rate limiting fails open (kuadrant-operator internal/wasm/utils.go lines 72-89).
 */
public final class InMemoryLongWindows implements SemanticRule {

  /** Windows from this length on are worth keeping across restarts. */
  static final long LONG_WINDOW_MILLIS = 3_600_000L;

  @Override
  public String code() {
    return "lint.inMemoryLongWindow";
  }

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    List<String> inMemory = new ArrayList<>();
    for (Environment environment : platform.environments()) {
      if (Environments.limitador(platform.limitador(), environment).inMemory()) {
        inMemory.add("`" + environment.name() + "`");
      }
    }
    if (inMemory.isEmpty()) {
      return out;
    }
    for (int t = 0; t < platform.tiers().size(); t++) {
      Tier tier = platform.tiers().get(t);
      if (tier.limits() == null) {
        continue;
      }
      for (RateSites.Kind kind : RateSites.Kind.values()) {
        for (RateSites.RateList list : RateSites.written(tier, t, kind)) {
          for (RateSites.Site site : list.sites()) {
            if (site.millis() >= LONG_WINDOW_MILLIS) {
              String pointer = site.pointer() + "/window";
              out.add(Diagnostic.warning(code(), document.locate(pointer), pointer,
                  "the " + site.rate().window() + " window is counted in memory in environment "
                      + String.join(", ", inMemory) + ": a Limitador restart resets its counters (users start a"
                      + " fresh " + site.rate().window() + " quota), and while Limitador is down rate limiting"
                      + " fails open",
                  "set spec.limitador.storage.redis.secretName (or storage.disk.size), or mark the environment"
                      + " `production: true`"));
            }
          }
        }
      }
    }
    return out;
  }
}
