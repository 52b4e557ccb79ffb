package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.TestClock;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleListenerTest {
  @Test
  void ciLogsGetAPlainLineAtMostEvery15Seconds() {
    TestClock clock = new TestClock(Instant.parse("2026-11-24T12:00:00Z"));
    StringWriter out = new StringWriter();
    ConsoleListener listener = new ConsoleListener(new ConsoleWriter(out), new ConsoleWriter(new StringWriter()),
        ConsoleListener.Verbosity.NORMAL, false, clock);
    for (int attempt = 1; attempt <= 8; attempt++) {
      listener.waiting("activity report r1", Duration.ofSeconds(5L * (attempt - 1)), attempt);
      clock.advance(Duration.ofSeconds(5));
    }
    assertEquals("""
        Waiting for activity report r1 (0s, attempt 1)
        Waiting for activity report r1 (15s, attempt 4)
        Waiting for activity report r1 (30s, attempt 7)
        """, out.toString());
  }

  @Test
  void terminalsGetOneLiveLine() {
    StringWriter out = new StringWriter();
    ConsoleListener listener = new ConsoleListener(new ConsoleWriter(out), new ConsoleWriter(new StringWriter()),
        ConsoleListener.Verbosity.NORMAL, true, new TestClock(Instant.parse("2026-11-24T12:00:00Z")));
    listener.waiting("activity report r1", Duration.ofSeconds(2), 1);
    listener.waiting("activity report r1", Duration.ofSeconds(75), 2);
    listener.info("Fetched the report");
    assertEquals("\rWaiting for activity report r1 (2s, attempt 1)\u001b[K"
        + "\rWaiting for activity report r1 (1m15s, attempt 2)\u001b[K\nFetched the report\n", out.toString());
  }

  @Test
  void quietShowsNeitherProgressNorInfoButWarnings() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ConsoleListener listener = new ConsoleListener(new ConsoleWriter(out), new ConsoleWriter(err),
        ConsoleListener.Verbosity.QUIET, false, new TestClock(Instant.parse("2026-11-24T12:00:00Z")));
    listener.waiting("x", Duration.ZERO, 1);
    listener.info("info");
    listener.debug("debug");
    listener.warn("careful");
    assertEquals("", out.toString());
    assertEquals("warning: careful\n", err.toString());
  }
}
