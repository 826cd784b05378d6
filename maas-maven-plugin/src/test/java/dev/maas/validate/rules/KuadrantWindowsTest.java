package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows compile to Kuadrant syntax: at most 99999h and four number-unit pairs. */
class KuadrantWindowsTest {

  @Test
  void windowLongerThanKuadrantAllowsIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:46:38: error: /spec/tiers/1/limits/tokens/1/window: window `4167d` is 100008h"
                + " long; Kuadrant accepts windows of at most 99999h (about 11 years) (use a shorter window) [kuadrant-windows]"),
        ReferenceSpec.validateEdited(
            "{limit: 2000000, window: 1d}", "{limit: 2000000, window: 4167d}"));
  }

  @Test
  void longestWindowPasses() {
    // A window that long is a quota: its counters are kept on disk.
    assertEquals(
        List.of(),
        ReferenceSpec.validate(
            ReferenceSpec.edit("{limit: 2000000, window: 1d}", "{limit: 2000000, window: 4166d15h}")
                .replace(
                    "\n  environments:\n",
                    "\n  limitador: {storage: {disk: {size: 1Gi}}}\n  environments:\n")));
  }

  @Test
  void windowWithFivePairsIsReportedWithItsKuadrantForm() {
    assertEquals(
        List.of(
            "spec.yaml:34:39: error: /spec/tiers/0/limits/requests/0/window: window `1h1m1s1ms30s` has 5"
                + " number-unit pairs; a window has at most 4, one per unit (write it as `1h1m31s1ms`) [kuadrant-windows]"),
        ReferenceSpec.validateEdited(
            "[{limit: 5, window: 2m}]", "[{limit: 5, window: 1h1m1s1ms30s}]"));
  }

  @Test
  void daysAndFourPairsPass() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited("[{limit: 5, window: 2m}]", "[{limit: 5, window: 1d1h1m1s}]"));
  }
}
