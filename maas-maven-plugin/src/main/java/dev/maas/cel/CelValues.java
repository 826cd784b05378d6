package dev.maas.cel;

import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings plain Java values to the types the CEL runtime dispatches on: {@code Long}, {@code
 * Double}, CEL's null.
 */
final class CelValues {

  private CelValues() {}

  /**
   * {@code value} with every integer widened to {@code Long} and every float to {@code Double}; the
   * same instance when nothing needed changing.
   */
  static Object plain(Object value) {
    if (value instanceof String
        || value instanceof Long
        || value instanceof Boolean
        || value instanceof Double) {
      // The common values are the runtime's already: returned before the longer chain of
      // conversions.
      return value;
    } else if (value == null) {
      // A Java null inside a map reads as "unknown" to the runtime, not as CEL's null.
      return NullValue.NULL_VALUE;
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    } else if (value instanceof Float) {
      return ((Float) value).doubleValue();
    } else if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
    } else if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    } else if (value instanceof Map<?, ?> map) {
      // By key, not by entry: an unmodifiable map's entry iterator wraps every entry it hands out,
      // and forEach would take a list and a lambda per map to carry the copy; the proof converts a
      // request's maps tens of thousands of times.
      Map<Object, Object> copy = null;
      for (Object key : map.keySet()) {
        Object entry = map.get(key);
        Object converted = plain(entry);
        if (converted != entry) {
          if (copy == null) {
            copy = new LinkedHashMap<>(map);
          }
          copy.put(key, converted);
        }
      }
      return copy == null ? map : copy;
    } else if (value instanceof List<?> list) {
      List<Object> copy = null;
      for (int i = 0; i < list.size(); i++) {
        Object converted = plain(list.get(i));
        if (converted != list.get(i) && copy == null) {
          copy = new ArrayList<>(list);
        }
        if (copy != null) {
          copy.set(i, converted);
        }
      }
      return copy == null ? list : copy;
    }
    return value;
  }
}
