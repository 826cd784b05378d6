package dev.maas.check.upstream;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.LimitMatch;
import dev.maas.check.proof.PolicyProof;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Serving;
import dev.maas.model.Tier;
import dev.maas.model.Window;
import dev.maas.output.GeneratedTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The access matrix of a {@code maas-crds} tree, decided the way upstream decides it, and its check
 * against the spec.
 *
 * <p>A member of a tier is a caller whose groups are the tier's and {@code system:authenticated}.
 * Upstream then:
 *
 * <ol>
 *   <li>binds the caller's key to the owned subscription of the highest priority, then of the
 *       largest token limit, then of the first name (maas-api/internal/api_keys/service.go line
 *       171, {@code SelectHighestPriority}; maas-api/internal/subscription/selector.go lines
 *       289-316 and 748-760);
 *   <li>refuses a model the bound subscription does not list (selector.go lines 203-213, {@code
 *       ModelNotInSubscriptionError}), or that no MaaSAuthPolicy of the caller lists: the gateway
 *       AuthPolicy admits only when maas-api answers {@code accessAllowed}
 *       (maas-controller/pkg/controller/maas/ maasauthpolicy_controller.go lines 808-811;
 *       selector.go lines 580-598; maas-api/internal/authpolicy/ checker.go lines 53-90);
 *   <li>counts the model's tokens against the bound subscription's limits for that model, one
 *       counter per user: the controller writes one TokenRateLimitPolicy per model with a limit per
 *       subscription, predicate {@code auth.identity.selected_subscription_key ==
 *       "<ns>/<subscription>@<modelNs>/<model>"} and counter {@code auth.identity.userid}, skipping
 *       a subscription whose limit or window it rejects
 *       (maas-controller/pkg/controller/maas/maassubscription_controller.go lines 100-141 and
 *       555-628);
 *   <li>never limits requests, and lets every caller list the models (maas-api serves {@code
 *       /v1/models}; the token limits leave it out, same file line 619).
 * </ol>
 */
public final class UpstreamProof {

  /** The group every authenticated Kubernetes caller is in. */
  static final String AUTHENTICATED = "system:authenticated";

  /** The user of every synthetic caller, as the kuadrant proof names it. */
  static final String USER = "proof-user";

  private static final Pattern CONTROLLER_WINDOW = Pattern.compile("^[1-9]\\d{0,3}(s|m|h)$");
  private static final long MAX_LIMIT = 1_000_000_000L;
  private static final long MAX_WINDOW_SECONDS = 366L * 24 * 3600;

  /** The groups a member of {@code tier} calls with. */
  static List<String> memberGroups(Tier tier) {
    Set<String> groups = new LinkedHashSet<>(tier.groups());
    groups.add(AUTHENTICATED);
    return List.copyOf(groups);
  }

  /**
   * Builds the matrix of {@code tree} and checks it against {@code platform}, the spec it was
   * compiled from.
   */
  public PolicyProof.Result prove(Platform platform, GeneratedTree tree) {
    UpstreamResources resources = UpstreamResources.of(tree);
    List<Diagnostic> findings = new ArrayList<>();
    Map<String, Map<String, AccessMatrix.Cell>> cells = new LinkedHashMap<>();
    Map<String, AccessMatrix.Cell> listing = new LinkedHashMap<>();
    Map<String, Set<String>> counters = new LinkedHashMap<>();
    int evaluated = 0;
    for (Tier tier : platform.tiers()) {
      List<String> groups = memberGroups(tier);
      Optional<UpstreamResources.Subscription> bound = bind(resources, groups);
      Map<String, AccessMatrix.Cell> row = new LinkedHashMap<>();
      Set<String> tierCounters = new LinkedHashSet<>();
      for (Model model : platform.models()) {
        AccessMatrix.Cell cell = cell(resources, bound, groups, model, findings);
        row.put(model.name(), cell);
        evaluated++;
        cell.tokenLimits().forEach(l -> tierCounters.add(l.counterIdentity()));
        expect(
            tier,
            model,
            cell,
            bound.map(UpstreamResources.Subscription::file).orElse(""),
            findings);
      }
      cells.put(tier.name(), row);
      listing.put(tier.name(), new AccessMatrix.Cell(true, null, List.of(), List.of()));
      counters.put(tier.name(), tierCounters);
    }
    AccessMatrix matrix = AccessMatrix.of(platform, cells, listing, evaluated);
    return new PolicyProof.Result(matrix, List.copyOf(findings), evaluated, counters);
  }

  /** The subscription maas-api binds a key of a caller with {@code groups} to, if any. */
  static Optional<UpstreamResources.Subscription> bind(
      UpstreamResources resources, List<String> groups) {
    return resources.subscriptions().stream()
        .filter(s -> s.owns(USER, groups))
        .min(
            Comparator.comparingInt(UpstreamResources.Subscription::priority)
                .reversed()
                .thenComparing(
                    Comparator.comparingLong(UpstreamResources.Subscription::maxLimit).reversed())
                .thenComparing(UpstreamResources.Subscription::name));
  }

  private static AccessMatrix.Cell cell(
      UpstreamResources resources,
      Optional<UpstreamResources.Subscription> bound,
      List<String> groups,
      Model model,
      List<Diagnostic> findings) {
    String key = model.namespace() + "/" + model.name();
    if (bound.isEmpty()) {
      return denied(
          "no MaaSSubscription is owned by the caller's groups "
              + groups
              + ", so maas-api issues no key");
    }
    UpstreamResources.Subscription sub = bound.get();
    List<UpstreamResources.Limit> limits = sub.models().get(key);
    if (limits == null) {
      return denied(
          "the caller's subscription `" + sub.qualifiedName() + "` does not list `" + key + "`");
    }
    if (!resources.modelRefs().contains(key)) {
      return denied(
          "no MaaSModelRef `" + key + "`, so upstream's controller finds no route for it");
    }
    if (resources.policies().stream()
        .noneMatch(p -> p.admits(USER, groups) && p.models().contains(key))) {
      return denied("no MaaSAuthPolicy whose subjects hold the caller lists `" + key + "`");
    }
    List<LimitMatch.RateValue> rates = new ArrayList<>();
    for (UpstreamResources.Limit limit : limits) {
      String rejected = rejected(limit);
      if (rejected != null) {
        findings.add(
            upstreamError(
                sub.file(),
                "subscription `"
                    + sub.qualifiedName()
                    + "` limits `"
                    + key
                    + "` to "
                    + limit.limit()
                    + "/"
                    + limit.window()
                    + ", which"
                    + " upstream's controller rejects ("
                    + rejected
                    + "): it leaves the subscription out of the model's"
                    + " TokenRateLimitPolicy, so the model's tokens are not limited",
                "write a limit of 1 to 1000000000 per a"
                    + " window of one number (1-9999) and one unit (s, m or h)"));
        return new AccessMatrix.Cell(true, null, List.of(), List.of());
      }
      rates.add(
          new LimitMatch.RateValue(
              limit.limit(), limit.window(), Window.parse(limit.window()).millis()));
    }
    String limitKey = sub.namespace() + "-" + sub.name() + "-" + model.name() + "-tokens";
    LimitMatch match =
        new LimitMatch(
            "MaaSSubscription " + sub.qualifiedName(),
            sub.file(),
            limitKey,
            rates,
            List.of("auth.identity.userid"),
            true,
            key,
            List.of(),
            false);
    return new AccessMatrix.Cell(true, null, List.of(), List.of(match));
  }

  /**
   * Why upstream's controller rejects a limit, or {@code null} (maassubscription_controller.go
   * lines 105-141).
   */
  static String rejected(UpstreamResources.Limit limit) {
    if (limit.limit() <= 0 || limit.limit() > MAX_LIMIT) {
      return "a limit must be 1 to " + MAX_LIMIT;
    }
    if (!CONTROLLER_WINDOW.matcher(limit.window()).matches()) {
      return "window `" + limit.window() + "` is not one number and one unit of s, m or h";
    }
    if (Window.parse(limit.window()).seconds() > MAX_WINDOW_SECONDS) {
      return "window `" + limit.window() + "` is longer than 366 days";
    }
    return null;
  }

  private static AccessMatrix.Cell denied(String why) {
    return new AccessMatrix.Cell(false, why, List.of(), List.of());
  }

  /**
   * Compares a cell with what the spec says: access to the tier's LLM models, their token limits,
   * per user.
   */
  private static void expect(
      Tier tier, Model model, AccessMatrix.Cell cell, String file, List<Diagnostic> findings) {
    String where = "tier `" + tier.name() + "` → model `" + model.name() + "`";
    boolean expected = tier.allows(model.name()) && model.servingKind() == Serving.LLM;
    if (expected != cell.access()) {
      findings.add(
          upstreamError(
              file,
              where
                  + ": the spec "
                  + (expected
                      ? "lets the tier call it, but " + cell.denial()
                      : "does not let the tier call it, but upstream" + " would let it through"),
              "each tier's MaaSSubscription and MaaSAuthPolicy must list exactly its models"));
      return;
    }
    if (!expected) {
      return;
    }
    List<String> want =
        tier.tokenRatesFor(model.name()).stream().map(UpstreamProof::rate).sorted().toList();
    List<String> got =
        cell.tokenRates().stream().map(r -> r.limit() + "/" + r.millis() + "ms").sorted().toList();
    if (!want.equals(got)) {
      findings.add(
          upstreamError(
              file,
              where
                  + ": the spec limits"
                  + " tokens to "
                  + text(tier.tokenRatesFor(model.name()))
                  + ", upstream would count "
                  + String.join(
                      ", ",
                      cell.tokenRates().stream().map(LimitMatch.RateValue::toString).toList()),
              null));
    }
  }

  private static String text(List<Rate> rates) {
    return String.join(", ", rates.stream().map(r -> r.limit() + "/" + r.window()).toList());
  }

  private static String rate(Rate rate) {
    return rate.limit() + "/" + rate.parsedWindow().millis() + "ms";
  }

  /** A finding of this proof on {@code file}. */
  private static Diagnostic upstreamError(String file, String message, String hint) {
    return Diagnostic.error("proof.upstream", SourceLocation.ofFile(file), "", message, hint);
  }
}
