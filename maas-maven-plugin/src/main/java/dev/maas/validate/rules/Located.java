package dev.maas.validate.rules;

import dev.maas.model.Environment;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An item of a list of the spec with its JSON pointer, so that a rule names where each finding is
 * without counting.
 *
 * @param index the item's place in its list
 * @param item the item
 * @param pointer where the spec writes it, e.g. {@code /spec/tiers/1}
 */
record Located<T>(int index, T item, String pointer) {

  /** Every item of {@code items}, which the spec writes at {@code listPointer}. */
  static <T> List<Located<T>> of(List<T> items, String listPointer) {
    List<Located<T>> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(new Located<>(i, items.get(i), listPointer + "/" + i));
    }
    return out;
  }

  /** Every tier of {@code platform}. */
  static List<Located<Tier>> tiers(Platform platform) {
    return of(platform.tiers(), "/spec/tiers");
  }

  /** Every model of {@code platform}. */
  static List<Located<Model>> models(Platform platform) {
    return of(platform.models(), "/spec/models");
  }

  /** Every environment of {@code platform}. */
  static List<Located<Environment>> environments(Platform platform) {
    return of(platform.environments(), "/spec/environments");
  }

  /** The pointer of {@code field} of this item, e.g. {@code /spec/tiers/1/name}. */
  String at(String field) {
    return pointer + "/" + field;
  }

  /**
   * Each item whose {@code key} an earlier item already has, paired with that earlier item: the
   * rules that keep names and levels unique report the later one.
   */
  static <T, K> List<Repeat<T>> repeats(List<Located<T>> items, Function<T, K> key) {
    java.util.Map<K, Located<T>> seen = new java.util.HashMap<>();
    List<Repeat<T>> out = new ArrayList<>();
    for (Located<T> item : items) {
      Located<T> first = seen.putIfAbsent(Objects.requireNonNull(key.apply(item.item())), item);
      if (first != null) {
        out.add(new Repeat<>(item, first));
      }
    }
    return out;
  }

  /**
   * An item that repeats the key of an earlier one.
   *
   * @param later the item reported
   * @param first the item that had the key first
   */
  record Repeat<T>(Located<T> later, Located<T> first) {

    /**
     * The words that send the reader to the first item: {@code is already defined at /spec/tiers/0
     * (line 12)}, the line being the one of its {@code field}.
     */
    String alreadyDefined(Findings findings, String field) {
      return "is already defined at "
          + first.pointer()
          + " (line "
          + findings.line(first.at(field))
          + ")";
    }
  }
}
