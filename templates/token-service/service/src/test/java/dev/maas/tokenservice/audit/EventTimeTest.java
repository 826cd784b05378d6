package dev.maas.tokenservice.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event times read back as the instant they were made at, to the millisecond. */
class EventTimeTest {

  @Test
  void theTextParsesBackToTheInstantInMilliseconds() {
    List<Instant> instants =
        List.of(
            Instant.parse("2026-12-07T15:06:01Z"),
            Instant.parse("2026-12-07T15:06:01.000999999Z"),
            Instant.parse("2026-12-07T15:06:01.007Z"),
            Instant.parse("2026-12-07T15:06:01.070Z"),
            Instant.parse("2026-12-07T15:06:01.999999999Z"),
            Instant.parse("2026-12-31T23:59:59.500Z"),
            Instant.parse("2027-01-01T00:00:00.001Z"),
            Instant.parse("1970-01-01T00:00:00Z"));
    for (Instant at : instants) {
      String text = new EventTime(Clock.fixed(at, ZoneOffset.UTC)).now();
      assertTrue(
          text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), at + " -> " + text);
      assertEquals(at.truncatedTo(ChronoUnit.MILLIS), Instant.parse(text), text);
    }
  }

  @Test
  void aNewSecondIsWrittenAsItselfNotAsTheSecondBefore() {
    Instant[] at = {Instant.parse("2026-12-07T15:06:01.900Z")};
    EventTime time =
        new EventTime(
            new Clock() {
              @Override
              public ZoneOffset getZone() {
                return ZoneOffset.UTC;
              }

              @Override
              public Clock withZone(java.time.ZoneId zone) {
                return this;
              }

              @Override
              public Instant instant() {
                return at[0];
              }
            });
    assertEquals("2026-12-07T15:06:01.900Z", time.now());
    at[0] = Instant.parse("2026-12-07T15:06:02.100Z");
    assertEquals("2026-12-07T15:06:02.100Z", time.now());
    at[0] = Instant.parse("2026-12-07T15:06:01.950Z");
    assertEquals("2026-12-07T15:06:01.950Z", time.now());
  }
}
