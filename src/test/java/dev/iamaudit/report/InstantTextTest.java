package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {
  private static void assertWrittenAsToString(Instant instant) {
    assertEquals(
        instant.toString(),
        InstantText.append(new StringBuilder(), instant).toString(),
        instant::toString);
  }

  @Test
  void writesWhatToStringWrites() {
    for (String text :
        new String[] {
          "2026-05-06T09:00:00Z",
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59Z",
          "2024-02-29T12:34:56Z",
          "2026-11-22T10:00:00.100Z",
          "2026-11-22T10:00:00.000100Z",
          "2026-11-22T10:00:00.000000001Z",
          "2026-11-22T10:00:00.123456789Z",
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "0001-03-01T00:00:00Z"
        }) {
      assertWrittenAsToString(Instant.parse(text));
    }
  }

  @Test
  void leavesSignedYearsToTheLibrary() {
    assertWrittenAsToString(Instant.parse("+10000-01-01T00:00:00Z"));
    assertWrittenAsToString(Instant.parse("-0001-12-31T23:59:59.5Z"));
    assertWrittenAsToString(Instant.MIN);
    assertWrittenAsToString(Instant.MAX);
  }

  @Test
  void writesRandomInstantsAsToStringDoes() {
    SplittableRandom random = new SplittableRandom(7);
    long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      assertWrittenAsToString(Instant.ofEpochSecond(random.nextLong(from, to), nano));
    }
  }
}
