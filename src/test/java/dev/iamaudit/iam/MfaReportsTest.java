package dev.iamaudit.iam;

import static dev.iamaudit.iam.IbmFixtures.ACCOUNT;
import static dev.iamaudit.iam.IbmFixtures.USER_IAM_ID;
import static dev.iamaudit.iam.IbmServer.json;
import static dev.iamaudit.iam.IbmServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.TestClock;
import dev.iamaudit.TestOptionNames;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.inventory.MfaEnrollment;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MfaReportsTest {
  private static final String REPORTS = "/v1/mfa/accounts/" + ACCOUNT + "/report";
  private static final String FORBIDDEN =
      "{\"errors\":[{\"code\":\"forbidden\",\"message_code\":\"BXNIM0513E\",\"message\":\"You are"
          + " not authorized to perform this"
          + " action.\"}],\"trace\":\"t-9\",\"status_code\":\"403\"}";
  private static final String ROLE =
      ": grant the API key the Administrator role on the IAM Identity Service, which "
          + "IBM requires to generate and view the report";

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();
  private final IbmServer server = new IbmServer();

  MfaReportsTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  private MfaReports.Result fetch() {
    URI uri = server.uri();
    IamHttp http =
        new IamHttp(
            new OkHttpClient(),
            new IamEndpoints(uri, uri),
            new RetryPolicy(() -> 0L),
            sleeper,
            clock,
            new Redactor(),
            listener);
    IamSettings settings =
        new IamSettings(
            uri,
            uri,
            new Secret(IbmFixtures.API_KEY),
            "the test key",
            "new",
            Duration.ofMinutes(10),
            null,
            TestOptionNames.INSTANCE);
    return new MfaReports(http, ACCOUNT, settings, clock, sleeper, listener).fetch();
  }

  @Test
  void triggersThenPollsWhileIamBuildsItLikeTheActivityReport() {
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"m-1\"}"))
        .on(
            "GET " + REPORTS + "/m-1",
            status(204),
            status(204),
            json(
                200,
                IbmFixtures.mfaReport(
                    "m-1",
                    IbmFixtures.mfaUser(
                        USER_IAM_ID, "Jane Doe", "jane@example.com", "TOTP4ALL", false),
                    IbmFixtures.mfaUser(
                        "IBMid-2", "Raj Patel", "raj@example.com", "TOTP4ALL", true))));

    MfaReports.Result result = fetch();

    assertEquals(
        List.of(
            new MfaEnrollment(
                USER_IAM_ID,
                "Jane Doe",
                "jane@example.com",
                "jane@example.com",
                "id_based_mfa",
                "TOTP4ALL",
                false,
                "NO",
                true),
            new MfaEnrollment(
                "IBMid-2",
                "Raj Patel",
                "raj@example.com",
                "raj@example.com",
                "id_based_mfa",
                "TOTP4ALL",
                true,
                "CROSS_ACCOUNT",
                true)),
        result.users());
    assertEquals(null, result.unavailable());
    assertEquals("type=mfa_status", server.requests("POST " + REPORTS).get(0).getUrl().query());
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeper.sleeps);
    assertEquals(
        List.of("IAM to build MFA report m-1 PT0S #1", "IAM to build MFA report m-1 PT2S #2"),
        listener.of("waiting"));
    assertEquals(
        List.of(
            "Triggered MFA enrollment report m-1",
            "Fetched MFA enrollment report m-1: 2 users, 1 not enrolled as required"),
        listener.of("info"));
  }

  @Test
  void aKeyThatMayNotGenerateTheReportLeavesItUnavailableWithTheRoleToGrant() {
    server.on("POST " + REPORTS, json(403, FORBIDDEN));

    MfaReports.Result result = fetch();

    assertEquals(null, result.users());
    assertEquals(
        "which IAM refused with 403 to POST "
            + REPORTS
            + " (forbidden You are not authorized to perform "
            + "this action.)"
            + ROLE,
        result.unavailable());
    assertEquals(List.of(), listener.of("warn"));
  }

  @Test
  void aKeyThatMayGenerateButNotReadTheReportLeavesItUnavailableToo() {
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"m-2\"}"))
        .on("GET " + REPORTS + "/m-2", status(204), json(403, FORBIDDEN));

    MfaReports.Result result = fetch();

    assertEquals(
        "which IAM refused with 403 to GET "
            + REPORTS
            + "/m-2 (forbidden You are not authorized to "
            + "perform this action.)"
            + ROLE,
        result.unavailable());
  }

  @Test
  void aReportThatVanishedIsADataError() {
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"m-3\"}"))
        .on(
            "GET " + REPORTS + "/m-3",
            json(
                404,
                "{\"errors\":[{\"code\":\"not_found\",\"message_code\":\"BXNIM0102E\",\"message\":\"Unable"
                    + " to find object\"}],\"status_code\":\"404\"}"));

    DataException e = assertThrows(DataException.class, this::fetch);

    assertEquals(
        "IAM knows no MFA report m-3 for account "
            + ACCOUNT
            + " (IBM deletes reports older than a day "
            + "when a new one is generated); run the audit again",
        e.getMessage());
    assertEquals(3, e.exitCode());
  }

  @Test
  void givesUpAfterTheReportTimeout() {
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"m-4\"}"))
        .on("GET " + REPORTS + "/m-4", status(204));

    DataException e = assertThrows(DataException.class, this::fetch);

    assertEquals(
        "Timed out after 10m waiting for IAM to build MFA report m-4; raise <report timeout>",
        e.getMessage());
    assertEquals(
        Duration.ofMinutes(10), sleeper.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
  }

  @Test
  void aReportWithoutUsersHasNone() {
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"m-5\"}"))
        .on(
            "GET " + REPORTS + "/m-5",
            json(
                200,
                "{\"created_by\":\""
                    + USER_IAM_ID
                    + "\",\"reference\":\"m-5\","
                    + "\"report_time\":\"2025-12-31T23:30:00Z\",\"account_id\":\""
                    + ACCOUNT
                    + "\"}"));

    assertEquals(List.of(), fetch().users());
  }
}
