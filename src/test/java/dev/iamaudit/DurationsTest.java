package dev.iamaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.failure.UsageException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  private static String error(String text) {
    return assertThrows(UsageException.class, () -> Durations.parse(text, "--report-timeout"))
        .getMessage();
  }

  @Test
  void readsTheShortFormsAndIso() {
    assertEquals(Duration.ofSeconds(90), Durations.parse("90s", "--report-timeout"));
    assertEquals(Duration.ofMinutes(10), Durations.parse(" 10m ", "--report-timeout"));
    assertEquals(Duration.ofHours(24), Durations.parse("24h", "--report-timeout"));
    assertEquals(Duration.ofMillis(1500), Durations.parse("1500ms", "--report-timeout"));
    assertEquals(Duration.ofMinutes(10), Durations.parse("PT10M", "--report-timeout"));
  }

  @Test
  void aDurationTooLongForJavaIsAUsageErrorNotACrash() {
    assertEquals(
        "--report-timeout must be at most 24h (IBM keeps a report for a day), not"
            + " '2562047788015216h'",
        error("2562047788015216h"));
    assertEquals(
        "--report-timeout must be at most 24h (IBM keeps a report for a day), not "
            + "'99999999999999999999999s'",
        error("99999999999999999999999s"));
    assertEquals(
        "--report-timeout must be at most 24h (IBM keeps a report for a day), not 'PT25H'",
        error("PT25H"));
    assertEquals(
        "--report-timeout must be a positive duration such as 90s, 10m or 1h, not "
            + "'PT9999999999999999999H'",
        error("PT9999999999999999999H"));
  }

  @Test
  void zeroNegativeAndGarbageAreRefused() {
    assertEquals(
        "--report-timeout must be a positive duration such as 90s, 10m or 1h, not '0s'",
        error("0s"));
    assertEquals(
        "--report-timeout must be a positive duration such as 90s, 10m or 1h, not 'PT-1S'",
        error("PT-1S"));
    assertEquals(
        "--report-timeout must be a positive duration such as 90s, 10m or 1h, not 'soon'",
        error("soon"));
  }
}
