package dev.maas.tokenservice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading Limitador's {@code /counters} answer, in its documented format, and failing cleanly. */
class LimitadorCountersTest {

  @Test
  void theRecordedAnswerReadsAsCountersOfTheNamedLimits() throws IOException {
    List<Counter> counters;
    try (InputStream in = getClass().getResourceAsStream(RecordedLimitador.RECORDING)) {
      counters = LimitadorCounters.parse(in, Set.of("premium-requests", "premium-tokens"));
    }
    assertEquals(4, counters.size());
    Counter first = counters.get(0);
    assertEquals("premium-requests", first.name());
    assertEquals(60, first.seconds());
    assertEquals(100, first.maxValue());
    assertEquals(Map.of("descriptors[0][\"auth.identity.userid\"]", "alice"), first.setVariables());
    assertEquals(93L, first.remaining());
    assertEquals(41L, first.expiresInSeconds());
    // A u64 past a long's range: the reader takes it as nothing left.
    assertEquals(-1L, counters.get(3).remaining());
  }

  @Test
  void theRecordedLimitsReadAsLimitsOfTheNamedOnes() throws IOException {
    List<Limit> limits;
    try (InputStream in = getClass().getResourceAsStream(RecordedLimitador.LIMITS)) {
      limits =
          LimitadorCounters.parseLimits(in, Set.of("premium-requests", "model.llama-70b.requests"));
    }
    assertEquals(
        List.of(
            new Limit(
                "premium-requests", 60, 100, List.of("descriptors[0][\"auth.identity.userid\"]")),
            new Limit(
                "premium-requests",
                86400,
                5000,
                List.of("descriptors[0][\"auth.identity.userid\"]")),
            new Limit("model.llama-70b.requests", 60, 1000, List.of())),
        limits);
  }

  @Test
  void optionalFieldsMayBeMissing() throws IOException {
    String answer =
        "[{\"limit\":{\"namespace\":\"a/b\",\"max_value\":5,\"seconds\":60,\"name\":\"x\","
            + "\"conditions\":[],\"variables\":[]},\"set_variables\":{}}]";
    List<Counter> counters =
        LimitadorCounters.parse(
            new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)), Set.of("x"));
    assertNull(counters.get(0).remaining());
    assertNull(counters.get(0).expiresInSeconds());
  }

  @Test
  void somethingElseThanAnArrayIsRefused() {
    assertThrows(
        IOException.class,
        () ->
            LimitadorCounters.parse(
                new ByteArrayInputStream("{\"error\":1}".getBytes(StandardCharsets.UTF_8)),
                Set.of("x")));
  }

  @Test
  void nobodyListeningIsUnavailableNotAnException() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LimitadorCounters closed = new LimitadorCounters("http://127.0.0.1:" + port);
    LimitadorUnavailableException e =
        assertThrows(
            LimitadorUnavailableException.class, () -> closed.counters("a/b", Set.of("x")));
    assertTrue(e.getMessage().startsWith("Limitador did not answer"), e.getMessage());
  }
}
