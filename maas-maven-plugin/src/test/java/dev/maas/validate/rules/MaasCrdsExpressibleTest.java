package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maas.model.Window;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The window a MaaSSubscription can hold nearest to one the spec writes. */
class MaasCrdsExpressibleTest {

  private static String nearest(String window) {
    return MaasCrdsExpressible.nearest(Window.parse(window));
  }

  /** The same length in the largest exact unit, else the nearest length when no unit is exact. */
  @ParameterizedTest
  @CsvSource({
    "1d, 24h",
    "1h30m, 90m",
    "2h1s, 7201s",
    "366d, 8784h",
    "500ms, 1s",
    "1s500ms, 2s",
    "2h46m40s, 167m",
    "400d, 8784h"
  })
  void theSameLengthInTheLargestExactUnitElseTheNearest(String window, String expected) {
    assertEquals(expected, nearest(window));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1d", "1h30m", "2h1s", "500ms", "1s500ms", "2h46m40s", "400d", "99999s", "7d"})
  void everyNearestFormMatchesTheCrdPattern(String window) {
    String near = nearest(window);
    assertEquals(
        true, MaasCrdsExpressible.CRD_WINDOW.matcher(near).matches(), window + " → " + near);
  }
}
