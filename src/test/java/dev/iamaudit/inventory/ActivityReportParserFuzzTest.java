package dev.iamaudit.inventory;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamaudit.failure.DataException;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes read as an activity report give a report or a {@link DataException} (exit 3), nothing
 * else: Jazzer reports any other exception, any input that takes longer than the timeout, and
 * running out of the fuzz runs' heap. In {@code mvn test} the inputs under {@code
 * ActivityReportParserFuzzTestInputs} (seeds, and every input that once failed) run as regression
 * tests; {@code mvn verify} fuzzes for {@code maxDuration} (see the pom).
 */
class ActivityReportParserFuzzTest {
  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void anyBytesGiveAReportOrADataError(byte[] input) {
    try {
      ActivityReport report =
          new ActivityReportParser("report.json").parse(new ByteArrayInputStream(input));
      if (report.info() == null) {
        throw new AssertionError("a report without its header");
      }
    } catch (DataException expected) {
      // the one clean refusal
    }
  }
}
