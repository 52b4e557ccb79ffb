package dev.iamaudit.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void parsesTheColonBeforeMillisecondsSeenInRealReports() {
    assertEquals(
        Instant.parse("2022-08-10T02:33:15.564Z"),
        Timestamps.parse("2022-08-10T02:33:15:564+0000"));
  }

  @Test
  void parsesMinutePrecisionWithCompactOffset() {
    assertEquals(Instant.parse("2022-07-26T13:00:00Z"), Timestamps.parse("2022-07-26T13:00+0000"));
  }

  @Test
  void parsesIso8601Forms() {
    assertEquals(
        Instant.parse("2022-08-10T02:33:15.564Z"), Timestamps.parse("2022-08-10T02:33:15.564Z"));
    assertEquals(
        Instant.parse("2022-08-10T00:33:15Z"), Timestamps.parse("2022-08-10T02:33:15+02:00"));
    assertEquals(Instant.parse("2022-08-10T02:33:15Z"), Timestamps.parse("2022-08-10T02:33:15"));
    assertEquals(Instant.parse("2022-08-10T00:00:00Z"), Timestamps.parse("2022-08-10"));
  }

  @Test
  void fastPathAgreesWithTheGeneralParserOnEdgeCases() {
    assertEquals(
        Instant.parse("2022-08-10T02:33:15.5Z"), Timestamps.parse("2022-08-10T02:33:15:5+0000"));
    assertEquals(
        Instant.parse("2022-08-10T02:33:15.123456789Z"),
        Timestamps.parse("2022-08-10T02:33:15.123456789Z"));
    assertEquals(Instant.parse("2022-08-10T03:33:00Z"), Timestamps.parse("2022-08-10T02:33-01"));
    assertEquals(Instant.parse("2022-08-10T02:33:00Z"), Timestamps.parse("2022-08-10T02:33"));
    assertThrows(
        DateTimeParseException.class, () -> Timestamps.parse("2022-02-30T02:33:15:564+0000"));
    assertThrows(DateTimeParseException.class, () -> Timestamps.parse("2022-08-10T25:33:15+0000"));
    assertThrows(DateTimeParseException.class, () -> Timestamps.parse("2022-08-10T02:33:15+00000"));
  }

  @Test
  void blankMeansNoTime() {
    assertNull(Timestamps.parse(null));
    assertNull(Timestamps.parse(" "));
  }

  @Test
  void refusesGarbage() {
    assertThrows(DateTimeParseException.class, () -> Timestamps.parse("yesterday"));
  }

  /**
   * java.time reads nine-digit signed years; one far outside IBM's four would overflow the reports'
   * milliseconds.
   */
  @Test
  void refusesYearsOutsideFourDigits() {
    DateTimeParseException e =
        assertThrows(
            DateTimeParseException.class, () -> Timestamps.parse("-777777022-08-10T02:33"));
    assertEquals("the year is not between 0000 and 9999", e.getMessage());
    assertThrows(DateTimeParseException.class, () -> Timestamps.parse("+10000-01-01T00:00:00Z"));
    assertThrows(DateTimeParseException.class, () -> Timestamps.parse("+10000-01-01"));
    assertEquals(Instant.parse("9999-12-31T23:59:59Z"), Timestamps.parse("9999-12-31T23:59:59Z"));
    assertEquals(Instant.parse("0000-01-01T00:00:00Z"), Timestamps.parse("0000-01-01"));
  }

  @Test
  void readableTimesAreCutToTheSecondInUtc() {
    assertEquals(
        "2026-12-01 23:39:55 UTC",
        Timestamps.readable(Instant.parse("2026-12-01T23:39:55.999999999Z")));
    assertEquals(
        "2026-12-01 23:39:55 UTC",
        Timestamps.readable(Instant.parse("2026-12-01T23:39:55.458318817Z")));
    assertEquals(
        "2026-12-01 23:39:55 UTC", Timestamps.readable(Instant.parse("2026-12-01T23:39:55Z")));
    assertEquals("1970-01-01 00:00:00 UTC", Timestamps.readable(Instant.EPOCH));
    assertEquals(
        "1969-12-31 23:59:59 UTC", Timestamps.readable(Instant.parse("1969-12-31T23:59:59.5Z")));
    assertEquals(
        "+10000-01-01 00:00:00 UTC",
        Timestamps.readable(Instant.parse("+10000-01-01T00:00:00.1Z")));
  }

  @Test
  void formatsLikeIbm() {
    assertEquals(
        "2022-08-10T02:33:15:564+0000",
        Timestamps.formatIbm(Instant.parse("2022-08-10T02:33:15.564Z")));
  }

  @Test
  void fastPathAgreesWithJavaTimeOnEveryDayAndOffset() {
    SplittableRandom random = new SplittableRandom(7);
    for (LocalDate day = LocalDate.of(1896, 1, 1); day.getYear() < 2104; day = day.plusDays(1)) {
      OffsetDateTime time =
          day.atTime(
                  random.nextInt(24),
                  random.nextInt(60),
                  random.nextInt(60),
                  random.nextInt(1_000_000_000))
              .atOffset(ZoneOffset.ofTotalSeconds(random.nextInt(-72, 73) * 900));
      assertEquals(time.toInstant(), Timestamps.parse(time.toString()), time.toString());
    }
    assertEquals(
        Instant.parse("0000-01-01T00:00:00Z"), Timestamps.parse("0000-01-01T00:00:00:000+0000"));
    assertEquals(
        Instant.parse("9999-12-31T23:59:59.999Z"),
        Timestamps.parse("9999-12-31T23:59:59:999+0000"));
  }

  @Test
  void refusesDaysTheMonthDoesNotHave() {
    assertEquals(
        Instant.parse("2000-02-29T00:00:00Z"), Timestamps.parse("2000-02-29T00:00:00:000+0000"));
    assertThrows(
        DateTimeParseException.class, () -> Timestamps.parse("1900-02-29T00:00:00:000+0000"));
    assertThrows(
        DateTimeParseException.class, () -> Timestamps.parse("2023-04-31T00:00:00:000+0000"));
    assertThrows(
        DateTimeParseException.class, () -> Timestamps.parse("2023-13-01T00:00:00:000+0000"));
    assertThrows(
        DateTimeParseException.class, () -> Timestamps.parse("2023-01-01T00:00:00:000+1900"));
  }

  @Test
  void refusesOffsetMinutesPastTheHour() {
    assertEquals(
        Instant.parse("2023-01-01T00:59:00Z"), Timestamps.parse("2023-01-01T00:00:00:000-0059"));
    assertThrows(
        DateTimeParseException.class, () -> Timestamps.parse("2023-01-01T00:00:00:000+0060"));
    assertThrows(
        DateTimeParseException.class, () -> Timestamps.parse("2023-01-01T00:00:00:000+00:75"));
    assertThrows(DateTimeParseException.class, () -> Timestamps.parse("2023-01-01T00:00+0099"));
  }

  @Test
  void aWindowOnABufferReadsLikeTheString() {
    List<String> texts =
        List.of(
            "2022-08-10T02:33:15:564+0000",
            "2022-07-26T13:00+0000",
            "2022-08-10T02:33:15.564Z",
            "2022-08-10T02:33:15+02:00",
            "2022-08-10T02:33:15",
            "2022-08-10",
            "2022-08-10T02:33-01",
            "2022-08-10t02:33:15z",
            " 2022-08-10T02:33:15:564+0000\n",
            "",
            " ",
            "\u2003",
            "\u0000",
            "yesterday",
            "2022-02-30T02:33:15:564+0000",
            "2022-08-10T25:33:15+0000",
            "2022-08-10T02:33:15+00000",
            "2022-08-10T02:33:15:\u0663+0000");
    for (String text : texts) {
      // Digits around the text: a read past either end would change the result.
      char[] chars = ("99" + text + "99").toCharArray();
      Object expected = outcome(() -> Timestamps.parse(text));
      assertEquals(
          expected,
          outcome(() -> Timestamps.parse(new CharWindow().set(chars, 2, text.length()))),
          text);
    }
  }

  private static Object outcome(Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (DateTimeParseException e) {
      return e.getMessage();
    }
  }
}
