package dev.iamaudit.inventory;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any text read as a timestamp gives an instant, null for blank, or a {@link
 * DateTimeParseException}, which the report parser turns into exit 3; and the fast path agrees with
 * java.time, since a parsed time is read again from IBM's own format. See {@link
 * ActivityReportParserFuzzTest} for how the build runs it.
 */
class TimestampsFuzzTest {
  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void anyTextIsATimeOrAParseError(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Instant parsed;
    try {
      parsed = Timestamps.parse(text);
    } catch (DateTimeParseException expected) {
      return;
    }
    if (parsed == null) {
      if (!text.isBlank()) {
        throw new AssertionError("no time for '" + text + "'");
      }
      return;
    }
    Instant millis = Instant.ofEpochMilli(parsed.toEpochMilli());
    Instant again = Timestamps.parse(Timestamps.formatIbm(millis));
    if (!millis.equals(again)) {
      throw new AssertionError(
          "'" + text + "' read as " + parsed + ", but its IBM form as " + again);
    }
  }
}
