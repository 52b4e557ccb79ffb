package dev.iamaudit.iam;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a request again, the way IBM's own SDK core does: 429 and 5xx except 501, honouring
 * {@code Retry-After}, else exponential back-off, capped, with 75-100% jitter so parallel clients
 * spread out.
 */
final class RetryPolicy {
  static final int MAX_ATTEMPTS = 5;
  private static final Duration BASE = Duration.ofSeconds(1);
  private static final Duration CAP = Duration.ofSeconds(30);

  private final RandomGenerator random;

  RetryPolicy(RandomGenerator random) {
    this.random = random;
  }

  static boolean retryable(int code) {
    return code == 429 || (code >= 500 && code <= 599 && code != 501);
  }

  /**
   * @param retry 0 for the wait before the second attempt
   */
  Duration backoff(int retry) {
    long millis = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(retry, 20));
    return Duration.ofMillis(Math.round(millis * random.nextDouble(0.75, 1.0)));
  }

  /**
   * The server's wish, in seconds or as an HTTP date relative to {@code now}; empty when absent or
   * unreadable.
   */
  static Optional<Duration> retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
