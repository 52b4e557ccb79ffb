package dev.iamaudit.iam;

import static dev.iamaudit.iam.IbmFixtures.ACCOUNT;
import static dev.iamaudit.iam.IbmServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.TestClock;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.SettingsTemplate;
import dev.iamaudit.inventory.UserMfa;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsInForceTest {
  private static final String EFFECTIVE =
      "/v1/accounts/" + ACCOUNT + "/effective_settings/identity";
  private static final String OWN = "/v1/accounts/" + ACCOUNT + "/settings/identity";
  private static final Map<String, String> OWN_VALUES =
      Map.of(
          "restrict_create_service_id",
          "NOT_RESTRICTED",
          "restrict_create_platform_apikey",
          "RESTRICTED",
          "allowed_ip_addresses",
          "",
          "mfa",
          "NONE",
          "restrict_user_list_visibility",
          "NOT_RESTRICTED");

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingListener listener = new RecordingListener();
  private final IbmServer server = new IbmServer();

  SettingsInForceTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  private AccountSettings read() {
    URI uri = server.uri();
    IamHttp http =
        new IamHttp(
            new OkHttpClient(),
            new IamEndpoints(uri, uri),
            new RetryPolicy(() -> 0L),
            new RecordingSleeper(clock),
            clock,
            new Redactor(),
            listener);
    return new SettingsInForce(http, ACCOUNT).read(listener);
  }

  @Test
  void readsTheEffectiveSettingsWithTheAccountsOwnAndTheTemplatesThatSetThem() {
    server.on(
        "GET " + EFFECTIVE,
        json(
            200,
            IbmFixtures.effectiveSettings(
                "TOTP4ALL",
                IbmFixtures.userMfa("IBMid-9", "NONE_NO_ROPC", "Robo Ops", "robo@example.com"),
                IbmFixtures.template("AccountSettingsTemplate-1", 3, "baseline", "TOTP4ALL"))));

    AccountSettings settings = read();

    assertEquals(
        new AccountSettings(
            ACCOUNT,
            "NOT_RESTRICTED",
            "RESTRICTED",
            "TOTP4ALL",
            "NOT_RESTRICTED",
            "",
            List.of(
                new UserMfa(
                    "IBMid-9", "NONE_NO_ROPC", "Robo Ops", "robo@example.com", "robo@example.com")),
            new AccountSettings.Origin(
                OWN_VALUES,
                List.of(
                    new SettingsTemplate(
                        "AccountSettingsTemplate-1", 3L, "baseline", Map.of("mfa", "TOTP4ALL"))),
                null)),
        settings);
    assertEquals(
        "resolve_user_mfa=true", server.requests("GET " + EFFECTIVE).get(0).getUrl().query());
    assertEquals(List.of(), server.requests("GET " + OWN));
    assertEquals(
        List.of(
            "Fetched the account identity settings in force (enterprise settings template"
                + " 'baseline' (AccountSettingsTemplate-1, version 3))"),
        listener.of("info"));
  }

  @Test
  void aKeyThatMayNotReadThemFallsBackToTheAccountsOwnAndSaysSo() {
    server
        .on(
            "GET " + EFFECTIVE,
            json(
                403,
                "{\"errors\":[{\"code\":\"forbidden\",\"message_code\":\"BXNIM0513E\",\"message\":\"You"
                    + " are not authorized to perform this action.\"}],\"status_code\":\"403\"}"))
        .on("GET " + OWN, json(200, IbmFixtures.settings()));

    AccountSettings settings = read();

    String reason =
        "IAM answered 403 to GET "
            + EFFECTIVE
            + " (forbidden You are not authorized to perform this action.), so an enterprise"
            + " settings template may enforce stricter values; grant the API key the Administrator"
            + " role on the IAM Identity Service (IBM documents no narrower role for the effective"
            + " settings)";
    assertEquals(
        new AccountSettings(
            ACCOUNT,
            "NOT_RESTRICTED",
            "RESTRICTED",
            "NONE",
            "NOT_RESTRICTED",
            "",
            List.of(),
            AccountSettings.Origin.fallback(reason)),
        settings);
    assertEquals(
        List.of("Judging the account's own identity settings: " + reason), listener.of("warn"));
    assertEquals(List.of("Fetched the account's own identity settings"), listener.of("info"));
    assertEquals("resolve_user_mfa=true", server.requests("GET " + OWN).get(0).getUrl().query());
  }

  @Test
  void anAnswerWithoutTheEffectiveSectionIsADataError() {
    server.on(
        "GET " + EFFECTIVE,
        json(
            200,
            "{\"account_id\":\"" + ACCOUNT + "\",\"account\":" + IbmFixtures.settings() + "}"));

    DataException e = assertThrows(DataException.class, this::read);

    assertEquals(
        "IAM's answer to GET "
            + EFFECTIVE
            + " has no effective settings; try again, and report it to IBM "
            + "if it persists",
        e.getMessage());
  }

  @Test
  void otherRefusalsAreNotTakenForAMissingRole() {
    server.on(
        "GET " + EFFECTIVE,
        json(401, "{\"errorCode\":\"BXNIM0407E\",\"errorMessage\":\"Token expired\"}"));

    DataException e = assertThrows(DataException.class, this::read);

    assertEquals(
        "IAM refused the access token for GET "
            + EFFECTIVE
            + " (BXNIM0407E Token expired); run again, and "
            + "check the API key if it persists",
        e.getMessage());
    assertEquals(List.of(), server.requests("GET " + OWN));
  }
}
