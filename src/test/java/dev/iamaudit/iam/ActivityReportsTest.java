package dev.iamaudit.iam;

import static dev.iamaudit.iam.IbmFixtures.ACCOUNT;
import static dev.iamaudit.iam.IbmServer.json;
import static dev.iamaudit.iam.IbmServer.status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.TestClock;
import dev.iamaudit.TestOptionNames;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.inventory.ActivityReport;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.source.DataRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityReportsTest {
  private static final String REPORTS = "/v1/activity/accounts/" + ACCOUNT + "/report";
  private static final String FRESH_END = "2025-12-31T23:00:00:000+0000";
  private static final DataRequest MONTH =
      new DataRequest(Set.of(DataSet.REPORT), OptionalLong.of(720), 24);

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();
  private final IbmServer server = new IbmServer();
  @TempDir Path dir;

  ActivityReportsTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  private ActivityReport fetch(String report, Path saveTo, DataRequest request) {
    URI uri = server.uri();
    IamSettings settings =
        new IamSettings(
            uri,
            uri,
            new Secret(IbmFixtures.API_KEY),
            "the test key",
            report,
            Duration.ofMinutes(10),
            saveTo,
            TestOptionNames.INSTANCE);
    IamHttp http =
        new IamHttp(
            new OkHttpClient(),
            new IamEndpoints(uri, uri),
            new RetryPolicy(() -> 0L),
            sleeper,
            clock,
            new Redactor(),
            listener);
    return new ActivityReports(http, ACCOUNT, settings, clock, sleeper, listener).fetch(request);
  }

  @Test
  void triggersThenPollsUntilTheReportIsBuiltAndSavesItsRawBytes() throws IOException {
    String body =
        IbmFixtures.report(
            "r-1",
            720,
            FRESH_END,
            "",
            "{\"id\":\"ApiKey-1\",\"name\":\"old\",\"type\":"
                + "\"user\",\"user\":{\"iam_id\":\"IBMid-1\",\"name\":\"Jo\",\"username\":\"jo@example.com\",\"email\":"
                + "\"jo@example.com\"},\"last_authn\":\"2025-06-01T10:00:00:000+0000\"}",
            "",
            "");
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"r-1\"}"))
        .on("GET " + REPORTS + "/r-1", status(204), status(204), json(200, body));
    Path saved = dir.resolve("audit/report.json");

    ActivityReport report = fetch("new", saved, MONTH);

    assertEquals("r-1", report.info().reference());
    assertEquals(1, report.apiKeys().size());
    assertEquals(
        "type=inactive&duration=720", server.requests("POST " + REPORTS).get(0).getUrl().query());
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeper.sleeps);
    assertEquals(
        List.of(
            "Triggered activity report r-1 over 720 hours",
            "Fetched activity report r-1: 1 inactive identity over 720 hours, as of"
                + " 2025-12-31 23:00:00 UTC"),
        listener.of("info"));
    assertEquals(
        List.of("IAM to build report r-1 PT0S #1", "IAM to build report r-1 PT2S #2"),
        listener.of("waiting"));
    assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(saved));
    try (Stream<Path> files = Files.list(saved.getParent())) {
      assertEquals(List.of(saved), files.toList());
    }
  }

  @Test
  void anUnknownReferenceIsADataError() {
    server.on("GET " + REPORTS + "/r-gone", json(404, "{\"errorCode\":\"BXNIM0404E\"}"));

    DataException e = assertThrows(DataException.class, () -> fetch("r-gone", null, MONTH));

    assertEquals(
        "IAM knows no report r-gone for account "
            + ACCOUNT
            + " (IBM deletes reports older than a day "
            + "when a new one is generated); use <report>=new or <report>=latest",
        e.getMessage());
  }

  @Test
  void givesUpWhenTheReportTakesLongerThanTheTimeout() {
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"r-slow\"}"))
        .on("GET " + REPORTS + "/r-slow", status(204));

    DataException e = assertThrows(DataException.class, () -> fetch("new", null, MONTH));

    assertEquals(
        "Timed out after 10m waiting for IAM to build report r-slow; raise <report timeout> or use "
            + "<report>=latest",
        e.getMessage());
    assertEquals(
        Duration.ofMinutes(10), sleeper.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
    // Every 2 s for the first 20 s, then after a tenth of the time waited so far, then every 15 s.
    List<Duration> expected = new ArrayList<>(Collections.nCopies(11, Duration.ofSeconds(2)));
    expected.addAll(
        List.of(Duration.ofMillis(2200), Duration.ofMillis(2420), Duration.ofMillis(2662)));
    assertEquals(expected, sleeper.sleeps.subList(0, 14));
    assertEquals(Duration.ofSeconds(15), sleeper.sleeps.get(sleeper.sleeps.size() - 2));
    assertEquals(62, sleeper.sleeps.size());
  }

  @Test
  void refusesALatestReportOlderThanThePolicyAllows() {
    server.on(
        "GET " + REPORTS + "/latest",
        json(200, IbmFixtures.emptyReport("r-old", 720, "2025-12-30T18:00:00:000+0000")));

    DataException e = assertThrows(DataException.class, () -> fetch("latest", null, MONTH));

    assertEquals(
        "The latest report (r-old) ended 30 hours ago, at 2025-12-30T18:00:00Z, older than "
            + "maxReportAgeHours (24); use <report>=new to trigger a fresh one",
        e.getMessage());
  }

  @Test
  void aLatestReportTooLongForTheThresholdIsReplacedByAFittingOne() {
    server
        .on(
            "GET " + REPORTS + "/latest",
            json(200, IbmFixtures.emptyReport("r-quarter", 2160, FRESH_END)))
        .on("POST " + REPORTS, json(202, "{\"reference\":\"r-2\"}"))
        .on("GET " + REPORTS + "/r-2", json(200, IbmFixtures.emptyReport("r-2", 720, FRESH_END)));

    ActivityReport report = fetch("latest", null, MONTH);

    assertEquals("r-2", report.info().reference());
    assertEquals(
        "type=inactive&duration=720", server.requests("POST " + REPORTS).get(0).getUrl().query());
    assertEquals(
        List.of(
            "The latest report (r-quarter) covers 2160 hours of inactivity, longer than the"
                + " shortest inactivity threshold (720 hours), so it cannot prove that threshold;"
                + " triggering a new report over 720 hours instead"),
        listener.of("warn"));
  }

  @Test
  void refusesAnExplicitReportTooLongForTheThreshold() {
    server.on(
        "GET " + REPORTS + "/r-q", json(200, IbmFixtures.emptyReport("r-q", 2160, FRESH_END)));

    DataException e =
        assertThrows(DataException.class, () -> fetch("r-q", dir.resolve("r.json"), MONTH));

    assertEquals(
        "Report r-q covers 2160 hours of inactivity, longer than the shortest inactivity threshold"
            + " (720 hours = 30 days), so it cannot show identities idle for between 30 and 90"
            + " days. Use a report with a duration of at most 720 hours, or raise the threshold.",
        e.getMessage());
    assertEquals(false, Files.exists(dir.resolve("r.json")));
  }

  @Test
  void refusesAnExplicitReportThatIsStale() {
    server.on(
        "GET " + REPORTS + "/r-s",
        json(200, IbmFixtures.emptyReport("r-s", 720, "2025-12-25T00:00+0000")));

    DataException e = assertThrows(DataException.class, () -> fetch("r-s", null, MONTH));

    assertEquals(
        "Report r-s ended 168 hours ago, at 2025-12-25T00:00:00Z, older than maxReportAgeHours "
            + "(24); use <report>=new to trigger a fresh one",
        e.getMessage());
  }

  @Test
  void withoutAnInactivityRuleANewReportUsesIbmsDefaultDuration() {
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"r-3\"}"))
        .on("GET " + REPORTS + "/r-3", json(200, IbmFixtures.emptyReport("r-3", 720, FRESH_END)));

    fetch("new", null, new DataRequest(Set.of(DataSet.REPORT), OptionalLong.empty(), 24));

    assertEquals(
        "type=inactive&duration=720", server.requests("POST " + REPORTS).get(0).getUrl().query());
  }

  @Test
  void aNewReportLongerThanAskedForIsRefusedAndNotSaved() throws IOException {
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"r-4\"}"))
        .on("GET " + REPORTS + "/r-4", json(200, IbmFixtures.emptyReport("r-4", 2160, FRESH_END)));
    Path saved = dir.resolve("report.json");

    DataException e = assertThrows(DataException.class, () -> fetch("new", saved, MONTH));

    assertEquals(
        "Report r-4, triggered over 720 hours, covers 2160 hours of inactivity, longer than the"
            + " shortest inactivity threshold (720 hours = 30 days), so it cannot show identities"
            + " idle for between 30 and 90 days. Use a report with a duration of at most 720 hours,"
            + " or raise the threshold.",
        e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void aNewReportShorterThanAskedForListsMoreAndIsAccepted() {
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"r-5\"}"))
        .on("GET " + REPORTS + "/r-5", json(200, IbmFixtures.emptyReport("r-5", 168, FRESH_END)));

    assertEquals(168, fetch("new", null, MONTH).info().durationHours());
  }
}
