package dev.iamaudit.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void retries429AndServerErrorsExcept501() {
    assertTrue(RetryPolicy.retryable(429));
    assertTrue(RetryPolicy.retryable(500));
    assertTrue(RetryPolicy.retryable(503));
    assertFalse(RetryPolicy.retryable(501));
    assertFalse(RetryPolicy.retryable(404));
    assertFalse(RetryPolicy.retryable(204));
  }

  @Test
  void backsOffExponentiallyUpToThirtySecondsWithAtLeast75PercentJitter() {
    RetryPolicy lowest = new RetryPolicy(() -> 0L);

    assertEquals(Duration.ofMillis(750), lowest.backoff(0));
    assertEquals(Duration.ofSeconds(6), lowest.backoff(3));
    assertEquals(Duration.ofMillis(22_500), lowest.backoff(5));
    assertEquals(Duration.ofMillis(22_500), lowest.backoff(40));
    RetryPolicy random = new RetryPolicy(new Random(7));
    IntStream.range(0, 100)
        .forEach(
            i -> {
              long millis = random.backoff(1).toMillis();
              assertTrue(millis >= 1500 && millis <= 2000, Long.toString(millis));
            });
  }

  @Test
  void readsRetryAfterAsSecondsOrHttpDate() {
    assertEquals(Optional.of(Duration.ofSeconds(2)), RetryPolicy.retryAfter("2", NOW));
    assertEquals(
        Optional.of(Duration.ofSeconds(90)),
        RetryPolicy.retryAfter("Thu, 01 Jan 2026 00:01:30 GMT", NOW));
    assertEquals(
        Optional.of(Duration.ZERO), RetryPolicy.retryAfter("Wed, 31 Dec 2025 23:00:00 GMT", NOW));
    assertEquals(Optional.empty(), RetryPolicy.retryAfter("soon", NOW));
    assertEquals(Optional.empty(), RetryPolicy.retryAfter(null, NOW));
  }
}
