package dev.iamaudit;

import dev.iamaudit.failure.UsageException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations people write on command lines: {@code 90s}, {@code 10m}, {@code 1h}, or ISO
 * {@code PT10M}.
 */
public final class Durations {
  /**
   * IBM keeps a report for a day, so a longer wait for one serves nothing; longer values are typing
   * mistakes.
   */
  public static final Duration MAX = Duration.ofHours(24);

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private Durations() {}

  public static Duration parse(String text, String option) {
    Matcher matcher = SHORT.matcher(text.trim());
    Duration duration = null;
    if (matcher.matches()) {
      String digits = matcher.group(1);
      // Anything with more digits than a day has milliseconds is too long; Long and Duration would
      // overflow first.
      long amount = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
      duration =
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" ->
                amount > MAX.toSeconds() ? tooLong(text, option) : Duration.ofSeconds(amount);
            case "m" ->
                amount > MAX.toMinutes() ? tooLong(text, option) : Duration.ofMinutes(amount);
            default -> amount > MAX.toHours() ? tooLong(text, option) : Duration.ofHours(amount);
          };
    } else {
      try {
        duration = Duration.parse(text.trim());
      } catch (DateTimeParseException e) {
        // reported below with the fix
      }
    }
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new UsageException(
          option
              + " must be a positive duration such as 90s, 10m or 1h, not '"
              + ShownValue.of(text)
              + "'");
    }
    if (duration.compareTo(MAX) > 0) {
      tooLong(text, option);
    }
    return duration;
  }

  private static Duration tooLong(String text, String option) {
    throw new UsageException(
        option
            + " must be at most 24h (IBM keeps a report for a day), not '"
            + ShownValue.of(text)
            + "'");
  }
}
