package dev.maas.tokenservice;

import static dev.maas.tokenservice.TestService.PREMIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.tokenservice.text.Durations;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ttl} texts of 2 to 10 KB, the sizes a gateway lets through in one small body: each is
 * refused with 400, quickly, and reading one never recurses, even on a thread with a tiny stack.
 */
class CraftedLifetimeSizesTest extends WithService {

  static Stream<Arguments> crafted() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (int kb : new int[] {2, 4, 8, 10}) {
      int size = kb * 1024;
      out.add(Arguments.of("1s x " + size / 2, "1s".repeat(size / 2)));
      out.add(Arguments.of("digits x " + size, "9".repeat(size - 1) + "s"));
      out.add(Arguments.of("1d1h1m1s x " + size / 8, "1d1h1m1s".repeat(size / 8)));
      out.add(Arguments.of("no unit x " + size, "1".repeat(size)));
    }
    return out.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crafted")
  void isRefusedQuicklyByTheApi(String shape, String ttl) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r =
        service.call("POST", "/v1/tokens", "crafter", PREMIUM, "{\"ttl\":\"" + ttl + "\"}");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("at most " + Durations.MAX_LENGTH + " characters"), r.body());
    assertTrue(millis < 2_000, shape + " took " + millis + " ms");
    assertEquals(
        200,
        TestService.call(service.managementBase(), "GET", "/health", null, null, null, null)
            .statusCode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crafted")
  void isReadWithoutRecursionOnASmallStack(String shape, String ttl) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    // 64 KiB of stack: a pattern that recursed once per digit-unit pair would overflow it at
    // these sizes.
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                Durations.seconds(ttl);
              } catch (Throwable t) {
                thrown.set(t);
              }
            },
            "small-stack",
            64 * 1024);
    small.start();
    small.join(5_000);
    assertTrue(thrown.get() instanceof IllegalArgumentException, shape + ": " + thrown.get());
  }
}
