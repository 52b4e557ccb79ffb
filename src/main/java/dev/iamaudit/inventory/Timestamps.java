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

  private static final DateTimeFormatter LENIENT =
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
          .toFormatter();

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
    if (trimmed.length() == 10) {
      return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    String normalized = COLON_MILLIS.matcher(trimmed).replaceFirst("$1.$2");
    return OffsetDateTime.parse(normalized, LENIENT).toInstant();
  }

  /** Formats like IBM's activity report does, with the colon before the milliseconds. */
  public static String formatIbm(Instant instant) {
    return IBM.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static final DateTimeFormatter IBM = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss:SSSxx");
}
