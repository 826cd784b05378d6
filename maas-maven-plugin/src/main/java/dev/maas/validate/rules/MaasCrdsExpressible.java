package dev.maas.validate.rules;

import dev.maas.model.Model;
import dev.maas.model.ModelLimits;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Serving;
import dev.maas.model.Target;
import dev.maas.model.Tier;
import dev.maas.model.Window;
import dev.maas.spec.JsonPointers;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * With {@code target: maas-crds}, the spec asks only for what upstream MaaS's CRDs can say: a
 * MaaSSubscription limits tokens (no requests), per user and per model (no budget shared by several
 * models), 1 to 1,000,000,000 per window of one number (1-9999) and one unit (s, m or h), and a
 * MaaSModelRef names an LLMInferenceService or an ExternalModel (no predictor). Each finding names
 * the nearest form the CRDs can express.
 */
@Rule(summary = "a spec feature the maas-crds target cannot express, with the nearest form it can")
public final class MaasCrdsExpressible implements SemanticRule {

  /**
   * The CRD's window pattern ({@code maas.opendatahub.io_maassubscriptions.yaml}, {@code
   * tokenRateLimits[].window}).
   */
  static final Pattern CRD_WINDOW = Pattern.compile("^[1-9]\\d{0,3}(s|m|h)$");

  /** The CRD's largest token limit. */
  static final long MAX_LIMIT = 1_000_000_000L;

  /**
   * The longest window upstream's controller writes into a policy: 366 days
   * (maas-controller/pkg/controller/maas/maassubscription_controller.go lines 95-98, 136-137).
   */
  static final long MAX_WINDOW_SECONDS = 366L * 24 * 3600;

  @Override
  public void find(Platform platform, Findings findings) {
    if (platform.target() != Target.MAAS_CRDS) {
      return;
    }
    for (int i = 0; i < platform.tiers().size(); i++) {
      tier(platform, platform.tiers().get(i), "/spec/tiers/" + i, findings);
    }
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      if (model.servingKind() == Serving.PREDICTOR) {
        String pointer = "/spec/models/" + i + "/serving";
        error(
            findings,
            pointer,
            "model `"
                + model.name()
                + "` is served as a predictor (a KServe"
                + " InferenceService); a MaaSModelRef names an LLMInferenceService or an ExternalModel only",
            "serve it with `serving: llm`, or compile this spec with `target: kuadrant`");
      }
    }
  }

  private void tier(Platform platform, Tier tier, String pointer, Findings findings) {
    String name = "tier `" + tier.name() + "`";
    if (tier.unlimited()) {
      error(
          findings,
          pointer + "/unlimited",
          name
              + " is unlimited; a MaaSSubscription gives every model"
              + " at least one token limit of at most "
              + MAX_LIMIT
              + " per window",
          "give the tier `limits: {tokens: [{limit: "
              + MAX_LIMIT
              + ", window: 1s}]}`, the most the CRD can say");
      return;
    }
    if (!tier.limits().requests().isEmpty()) {
      requests(findings, pointer + "/limits/requests", name, tier.limits().requests());
    }
    if (tier.limits().counterScope() == dev.maas.model.CounterScope.TIER) {
      error(
          findings,
          pointer + "/limits/counter",
          name
              + " shares one counter among its users;"
              + " upstream's controller counts every subscription limit per user (`auth.identity.userid`)",
          "write `counter: user`, or divide the tier's limits by its expected users");
    }
    rates(findings, pointer + "/limits/tokens", tier.limits().tokens());
    List<String> sharing =
        platform.models().stream()
            .filter(m -> m.servingKind() == Serving.LLM && tier.allows(m.name()))
            .filter(
                m ->
                    tier.modelLimits().get(m.name()) == null
                        || tier.modelLimits().get(m.name()).tokens() == null)
            .map(Model::name)
            .toList();
    if (!tier.limits().tokens().isEmpty() && sharing.size() > 1) {
      // The kuadrant target counts a tier limit once across the tier's models (one route, one set
      // of counters);
      // upstream's controller writes one limit per subscription and model
      // (maassubscription_controller.go 555-628).
      error(
          findings,
          pointer + "/limits/tokens",
          name
              + "'s token limits are one budget for its "
              + sharing.size()
              + " models ("
              + String.join(", ", sharing)
              + "); a MaaSSubscription limits each model on"
              + " its own",
          "split the budget: give each model its share under `modelLimits.<model>.tokens`, keeping"
              + " `limits.tokens` for at most one model");
    }
    for (Map.Entry<String, ModelLimits> e : tier.modelLimits().entrySet()) {
      String base = JsonPointers.child(pointer + "/modelLimits", e.getKey());
      if (e.getValue().requests() != null && !e.getValue().requests().isEmpty()) {
        requests(
            findings,
            base + "/requests",
            name + " on model `" + e.getKey() + "`",
            e.getValue().requests());
      }
      if (e.getValue().tokens() != null) {
        rates(findings, base + "/tokens", e.getValue().tokens());
      }
    }
    for (Model model : platform.models()) {
      if (model.servingKind() == Serving.LLM
          && tier.allows(model.name())
          && tier.tokenRatesFor(model.name()).isEmpty()) {
        error(
            findings,
            pointer + "/limits",
            name
                + " has no token limit for model `"
                + model.name()
                + "`; a MaaSSubscription gives every model at least one",
            "add `tokens: [{limit: ..., window: ...}]`");
        break;
      }
    }
  }

  private void requests(Findings findings, String pointer, String who, List<Rate> rates) {
    error(
        findings,
        pointer,
        who + " limits requests (" + text(rates) + "); a MaaSSubscription limits tokens" + " only",
        "remove `requests`; the nearest the CRDs can say is a token limit");
  }

  private void rates(Findings findings, String listPointer, List<Rate> rates) {
    for (int k = 0; k < rates.size(); k++) {
      Rate rate = rates.get(k);
      String pointer = listPointer + "/" + k;
      if (rate.limit() < 1) {
        error(
            findings,
            pointer + "/limit",
            "a token limit of 0 denies; a MaaSSubscription's limits are 1 to " + MAX_LIMIT,
            "leave the model out of the tier's `models` to deny it");
      } else if (rate.limit() > MAX_LIMIT) {
        error(
            findings,
            pointer + "/limit",
            "token limit "
                + rate.limit()
                + " is above "
                + MAX_LIMIT
                + ", the most a MaaSSubscription holds",
            "write `limit: " + MAX_LIMIT + "`, or a shorter window");
      }
      if (!Window.isValid(rate.window())
          || CRD_WINDOW.matcher(rate.window()).matches()
              && Window.parse(rate.window()).seconds() <= MAX_WINDOW_SECONDS) {
        continue;
      }
      Window window = Window.parse(rate.window());
      if (window.millis() == 0) {
        continue; // PositiveWindows reports it
      }
      String nearest = nearest(window);
      boolean exact = Window.parse(nearest).millis() == window.millis();
      error(
          findings,
          pointer + "/window",
          "window `"
              + rate.window()
              + "` cannot be written in a"
              + " MaaSSubscription, whose windows are one number from 1 to 9999 and one unit (s, m or h), at most 8784h",
          "write `"
              + nearest
              + "`"
              + (exact ? ", the same length" : ", the nearest length it can hold"));
    }
  }

  /**
   * The window of the CRD's syntax nearest to {@code window}: the same length in the largest exact
   * unit if any.
   */
  static String nearest(Window window) {
    long seconds = window.seconds();
    if (seconds > MAX_WINDOW_SECONDS) {
      return (MAX_WINDOW_SECONDS / 3600) + "h";
    }
    long ms = window.millis();
    if (ms % 3_600_000L == 0 && ms / 3_600_000L <= 9999) {
      return (ms / 3_600_000L) + "h";
    }
    if (ms % 60_000L == 0 && ms / 60_000L <= 9999) {
      return (ms / 60_000L) + "m";
    }
    if (ms % 1_000L == 0 && ms / 1_000L <= 9999) {
      return (ms / 1_000L) + "s";
    }
    if (ms < 9_999_500L) {
      return Math.max(1, Math.round(ms / 1_000.0)) + "s";
    }
    if (ms < 599_970_000L) {
      return Math.round(ms / 60_000.0) + "m";
    }
    return Math.round(ms / 3_600_000.0) + "h";
  }

  private static String text(List<Rate> rates) {
    return String.join(", ", rates.stream().map(r -> r.limit() + "/" + r.window()).toList());
  }

  private static void error(Findings findings, String pointer, String message, String hint) {
    findings.at(pointer, "target `maas-crds`: " + message, hint);
  }
}
