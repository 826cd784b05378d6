package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A window of zero length is refused in every unit. */
class PositiveWindowsTest {

  @Test
  void zeroWindowsAreReported() {
    for (String zero : List.of("0s", "0m", "0ms", "0h0m")) {
      assertEquals(
          List.of(
              "spec.yaml:34:39: error: /spec/tiers/0/limits/requests/0/window: window `"
                  + zero
                  + "` has no length; a rate needs a window longer than zero"
                  + " (use a window such as `1m`; to deny all use, keep the window and set `limit: 0`) [positive-windows]"),
          ReferenceSpec.validateEdited(
              "[{limit: 5, window: 2m}]", "[{limit: 5, window: " + zero + "}]"));
    }
  }

  @Test
  void zeroWindowInModelLimitsIsReported() {
    assertEquals(
        List.of(
            "spec.yaml:49:43: error: /spec/tiers/1/modelLimits/llama-70b/tokens/0/window: window `0d`"
                + " has no length; a rate needs a window longer than zero"
                + " (use a window such as `1m`; to deny all use, keep the window and set `limit: 0`) [positive-windows]"),
        ReferenceSpec.validateEdited("{limit: 20000, window: 1m}", "{limit: 20000, window: 0d}"));
  }

  @Test
  void zeroLimitIsAllowed() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited("[{limit: 5, window: 2m}]", "[{limit: 0, window: 2m}]"));
  }
}
