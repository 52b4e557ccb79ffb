package dev.iamaudit.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Instants as text for machines (for people, see {@link
 * dev.iamaudit.inventory.Timestamps#readable(Instant)}).
 *
 * <p>The machine form is {@link Instant#toString()}'s, appended to a buffer. The CSV writes two per
 * identity, and the library's formatter builds a date, a time and five Strings for each: most of
 * what a large account's CSV allocated.
 */
public final class InstantText {
  private static final long SECONDS_PER_DAY = 86_400;

  /** 0000-01-01T00:00:00Z; before it the year takes a sign. */
  private static final long YEAR_0 = -62_167_219_200L;

  /** 10000-01-01T00:00:00Z; from it the year takes a sign and a fifth digit. */
  private static final long YEAR_10000 = 253_402_300_800L;

  private InstantText() {}

  static StringBuilder append(StringBuilder out, Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < YEAR_0 || seconds >= YEAR_10000) {
      DateTimeFormatter.ISO_INSTANT.formatTo(instant, out);
      return out;
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    int second = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    pad(out, date.getYear(), 4).append('-');
    pad(out, date.getMonthValue(), 2).append('-');
    pad(out, date.getDayOfMonth(), 2).append('T');
    pad(out, second / 3600, 2).append(':');
    pad(out, second / 60 % 60, 2).append(':');
    pad(out, second % 60, 2);
    int nano = instant.getNano();
    if (nano > 0) {
      out.append('.');
      if (nano % 1_000_000 == 0) {
        pad(out, nano / 1_000_000, 3);
      } else if (nano % 1_000 == 0) {
        pad(out, nano / 1_000, 6);
      } else {
        pad(out, nano, 9);
      }
    }
    return out.append('Z');
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int limit = 10, digits = 1; digits < width; digits++, limit *= 10) {
      if (value < limit) {
        out.append('0');
      }
    }
    return out.append(value);
  }
}
