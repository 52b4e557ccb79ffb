package dev.iamaudit.rules;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Whole days between two instants, and dates as messages show them (UTC). Rules and reports count
 * alike.
 */
public final class Ages {
  private static final long SECONDS_PER_DAY = 86_400;

  private Ages() {}

  /**
   * Completed days from {@code then} to {@code now}; an identity is over a threshold of N days from
   * day N+1.
   */
  public static long days(Instant then, Instant now) {
    long seconds = now.getEpochSecond() - then.getEpochSecond();
    if (now.getNano() < then.getNano()) {
      seconds--;
    }
    return Math.max(0, seconds / SECONDS_PER_DAY);
  }

  /**
   * The UTC date; {@code LocalDate.ofInstant} would build the offset's zone rules anew for every
   * call.
   */
  static LocalDate date(Instant instant) {
    return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY));
  }

  /** "2026-05-06, 202 days ago", appended to {@code out}. */
  static StringBuilder ago(StringBuilder out, Instant then, Instant now) {
    return count(appendDate(out, date(then)).append(", "), days(then, now)).append(" ago");
  }

  /** "1 day" or "90 days", appended to {@code out}. */
  static StringBuilder count(StringBuilder out, long days) {
    return out.append(days).append(days == 1 ? " day" : " days");
  }

  /**
   * The date as {@link LocalDate#toString()} writes it, without building that String for every
   * message.
   */
  static StringBuilder appendDate(StringBuilder out, LocalDate date) {
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return out.append(date);
    }
    return pad(
        pad(pad(out, year, 4).append('-'), date.getMonthValue(), 2).append('-'),
        date.getDayOfMonth(),
        2);
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
