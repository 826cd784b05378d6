package dev.maas.check.proof;

import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who can call what at what rate, as the gateway's policies decide it: one cell per tier × model
 * (an inference request), and one per tier for the model listing.
 *
 * @param platform the platform's name
 * @param tiers tier names, in spec order
 * @param models model names, in spec order
 * @param cells tier → model → cell
 * @param listing tier → the cell of {@code GET /v1/models}
 * @param requestsEvaluated how many synthetic requests were evaluated to build and check it
 */
public record AccessMatrix(
    String platform,
    List<String> tiers,
    List<String> models,
    Map<String, Map<String, Cell>> cells,
    Map<String, Cell> listing,
    int requestsEvaluated) {

  public AccessMatrix {
    tiers = List.copyOf(tiers);
    models = List.copyOf(models);
    Map<String, Map<String, Cell>> copy = new LinkedHashMap<>();
    cells.forEach(
        (tier, row) -> copy.put(tier, Collections.unmodifiableMap(new LinkedHashMap<>(row))));
    cells = Collections.unmodifiableMap(copy);
    listing = Collections.unmodifiableMap(new LinkedHashMap<>(listing));
  }

  /** The matrix of {@code platform}'s tiers and models, in spec order. */
  public static AccessMatrix of(
      Platform platform,
      Map<String, Map<String, Cell>> cells,
      Map<String, Cell> listing,
      int requestsEvaluated) {
    return new AccessMatrix(
        platform.name(),
        platform.tiers().stream().map(Tier::name).toList(),
        platform.models().stream().map(Model::name).toList(),
        cells,
        listing,
        requestsEvaluated);
  }

  /**
   * What one tier gets on one endpoint.
   *
   * @param access whether the gateway lets the request through
   * @param denial why not, or {@code null}
   * @param requestLimits the request limits that count it
   * @param tokenLimits the token limits that count it
   */
  public record Cell(
      boolean access, String denial, List<LimitMatch> requestLimits, List<LimitMatch> tokenLimits) {

    public Cell {
      requestLimits = List.copyOf(requestLimits);
      tokenLimits = List.copyOf(tokenLimits);
    }

    /** The cell of a verdict. */
    public static Cell of(Verdict verdict) {
      return new Cell(
          verdict.authorized(), verdict.denial(), verdict.requestLimits(), verdict.tokenLimits());
    }

    /** Every request rate that applies, from all matching limits. */
    public List<LimitMatch.RateValue> requestRates() {
      return requestLimits.stream().flatMap(l -> l.rates().stream()).toList();
    }

    /** Every token rate that applies, from all matching limits. */
    public List<LimitMatch.RateValue> tokenRates() {
      return tokenLimits.stream().flatMap(l -> l.rates().stream()).toList();
    }

    /**
     * {@code per user}, {@code shared by tier}, or both when the limits disagree; empty without
     * limits.
     */
    public String counter() {
      List<String> kinds = new ArrayList<>();
      for (LimitMatch limit : concat(requestLimits, tokenLimits)) {
        if (limit.global()) {
          continue; // a model's cap, told apart in the text
        }
        String kind = limit.perUser() ? "per user" : "shared by tier";
        if (!kinds.contains(kind)) {
          kinds.add(kind);
        }
      }
      return String.join(" and ", kinds);
    }

    /**
     * The cell in words: {@code no access}, or {@code requests 20/2m; tokens 50,000/1m,
     * 2,000,000/24h; per user}.
     */
    public String text() {
      if (!access) {
        return "no access";
      }
      String requests =
          requestLimits.isEmpty() ? "requests unlimited" : "requests " + rates(requestRates());
      String tokens = tokenLimits.isEmpty() ? "tokens unlimited" : "tokens " + rates(tokenRates());
      String counter = counter();
      List<LimitMatch.RateValue> caps =
          concat(requestLimits, tokenLimits).stream()
              .filter(LimitMatch::global)
              .flatMap(l -> l.rates().stream())
              .toList();
      return requests
          + "; "
          + tokens
          + (counter.isEmpty() ? "" : "; " + counter)
          + (caps.isEmpty() ? "" : "; model cap " + rates(caps) + " shared by all callers");
    }

    private static String rates(List<LimitMatch.RateValue> rates) {
      return rates.stream()
          .map(r -> number(r.limit()) + "/" + r.window())
          .collect(Collectors.joining(", "));
    }

    private static List<LimitMatch> concat(List<LimitMatch> a, List<LimitMatch> b) {
      List<LimitMatch> all = new ArrayList<>(a);
      all.addAll(b);
      return all;
    }
  }

  /** The cell of {@code tier} calling {@code model}, or {@code null} when either is unknown. */
  public Cell cell(String tier, String model) {
    Map<String, Cell> row = cells.get(tier);
    return row == null ? null : row.get(model);
  }

  /** A number with thousands separators, the same in every locale: {@code 2,000,000}. */
  public static String number(long value) {
    return String.format(Locale.US, "%,d", value);
  }
}
