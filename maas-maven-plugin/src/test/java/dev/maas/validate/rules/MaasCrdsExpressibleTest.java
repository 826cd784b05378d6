package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maas.model.Window;
import org.junit.jupiter.api.Test;

/** The window a MaaSSubscription can hold nearest to one the spec writes. */
class MaasCrdsExpressibleTest {

  private static String nearest(String window) {
    return MaasCrdsExpressible.nearest(Window.parse(window));
  }

  @Test
  void theSameLengthInTheLargestExactUnit() {
    assertEquals("24h", nearest("1d"));
    assertEquals("90m", nearest("1h30m"));
    assertEquals("7201s", nearest("2h1s"));
    assertEquals("8784h", nearest("366d"));
  }

  @Test
  void theNearestLengthWhenNoUnitIsExact() {
    assertEquals("1s", nearest("500ms"));
    assertEquals("2s", nearest("1s500ms"));
    assertEquals("167m", nearest("2h46m40s"));
    assertEquals("8784h", nearest("400d"));
  }

  @Test
  void everyNearestFormMatchesTheCrdPattern() {
    for (String w :
        new String[] {
          "1d", "1h30m", "2h1s", "500ms", "1s500ms", "2h46m40s", "400d", "99999s", "7d"
        }) {
      String near = nearest(w);
      assertEquals(true, MaasCrdsExpressible.CRD_WINDOW.matcher(near).matches(), w + " → " + near);
    }
  }
}
