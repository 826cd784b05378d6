package dev.maas.tokenservice.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Lifetimes read by one bounded scan: what adds up, what is refused, and the bound before the scan.
 */
class DurationsTest {

  @Test
  void numberUnitPairsAddUp() {
    assertEquals(4 * 3600, Durations.seconds("4h"));
    assertEquals(5400, Durations.seconds("1h30m"));
    assertEquals(2 * 86400 + 5, Durations.seconds("2d5s"));
    assertEquals(999_999, Durations.seconds("999999s"));
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad :
        new String[] {
          "",
          "h",
          "4",
          "4x",
          "4h ",
          " 4h",
          "-4h",
          "4H",
          "1000000s",
          "0s",
          "0h0m",
          "1s".repeat(17),
          "4h\u0000"
        }) {
      assertThrows(IllegalArgumentException.class, () -> Durations.seconds(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Durations.seconds(null));
  }

  @Test
  void theLengthBoundComesBeforeAnyScan() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Durations.seconds("1s".repeat(1_000_000)));
    assertEquals(true, e.getMessage().contains("at most 32 characters"));
  }

  @Test
  void formatPicksTheLargestExactUnit() {
    assertEquals("720h", Durations.format(720 * 3600));
    assertEquals("90m", Durations.format(5400));
    assertEquals("61s", Durations.format(61));
  }
}
