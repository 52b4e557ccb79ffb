package dev.iamaudit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MavenAuditListenerTest {
  private final RecordingLog log = new RecordingLog();
  private Instant now = Instant.parse("2026-11-22T10:00:00Z");
  private final MavenAuditListener listener =
      new MavenAuditListener(
          log,
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
              return now;
            }
          });

  @Test
  void passesMessagesThroughAtTheirLevel() {
    listener.info("Fetched 2,000 API keys");
    listener.warn("The latest report is 30 hours old");
    listener.debug("GET /v1/apikeys: 200");

    assertEquals(
        List.of(
            "[INFO] Fetched 2,000 API keys",
            "[WARNING] The latest report is 30 hours old",
            "[DEBUG] GET /v1/apikeys: 200"),
        log.lines);
  }

  @Test
  void showsAWaitAtMostEveryFifteenSeconds() {
    for (int second = 0; second <= 31; second++) {
      listener.waiting("the activity report", Duration.ofSeconds(second), second + 1);
      now = now.plusSeconds(1);
    }

    assertEquals(
        List.of(
            "[INFO] Waiting for the activity report: 0 s, attempt 1",
            "[INFO] Waiting for the activity report: 15 s, attempt 16",
            "[INFO] Waiting for the activity report: 30 s, attempt 31"),
        log.lines);
  }

  @Test
  void showsAFetchsProgressInTheSameRhythmAsWaits() {
    for (int second = 0; second <= 20; second++) {
      listener.progress("Fetched so far: " + second + " pages, " + second * 100 + " identities");
      if (second == 10) {
        listener.waiting("IAM to build report r-1", Duration.ofSeconds(10), 5);
      }
      now = now.plusSeconds(1);
    }

    assertEquals(
        List.of(
            "[INFO] Fetched so far: 0 pages, 0 identities",
            "[INFO] Fetched so far: 15 pages, 1500 identities"),
        log.lines);
  }
}
