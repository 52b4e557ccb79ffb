package dev.iamaudit;

import dev.iamaudit.failure.UsageException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations people write on command lines: {@code 90s}, {@code 10m}, {@code 1h}, or ISO {@code PT10M}. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private Durations() {}

  public static Duration parse(String text, String option) {
    Matcher matcher = SHORT.matcher(text.trim());
    Duration duration = null;
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration = switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    } else {
      try {
        duration = Duration.parse(text.trim());
      } catch (DateTimeParseException e) {
        // reported below with the fix
      }
    }
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new UsageException(option + " must be a positive duration such as 90s, 10m or 1h, not '" + text + "'");
    }
    return duration;
  }
}
