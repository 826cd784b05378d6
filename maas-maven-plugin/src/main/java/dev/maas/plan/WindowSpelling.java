package dev.maas.plan;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.LimitMatch;
import dev.maas.model.ModelLimits;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.model.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the windows of an access matrix as the spec does: the policies hold Kuadrant's spelling,
 * which has no days ({@code 168h}), while the reviewer wrote and reads {@code 7d}.
 */
final class WindowSpelling {

  private WindowSpelling() {}

  /** Each window length of {@code platform}'s limits, as the spec first writes it. */
  static Map<Long, String> of(Platform platform) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (Tier tier : platform.tiers()) {
      if (tier.limits() != null) {
        add(out, tier.limits().requests());
        add(out, tier.limits().tokens());
      }
      for (ModelLimits limits : tier.modelLimits().values()) {
        add(out, limits.requests());
        add(out, limits.tokens());
      }
    }
    return out;
  }

  private static void add(Map<Long, String> out, List<Rate> rates) {
    if (rates != null) {
      rates.stream()
          .filter(r -> Window.isValid(r.window()))
          .forEach(r -> out.putIfAbsent(Window.parse(r.window()).millis(), r.window()));
    }
  }

  /**
   * {@code matrix} with every window the spec also has in its spelling; other whole days (the
   * base's, say) in days, the unit Kuadrant lacks; the rest as the policies write them.
   */
  static AccessMatrix respell(AccessMatrix matrix, Map<Long, String> spellings) {
    if (matrix == null) {
      return matrix;
    }
    Map<String, Map<String, AccessMatrix.Cell>> cells = new LinkedHashMap<>();
    matrix
        .cells()
        .forEach(
            (tier, row) -> {
              Map<String, AccessMatrix.Cell> copy = new LinkedHashMap<>();
              row.forEach((model, cell) -> copy.put(model, respell(cell, spellings)));
              cells.put(tier, copy);
            });
    Map<String, AccessMatrix.Cell> listing = new LinkedHashMap<>();
    matrix.listing().forEach((tier, cell) -> listing.put(tier, respell(cell, spellings)));
    return new AccessMatrix(
        matrix.platform(),
        matrix.tiers(),
        matrix.models(),
        cells,
        listing,
        matrix.requestsEvaluated());
  }

  private static AccessMatrix.Cell respell(AccessMatrix.Cell cell, Map<Long, String> spellings) {
    return new AccessMatrix.Cell(
        cell.access(),
        cell.denial(),
        respell(cell.requestLimits(), spellings),
        respell(cell.tokenLimits(), spellings));
  }

  private static String spelling(LimitMatch.RateValue rate, Map<Long, String> spellings) {
    String spec = spellings.get(rate.millis());
    if (spec != null) {
      return spec;
    }
    return rate.millis() > 0 && rate.millis() % DAY == 0
        ? rate.millis() / DAY + "d"
        : rate.window();
  }

  private static final long DAY = 86_400_000L;

  private static List<LimitMatch> respell(List<LimitMatch> limits, Map<Long, String> spellings) {
    List<LimitMatch> out = new ArrayList<>();
    for (LimitMatch l : limits) {
      List<LimitMatch.RateValue> rates =
          l.rates().stream()
              .map(r -> new LimitMatch.RateValue(r.limit(), spelling(r, spellings), r.millis()))
              .toList();
      out.add(l.withRates(rates));
    }
    return out;
  }
}
