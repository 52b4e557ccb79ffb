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
    ConsoleListener listener =
        new ConsoleListener(
            new ConsoleWriter(out),
            new ConsoleWriter(new StringWriter()),
            ConsoleListener.Verbosity.NORMAL,
            false,
            clock);
    for (int attempt = 1; attempt <= 8; attempt++) {
      listener.waiting("activity report r1", Duration.ofSeconds(5L * (attempt - 1)), attempt);
      clock.advance(Duration.ofSeconds(5));
    }
    assertEquals(
        """
        Waiting for activity report r1 (0s, attempt 1)
        Waiting for activity report r1 (15s, attempt 4)
        Waiting for activity report r1 (30s, attempt 7)
        """,
        out.toString());
  }

  @Test
  void terminalsGetOneLiveLine() {
    StringWriter out = new StringWriter();
    ConsoleListener listener =
        new ConsoleListener(
            new ConsoleWriter(out),
            new ConsoleWriter(new StringWriter()),
            ConsoleListener.Verbosity.NORMAL,
            true,
            new TestClock(Instant.parse("2026-11-24T12:00:00Z")));
    listener.waiting("activity report r1", Duration.ofSeconds(2), 1);
    listener.waiting("activity report r1", Duration.ofSeconds(75), 2);
    listener.info("Fetched the report");
    assertEquals(
        "\rWaiting for activity report r1 (2s, attempt 1)\u001b[K"
            + "\rWaiting for activity report r1 (1m15s, attempt 2)\u001b[K\nFetched the report\n",
        out.toString());
  }

  @Test
  void quietShowsNeitherProgressNorInfoButWarnings() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ConsoleListener listener =
        new ConsoleListener(
            new ConsoleWriter(out),
            new ConsoleWriter(err),
            ConsoleListener.Verbosity.QUIET,
            false,
            new TestClock(Instant.parse("2026-11-24T12:00:00Z")));
    listener.waiting("x", Duration.ZERO, 1);
    listener.info("info");
    listener.debug("debug");
    listener.warn("careful");
    assertEquals("", out.toString());
    assertEquals("warning: careful\n", err.toString());
  }

  @Test
  void aFetchsProgressSharesTheLiveLineOnATerminal() {
    StringWriter out = new StringWriter();
    ConsoleListener listener =
        new ConsoleListener(
            new ConsoleWriter(out),
            new ConsoleWriter(new StringWriter()),
            ConsoleListener.Verbosity.NORMAL,
            true,
            new TestClock(Instant.parse("2026-11-24T12:00:00Z")));
    listener.progress("Fetched so far: 12 pages, 1,200 identities");
    listener.waiting("IAM to build report r1", Duration.ofSeconds(4), 3);
    listener.progress(
        "Fetched so far: 40 pages, 4,000 identities, the activity details of 900 API keys");
    listener.info("Fetched 4,000 API keys (40 pages)");
    assertEquals(
        "\r"
            + "Fetched so far: 12 pages, 1,200 identities\u001b[K\r"
            + "Waiting for IAM to build report r1 (4s, attempt 3)\u001b[K\r"
            + "Fetched so far: 40 pages, 4,000 identities, the activity details of 900 API"
            + " keys\u001b[K\n"
            + "Fetched 4,000 API keys (40 pages)\n",
        out.toString());
  }

  @Test
  void ciLogsGetAFetchsProgressAtMostEvery15SecondsTogetherWithWaits() {
    TestClock clock = new TestClock(Instant.parse("2026-11-24T12:00:00Z"));
    StringWriter out = new StringWriter();
    ConsoleListener listener =
        new ConsoleListener(
            new ConsoleWriter(out),
            new ConsoleWriter(new StringWriter()),
            ConsoleListener.Verbosity.NORMAL,
            false,
            clock);
    for (int second = 1; second <= 31; second++) {
      listener.progress(
          "Fetched so far: " + second * 10 + " pages, " + second * 1000 + " identities");
      listener.waiting("IAM to build report r1", Duration.ofSeconds(second), second);
      clock.advance(Duration.ofSeconds(1));
    }
    assertEquals(
        """
        Fetched so far: 10 pages, 1000 identities
        Fetched so far: 160 pages, 16000 identities
        Fetched so far: 310 pages, 31000 identities
        """,
        out.toString());
  }

  @Test
  void quietShowsNoFetchProgress() {
    StringWriter out = new StringWriter();
    ConsoleListener listener =
        new ConsoleListener(
            new ConsoleWriter(out),
            new ConsoleWriter(new StringWriter()),
            ConsoleListener.Verbosity.QUIET,
            true,
            new TestClock(Instant.parse("2026-11-24T12:00:00Z")));
    listener.progress("Fetched so far: 1 page, 100 identities");
    assertEquals("", out.toString());
  }
}
