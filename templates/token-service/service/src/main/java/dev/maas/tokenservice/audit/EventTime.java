package dev.maas.tokenservice.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The time of an audit event as an ISO-8601 instant in UTC with milliseconds, e.g. {@code
 * 2026-12-07T15:06:01.123Z}.
 *
 * <p>Every issued token writes an event, and a {@link DateTimeFormatter} costs a few microseconds
 * per call; the text up to the second is made once per second and the milliseconds appended.
 */
final class EventTime {

  private final Clock clock;

  /** The second of the last text made, and its text up to the second (no fraction, no zone). */
  private volatile Second last = new Second(Long.MIN_VALUE, "");

  EventTime(Clock clock) {
    this.clock = clock;
  }

  /** The time now. */
  String now() {
    Instant now = clock.instant();
    Second second = last;
    if (second.epochSecond() != now.getEpochSecond()) {
      // The formatter writes a whole second as "...:01Z": the zone goes, the milliseconds and
      // the zone are appended on each call.
      String whole =
          DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(now.getEpochSecond()));
      second = new Second(now.getEpochSecond(), whole.substring(0, whole.length() - 1));
      last = second;
    }
    int millis = now.getNano() / 1_000_000;
    return second.text()
        + '.'
        + (char) ('0' + millis / 100)
        + (char) ('0' + millis / 10 % 10)
        + (char) ('0' + millis % 10)
        + 'Z';
  }

  /** The text of one epoch second, without its fraction. */
  private record Second(long epochSecond, String text) {}
}
