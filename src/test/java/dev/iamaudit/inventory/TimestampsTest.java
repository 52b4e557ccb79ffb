package dev.iamaudit.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void parsesTheColonBeforeMillisecondsSeenInRealReports() {
    assertEquals(Instant.parse("2022-08-10T02:33:15.564Z"), Timestamps.parse("2022-08-10T02:33:15:564+0000"));
  }

  @Test
  void parsesMinutePrecisionWithCompactOffset() {
    assertEquals(Instant.parse("2022-07-26T13:00:00Z"), Timestamps.parse("2022-07-26T13:00+0000"));
  }

  @Test
  void parsesIso8601Forms() {
    assertEquals(Instant.parse("2022-08-10T02:33:15.564Z"), Timestamps.parse("2022-08-10T02:33:15.564Z"));
    assertEquals(Instant.parse("2022-08-10T00:33:15Z"), Timestamps.parse("2022-08-10T02:33:15+02:00"));
    assertEquals(Instant.parse("2022-08-10T02:33:15Z"), Timestamps.parse("2022-08-10T02:33:15"));
    assertEquals(Instant.parse("2022-08-10T00:00:00Z"), Timestamps.parse("2022-08-10"));
  }

  @Test
  void fastPathAgreesWithTheGeneralParserOnEdgeCases() {
    assertEquals(Instant.parse("2022-08-10T02:33:15.5Z"), Timestamps.parse("2022-08-10T02:33:15:5+0000"));
    assertEquals(Instant.parse("2022-08-10T02:33:15.123456789Z"), Timestamps.parse("2022-08-10T02:33:15.123456789Z"));
    assertEquals(Instant.parse("2022-08-10T03:33:00Z"), Timestamps.parse("2022-08-10T02:33-01"));
    assertEquals(Instant.parse("2022-08-10T02:33:00Z"), Timestamps.parse("2022-08-10T02:33"));
    assertThrows(DateTimeParseException.class, () -> Timestamps.parse("2022-02-30T02:33:15:564+0000"));
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

  @Test
  void formatsLikeIbm() {
    assertEquals("2022-08-10T02:33:15:564+0000", Timestamps.formatIbm(Instant.parse("2022-08-10T02:33:15.564Z")));
  }
}
