package dev.maas.cel;

import dev.cel.runtime.CelVariableResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Variables already brought to the runtime's types, for evaluating many expressions against the
 * same values: the conversion walks every nested map and list, so doing it once per set of values
 * instead of once per expression matters when thousands of predicates read the same request.
 */
public final class CelVariables {

  private final Map<String, ?> values;
  // The runtime copies a map of variables into its own form at every evaluation; a resolver it
  // reads as it is.
  private final CelVariableResolver resolver;

  private CelVariables(Map<String, ?> values) {
    this.values = values;
    this.resolver = name -> Optional.ofNullable(values.get(name));
  }

  /** {@code variables}, converted once; later changes to the given maps are not seen. */
  @SuppressWarnings("unchecked")
  public static CelVariables of(Map<String, ?> variables) {
    return new CelVariables((Map<String, ?>) CelValues.plain(variables));
  }

  /** What {@link #attribute} gives for an attribute that is not there. */
  public static final Object ABSENT =
      new Object() {
        @Override
        public String toString() {
          return "(absent)";
        }
      };

  /** The value at a chain of field names ({@code [auth, identity, tier]}), or {@link #ABSENT}. */
  public Object attribute(List<String> chain) {
    Object at = values;
    // Indexed: a list's iterator is an allocation per attribute read, and the proof reads millions.
    for (int i = 0; i < chain.size(); i++) {
      String field = chain.get(i);
      if (!(at instanceof Map<?, ?> map)) {
        return ABSENT;
      }
      Object next = map.get(field);
      // One look-up for the usual present key; a second only tells a missing key from one holding
      // null.
      if (next == null && !map.containsKey(field)) {
        return ABSENT;
      }
      at = next;
    }
    return at;
  }

  /**
   * These variables with {@code name} bound to {@code value} (converted once) instead: the other
   * variables are shared, not converted again, so deriving many sets from one costs only the new
   * value.
   */
  public CelVariables with(String name, Object value) {
    Map<String, Object> derived = new LinkedHashMap<>(values);
    derived.put(name, CelValues.plain(value));
    return new CelVariables(derived);
  }

  /** These variables without every variable not in {@code names}, as if they were never given. */
  public CelVariables only(Set<String> names) {
    Map<String, Object> kept = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (names.contains(name)) {
            kept.put(name, value);
          }
        });
    return new CelVariables(kept);
  }

  Map<String, ?> values() {
    return values;
  }

  /** The variables as the runtime reads them: a name not given resolves to nothing (an unknown). */
  CelVariableResolver resolver() {
    return resolver;
  }
}
