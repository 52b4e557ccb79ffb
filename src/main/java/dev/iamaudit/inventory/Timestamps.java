package dev.iamaudit.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the timestamps IBM returns. Their format is documented nowhere; seen in real output are
 * {@code 2022-08-10T02:33:15:564+0000} (a colon before the milliseconds) and {@code
 * 2022-07-26T13:00+0000} (minutes only). ISO-8601 with or without an offset, and plain dates, are
 * accepted as well. No offset means UTC.
 */
public final class Timestamps {
  /** {@link ZoneOffset}'s limit. */
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private static final long DAYS_0000_TO_1970 = 719_528;
  private static final Pattern COLON_MILLIS = Pattern.compile("(T\\d{2}:\\d{2}:\\d{2}):(\\d{1,9})");

  private static final DateTimeFormatter GENERAL =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("uuuu-MM-dd'T'HH:mm")
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
          .toFormatter()
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  /**
   * The first instant of year 0000 and the first after year 9999, in UTC: ISO 8601's four-digit
   * years.
   */
  private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");

  private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

  private Timestamps() {}

  /**
   * Takes any CharSequence so that the report parser can hand over a window on its buffer: a
   * report's timestamps, one per identity, become instants without first becoming strings.
   *
   * @return the instant, or null for null or blank input
   * @throws DateTimeParseException when the text is not a timestamp in any accepted form
   */
  public static Instant parse(CharSequence text) {
    if (text == null || isBlank(text)) {
      return null;
    }
    // What String.trim removes.
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) <= ' ') {
      end--;
    }
    Instant fast = parseFast(text, start, end);
    if (fast != null) {
      return fast;
    }
    String trimmed = text.subSequence(start, end).toString();
    if (trimmed.length() == 10) {
      return inIsoYears(LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant(), trimmed);
    }
    String normalized = COLON_MILLIS.matcher(trimmed).replaceFirst("$1.$2");
    return inIsoYears(OffsetDateTime.parse(normalized, GENERAL).toInstant(), trimmed);
  }

  /**
   * java.time reads years of up to nine digits and a sign, but a time IBM sends has four: one far
   * outside them is damage, and would overflow where the reports count its milliseconds.
   */
  private static Instant inIsoYears(Instant instant, String text) {
    if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
      throw new DateTimeParseException("the year is not between 0000 and 9999", text, 0);
    }
    return instant;
  }

  /**
   * As {@link String#isBlank()}: no surrogate is whitespace, so testing chars is testing code
   * points.
   */
  private static boolean isBlank(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The formats IBM actually sends, read without {@link DateTimeFormatter}, whose optional sections
   * cost more than the rest of parsing a report of 300,000 identities together, and straight into
   * the instant, without the java.time objects in between.
   *
   * @return null when the text is not in one of these forms, or not a valid date and time, so the
   *     general parser decides
   */
  private static Instant parseFast(CharSequence t, int from, int to) {
    int n = to - from;
    if (n < 16
        || t.charAt(from + 4) != '-'
        || t.charAt(from + 7) != '-'
        || t.charAt(from + 10) != 'T'
        || t.charAt(from + 13) != ':') {
      return null;
    }
    int year = digits(t, from, 4);
    int month = digits(t, from + 5, 2);
    int day = digits(t, from + 8, 2);
    int hour = digits(t, from + 11, 2);
    int minute = digits(t, from + 14, 2);
    int second = 0;
    int nanos = 0;
    int i = from + 16;
    if (i < to && t.charAt(i) == ':' && i + 3 <= to) {
      second = digits(t, i + 1, 2);
      i += 3;
      if (i < to && (t.charAt(i) == ':' || t.charAt(i) == '.')) {
        int start = ++i;
        while (i < to && i - start < 9 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
          i++;
        }
        if (i == start) {
          return null;
        }
        nanos = digits(t, start, i - start);
        for (int pad = i - start; pad < 9; pad++) {
          nanos *= 10;
        }
      }
    }
    int offsetSeconds;
    int rest = to - i;
    if (rest == 0 || (rest == 1 && t.charAt(i) == 'Z')) {
      offsetSeconds = 0;
    } else if ((t.charAt(i) == '+' || t.charAt(i) == '-')
        && (rest == 5 || rest == 6 || rest == 3)) {
      int sign = t.charAt(i) == '-' ? -1 : 1;
      int offsetHours = digits(t, i + 1, 2);
      int offsetMinutes =
          rest == 3
              ? 0
              : rest == 5 ? digits(t, i + 3, 2) : t.charAt(i + 3) == ':' ? digits(t, i + 4, 2) : -1;
      if (offsetHours < 0 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
    } else {
      return null;
    }
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || Math.abs(offsetSeconds) > MAX_OFFSET_SECONDS) {
      return null;
    }
    long secondOfDay = hour * 3600L + minute * 60L + second;
    return Instant.ofEpochSecond(
        epochDay(year, month, day) * 86400 + secondOfDay - offsetSeconds, nanos);
  }

  /** {@link LocalDate#toEpochDay()} for years from 0, without creating the date. */
  private static long epochDay(int year, int month, int day) {
    long days =
        365L * year
            + (year + 3) / 4
            - (year + 99) / 100
            + (year + 399) / 400
            + (367 * month - 362) / 12
            + day
            - 1;
    if (month > 2) {
      days -= Year.isLeap(year) ? 1 : 2;
    }
    return days - DAYS_0000_TO_1970;
  }

  /**
   * The number in {@code length} digits at {@code start}, or -1 when they are not all digits; the
   * caller has made sure the text is long enough.
   */
  private static int digits(CharSequence text, int start, int length) {
    int value = 0;
    for (int i = start; i < start + length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * "2026-12-01 23:39:55 UTC": for the console, Markdown and HTML, where people read the time of a
   * run and nanoseconds are noise. Cut to the second, never rounded up: a run does not end after
   * the time it shows. The files for machines (JSON, SARIF, JUnit, CSV) keep the precise instant.
   */
  public static String readable(Instant instant) {
    return READABLE.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static final DateTimeFormatter READABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** Formats like IBM's activity report does, with the colon before the milliseconds. */
  public static String formatIbm(Instant instant) {
    return IBM.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static final DateTimeFormatter IBM =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss:SSSxx");
}
