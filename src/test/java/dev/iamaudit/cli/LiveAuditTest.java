package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.simulator.DemoAccount;
import dev.iamaudit.simulator.Fault;
import dev.iamaudit.simulator.SimulatedAccount;
import dev.iamaudit.simulator.Simulator;
import dev.iamaudit.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole live path, command line to reports, against the simulator; and proof that no secret
 * leaks.
 */
class LiveAuditTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final String KEY = DemoAccount.API_KEY.reveal();

  @TempDir Path dir;
  private Simulator simulator;

  /**
   * The activity and MFA reports are polled side by side, and retries wait on the listing threads.
   */
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeGovernanceFiles() {
    DemoAccount.writeGovernanceFiles(dir, LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private void serve(String faults) {
    simulator =
        Simulator.start(
            DemoAccount.create(CLOCK),
            CLOCK,
            new SimulatorOptions(
                0,
                0,
                SimulatorOptions.DEFAULT_REPORT_POLLS,
                faults.isEmpty() ? List.of() : Fault.parseAll(faults)));
  }

  private int run(String key, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--iam-url",
                simulator.baseUrl().toString(),
                "--user-management-url",
                simulator.baseUrl().toString()));
    args.addAll(List.of(options));
    Environment environment =
        new Environment(Map.of("IBMCLOUD_API_KEY", key), dir, CLOCK, sleeps::add, false);
    return Main.run(
        environment,
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        args.toArray(String[]::new));
  }

  @Test
  void aMissingLatestReportIsAskedForWithTheCommandLinesOption() {
    serve("");
    assertEquals(3, run(KEY, "--report", "latest", "--format", "json"));
    assertEquals(
        "iam-audit: IAM has no activity report for account "
            + DemoAccount.ACCOUNT_ID
            + " yet; use --report"
            + " new\n",
        err.toString());
  }

  @Test
  void pullsTheAccountFailsTheGateAndWritesEveryReport() throws IOException {
    serve("");
    assertEquals(1, run(KEY, "--format", "all", "--save-report", "raw-report.json"));
    // Each report answers 204 twice before it is built.
    assertEquals(Collections.nCopies(4, Duration.ofSeconds(2)), sleeps);
    JsonNode json =
        new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());
    assertEquals(DemoAccount.ACCOUNT_ID, json.at("/account").asText());
    assertEquals(2160, json.at("/report/durationHours").asInt());
    assertEquals(35, json.at("/summary/violations").asInt());
    assertEquals(1, json.at("/summary/allowlisted").asInt());
    assertEquals("failed", json.at("/summary/gate").asText());
    assertEquals(TODAYS_FINDINGS, findings(json));
    assertTrue(Files.size(dir.resolve("raw-report.json")) > 0);
    assertNoSecretIn(out.toString(), err.toString());
  }

  private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;
  private static final String INVITATION_PROFILE_ID = "ceb4b57e2adea609f803167ac4408ddb";

  /**
   * What the demo account, shaped like today's IBM Cloud, deserves: findings for the service ID and
   * key of the payments group (the key dated by the group's listing), none for the disabled and the
   * expired key, none for account MFA (the enterprise template enforces it) but one for the
   * exempted user and one for the member who never enrolled, and the invitations found stale rather
   * than inactive, the one without an IAM id under its profile id.
   */
  private static final List<String> TODAYS_FINDINGS =
      List.of(
          "apikey-inactive ApiKey-5a1e0000-0000-4000-8000-000000000001 allowlisted",
          "apikey-inactive ApiKey-5a1e0000-0000-4000-8000-000000000002 violation",
          "apikey-inactive ApiKey-9a0e0000-0000-4000-8000-00000000000e violation",
          "apikey-never-used ApiKey-0e5e0000-0000-4000-8000-000000000003 violation",
          "apikey-orphaned ApiKey-0a700000-0000-4000-8000-000000000006 violation",
          "user-mfa-not-enrolled IBMid-6900000DAN violation",
          "account-apikey-creation-unrestricted " + ACCOUNT + " violation",
          "account-settings-drift " + ACCOUNT + " violation",
          "allowlist-expired " + ACCOUNT + " violation",
          "apikey-high-usage ApiKey-b5e70000-0000-4000-8000-000000000008 violation",
          "apikey-too-old ApiKey-01d00000-0000-4000-8000-000000000005 violation",
          "apikey-too-old ApiKey-5a1e0000-0000-4000-8000-000000000002 violation",
          "apikey-too-old ApiKey-9a0e0000-0000-4000-8000-00000000000e violation",
          "profile-inactive Profile-1d1e0000-0000-4000-8000-000000000001 violation",
          "serviceid-inactive ServiceId-01d10000-0000-4000-8000-000000000004 violation",
          "serviceid-inactive ServiceId-1e9a0000-0000-4000-8000-000000000003 violation",
          "serviceid-inactive ServiceId-5e770000-0000-4000-8000-000000000006 violation",
          "user-inactive IBMid-6900000CHE violation",
          "user-inactive IBMid-6900000DAN violation",
          "user-mfa-exempt IBMid-6900000BRU violation",
          "account-ip-allowlist-unset " + ACCOUNT + " violation",
          "account-serviceid-creation-unrestricted " + ACCOUNT + " violation",
          "account-user-list-visible " + ACCOUNT + " violation",
          "allowlist-unused " + ACCOUNT + " violation",
          "apikey-leak-action-none ApiKey-1ea70000-0000-4000-8000-000000000007 violation",
          "apikey-no-expiry ApiKey-01d00000-0000-4000-8000-000000000005 violation",
          "apikey-no-expiry ApiKey-5a1e0000-0000-4000-8000-000000000002 violation",
          "apikey-no-expiry ApiKey-9a0e0000-0000-4000-8000-00000000000e violation",
          "identity-unmanaged ApiKey-0e5e0000-0000-4000-8000-000000000004 violation",
          "identity-unmanaged ApiKey-d15a0000-0000-4000-8000-00000000000c violation",
          "identity-unmanaged ApiKey-de900000-0000-4000-8000-00000000000a violation",
          "identity-unmanaged ApiKey-e8010000-0000-4000-8000-00000000000d violation",
          "identity-unmanaged ServiceId-01d10000-0000-4000-8000-000000000004 violation",
          "user-invitation-stale IBMid-6900000FAB violation",
          "user-invitation-stale " + INVITATION_PROFILE_ID + " violation",
          "user-multiple-apikeys IBMid-6900000BRU violation");

  private static List<String> findings(JsonNode json) {
    List<String> findings = new ArrayList<>();
    json.at("/findings")
        .forEach(
            finding ->
                findings.add(
                    finding.at("/rule").asText()
                        + " "
                        + finding.at("/entity/id").asText()
                        + " "
                        + finding.at("/status").asText()));
    return findings;
  }

  private static String message(JsonNode json, String rule, String entity) {
    for (JsonNode finding : json.at("/findings")) {
      if (finding.at("/rule").asText().equals(rule)
          && finding.at("/entity/id").asText().equals(entity)) {
        return finding.at("/message").asText();
      }
    }
    throw new AssertionError("no " + rule + " finding about " + entity);
  }

  private static String note(JsonNode json, String rule) {
    for (JsonNode evaluation : json.at("/rules")) {
      if (evaluation.at("/id").asText().equals(rule)) {
        return evaluation.at("/state").asText() + ": " + evaluation.at("/note").asText();
      }
    }
    throw new AssertionError("no rule " + rule);
  }

  @Test
  void anAccountShapedLikeTodaysIbmCloudGetsEveryFindingItDeservesAndNoOther() throws IOException {
    serve("");
    assertEquals(1, run(KEY, "--format", "json,csv,html"));
    JsonNode json =
        new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());

    assertEquals(TODAYS_FINDINGS, findings(json));
    assertTrue(
        Files.readString(dir.resolve("iam-audit-report/iam-audit.html"))
            .contains(
                "<dt>API keys that cannot authenticate</dt><dd>2 (1 disabled, 1 expired), not"
                    + " judged by the rules about keys in use</dd>"));
    assertEquals(
        "API key 'settlement-batch' (ApiKey-9a0e0000-0000-4000-8000-00000000000e) of service ID"
            + " 'payments-settlement' (ServiceId-5e770000-0000-4000-8000-000000000006) was created"
            + " 2025-07-12, 500 days ago; keys older than 365 days must be rotated. Fix: create a"
            + " new key, move its users to it, then delete this one with 'ibmcloud iam"
            + " service-api-key-delete ApiKey-9a0e0000-0000-4000-8000-00000000000e"
            + " ServiceId-5e770000-0000-4000-8000-000000000006', or accept it in the allowlist with"
            + " match: { id: ApiKey-9a0e0000-0000-4000-8000-00000000000e }, rules:"
            + " [apikey-too-old].",
        message(json, "apikey-too-old", "ApiKey-9a0e0000-0000-4000-8000-00000000000e"));
    assertEquals(
        "User 'grace.kim@example.com' ("
            + INVITATION_PROFILE_ID
            + ") was invited 2026-10-15, 40 days ago, and has not joined (state: PENDING);"
            + " threshold 30 days. Fix: cancel the invitation (console: Manage > Access (IAM) >"
            + " Users, the user's Actions menu > Cancel invitation), or accept it in the allowlist"
            + " with match: { id: "
            + INVITATION_PROFILE_ID
            + " }, rules: [user-invitation-stale].",
        message(json, "user-invitation-stale", INVITATION_PROFILE_ID));
    assertEquals(
        "evaluated: mfa TOTP4ALL is enforced by enterprise settings template 'enterprise-baseline'"
            + " (AccountSettingsTemplate-ba5e0000-0000-4000-8000-000000000001, version 3); the"
            + " account's own setting is NONE",
        note(json, "account-mfa-disabled"));
    assertEquals(1, json.at("/summary/apikeysCannotAuthenticate/disabled").asInt());
    assertEquals(1, json.at("/summary/apikeysCannotAuthenticate/expired").asInt());
    // Keys that cannot authenticate are left to no rule but identity-unmanaged: the demo's
    // Terraform does not declare
    // them, and a disabled key can be enabled again.
    List<String> csv = Files.readAllLines(dir.resolve("iam-audit-report/iam-audit.csv"));
    assertTrue(
        csv.contains(
            "iam-ServiceId-1e9a0000-0000-4000-8000-000000000003,legacy-export,2025-10-20T10:47:58.813Z,"
                + "apikey,ApiKey-d15a0000-0000-4000-8000-00000000000c,legacy-batch,,,IBMid-6900000ADA,2024-12-24T10:47:00Z,"
                + "false,12400,disabled,identity-unmanaged,low,violation"),
        String.join("\n", csv));
    assertTrue(
        csv.contains(
            "iam-ServiceId-de900000-0000-4000-8000-000000000002,deploy-2024,2026-08-16T10:47:58.813Z,"
                + "apikey,ApiKey-e8010000-0000-4000-8000-00000000000d,deploy-prod,,,IBMid-6900000ADA,2025-07-12T10:47:00Z,"
                + "false,9870,expired,identity-unmanaged,low,violation"),
        String.join("\n", csv));
  }

  @Test
  void
      aKeyWithoutTheRolesForTheMfaReportAndTheEffectiveSettingsStillAuditsTheRestAndSaysWhatItCouldNot()
          throws IOException {
    simulator =
        Simulator.start(
            DemoAccount.create(
                CLOCK,
                new SimulatedAccount.Login(
                    KEY, "IBMid-6900000ADA", List.of("mfa-report", "effective-settings"))),
            CLOCK);
    assertEquals(1, run(KEY, "--format", "json"));
    JsonNode json =
        new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());

    String refused =
        "IAM answered 403 to GET /v1/accounts/"
            + ACCOUNT
            + "/effective_settings/identity (forbidden You are not authorized to perform this"
            + " action.), so an enterprise settings template may enforce stricter values; grant the"
            + " API key the Administrator role on the IAM Identity Service (IBM documents no"
            + " narrower role for the effective settings)";
    assertTrue(
        err.toString().contains("Judging the account's own identity settings: " + refused),
        err.toString());
    assertEquals(
        "not-evaluated: needs the MFA enrollment report, which IAM refused with 403 to POST"
            + " /v1/mfa/accounts/"
            + ACCOUNT
            + "/report (forbidden You are not authorized to perform this action.): grant the API"
            + " key the Administrator role on the IAM Identity Service, which IBM requires to"
            + " generate and view the report",
        note(json, "user-mfa-not-enrolled"));
    String ownSettings = "judged the account's own settings, not those in force: " + refused;
    assertEquals("evaluated: " + ownSettings, note(json, "account-mfa-disabled"));
    assertEquals("evaluated: " + ownSettings, note(json, "user-mfa-exempt"));
    // Judged on the account's own settings, MFA is off, so nobody is exempt from it, and it differs
    // from the
    // Terraform's mfa too; the allowlist entry for every rule cannot be called unused while one
    // rule could not run.
    List<String> expected = new ArrayList<>(TODAYS_FINDINGS);
    expected.add(
        expected.indexOf("account-settings-drift " + ACCOUNT + " violation"),
        "account-settings-drift " + ACCOUNT + " violation");
    expected.remove("user-mfa-not-enrolled IBMid-6900000DAN violation");
    expected.remove("user-mfa-exempt IBMid-6900000BRU violation");
    expected.remove("allowlist-unused " + ACCOUNT + " violation");
    expected.add(0, "account-mfa-disabled " + ACCOUNT + " violation");
    assertEquals(expected, findings(json));
  }

  @Test
  void everyIdentityOfAGeneratedAccountIsAuditedWhateverItsServiceIdGroup() throws IOException {
    SimulatedAccount generated = SimulatedAccount.generate(300, 11, CLOCK.instant());
    simulator = Simulator.start(generated, CLOCK);
    int code = run(generated.logins().get(0).apiKey(), "--format", "json");

    JsonNode json =
        new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());
    assertEquals(1, code);
    assertEquals(2, generated.serviceIdGroups().size());
    assertEquals(300, json.at("/summary/identities").asInt());
    assertTrue(out.toString().contains("Fetched 2 service ID groups\n"), out.toString());
  }

  @Test
  void verboseOutputHoldsNoSecretEither() throws IOException {
    serve("");
    assertEquals(1, run(KEY, "--verbose", "--format", "json"));
    assertTrue(err.toString().contains("debug: "), err.toString());
    assertNoSecretIn(out.toString(), err.toString());
  }

  @Test
  void wrongKeyIsADataErrorThatNamesTheCauseButNotTheKey() throws IOException {
    serve("");
    String wrong = "wrong-key-0123456789abcdef";
    assertEquals(3, run(wrong, "--format", "json"));
    assertEquals(
        "iam-audit: IAM refused the API key: BXNIM0415E Provided API key could not be found. Check"
            + " the key in environment variable IBMCLOUD_API_KEY\n",
        err.toString());
    assertFalse(out.toString().contains(wrong) || err.toString().contains(wrong));
    assertFalse(Files.exists(dir.resolve("iam-audit-report/iam-audit.json")));
  }

  @Test
  void rateLimitsAreWaitedOutAsIbmAsks() throws IOException {
    serve("429:every=4:retry-after=7");
    assertEquals(1, run(KEY, "--format", "json"));
    assertTrue(sleeps.contains(Duration.ofSeconds(7)), sleeps.toString());
    JsonNode json =
        new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());
    assertEquals(35, json.at("/summary/violations").asInt());
  }

  @Test
  void serverErrorsThatDoNotStopAreADataErrorAndNoReport() {
    serve("500:/v1/serviceids");
    assertEquals(3, run(KEY, "--format", "json"));
    assertEquals(
        "iam-audit: IAM answered 500 to GET /v1/serviceids/ after 5 attempts; IBM Cloud may be"
            + " having problems, try again later\n",
        err.toString());
    assertFalse(Files.exists(dir.resolve("iam-audit-report/iam-audit.json")));
  }

  @Test
  void aMalformedListingIsADataError() {
    serve("malformed:/v1/apikeys");
    assertEquals(3, run(KEY, "--format", "json"));
    assertTrue(err.toString().startsWith("iam-audit: "), err.toString());
    assertTrue(err.toString().contains("/v1/apikeys"), err.toString());
    assertFalse(Files.exists(dir.resolve("iam-audit-report/iam-audit.json")));
  }

  /**
   * Neither the API key nor any JWT (IAM tokens start with "eyJ") may appear on the console or in a
   * file.
   */
  private void assertNoSecretIn(String... console) throws IOException {
    for (String text : console) {
      assertFalse(text.contains(KEY), "API key on the console");
      assertFalse(text.contains("eyJ"), "token on the console");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(content.contains(KEY), "API key in " + file);
        assertFalse(content.contains("eyJ"), "token in " + file);
      }
    }
  }
}
