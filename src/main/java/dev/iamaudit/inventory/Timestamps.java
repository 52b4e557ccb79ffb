package dev.iamaudit.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * Parses the timestamps IBM returns. Their format is documented nowhere; seen in real output are
 * {@code 2022-08-10T02:33:15:564+0000} (a colon before the milliseconds) and {@code 2022-07-26T13:00+0000}
 * (minutes only). ISO-8601 with or without an offset, and plain dates, are accepted as well. No offset means UTC.
 */
public final class Timestamps {
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

  private Timestamps() {}

  /**
   * @return the instant, or null for null or blank input
   * @throws DateTimeParseException when the text is not a timestamp in any accepted form
   */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    Instant fast = parseFast(trimmed);
    if (fast != null) {
      return fast;
    }
    if (trimmed.length() == 10) {
      return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    String normalized = COLON_MILLIS.matcher(trimmed).replaceFirst("$1.$2");
    return OffsetDateTime.parse(normalized, GENERAL).toInstant();
  }

  /**
   * The formats IBM actually sends, read without {@link DateTimeFormatter}, whose optional sections cost more than
   * the rest of parsing a report of 300,000 identities together.
   *
   * @return null when the text is not in one of these forms, so the general parser decides
   */
  private static Instant parseFast(String t) {
    int n = t.length();
    if (n < 16 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = 0;
    int nanos = 0;
    int i = 16;
    if (i < n && t.charAt(i) == ':' && i + 3 <= n) {
      second = digits(t, i + 1, 2);
      i += 3;
      if (i < n && (t.charAt(i) == ':' || t.charAt(i) == '.')) {
        int start = ++i;
        while (i < n && i - start < 9 && Character.isDigit(t.charAt(i))) {
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
    if (i == n || (t.charAt(i) == 'Z' && i + 1 == n)) {
      offsetSeconds = 0;
    } else if ((t.charAt(i) == '+' || t.charAt(i) == '-') && (n - i == 5 || n - i == 6 || n - i == 3)) {
      int sign = t.charAt(i) == '-' ? -1 : 1;
      int offsetHours = digits(t, i + 1, 2);
      int offsetMinutes = n - i == 3 ? 0 : n - i == 5 ? digits(t, i + 3, 2)
          : t.charAt(i + 3) == ':' ? digits(t, i + 4, 2) : -1;
      if (offsetHours < 0 || offsetMinutes < 0) {
        return null;
      }
      offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
    } else {
      return null;
    }
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
      return null;
    }
    try {
      return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** The number in {@code length} digits at {@code start}, or -1 when they are not all digits. */
  private static int digits(String text, int start, int length) {
    if (start + length > text.length()) {
      return -1;
    }
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

  /** Formats like IBM's activity report does, with the colon before the milliseconds. */
  public static String formatIbm(Instant instant) {
    return IBM.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static final DateTimeFormatter IBM = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss:SSSxx");
}
