package dev.maas.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list whose items are also found by name through a hash map: tiers are asked about
 * every model and rules look models up by name, and linear searches made a compilation quadratic in
 * the number of models.
 *
 * @param <T> the item type
 */
final class NamedList<T> extends AbstractList<T> implements RandomAccess {

  private final List<T> items;
  private final Map<String, T> byName;
  private final boolean itemsAreNames;

  private NamedList(List<T> items, Function<T, String> name, boolean itemsAreNames) {
    this.items = items;
    this.byName = new HashMap<>(items.size() * 2);
    this.itemsAreNames = itemsAreNames;
    // The first item of a name wins, as a search from the start would find it.
    items.forEach(item -> byName.putIfAbsent(name.apply(item), item));
  }

  /**
   * {@code items} copied and indexed by {@code name}; a list that already is one is returned as it
   * is.
   */
  static <T> List<T> of(List<T> items, Function<T, String> name) {
    return items instanceof NamedList<T> list
        ? list
        : new NamedList<>(List.copyOf(items), name, false);
  }

  /** {@code names} copied and indexed; {@link #contains} is a hash lookup. */
  static List<String> ofNames(List<String> names) {
    return names instanceof NamedList<String> list && list.itemsAreNames
        ? list
        : new NamedList<>(List.copyOf(names), n -> n, true);
  }

  /** The first item named {@code name} in {@code list}, which {@link #of} made. */
  static <T> Optional<T> find(List<T> list, String name) {
    return Optional.ofNullable(((NamedList<T>) list).byName.get(name));
  }

  @Override
  public T get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public boolean contains(Object o) {
    return itemsAreNames ? byName.containsKey(o) : items.contains(o);
  }
}
