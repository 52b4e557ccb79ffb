package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.iam.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void copyReport() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("report.json")) {
      Files.copy(in, dir.resolve("report.json"));
    }
  }

  private int run(Map<String, String> env, String... args) {
    Environment environment = new Environment(env, dir, CLOCK, Sleeper.REAL, false);
    return Main.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());
  }

  @Test
  void inABareRepositoryEverySarifResultPointsAtTheSarifReportItself() throws IOException {
    assertEquals(1, run("--report-file", "report.json", "--format", "json,sarif"));

    assertTrue(
        err.toString().contains(" point at iam-audit-report/iam-audit.sarif line 1. "),
        err.toString());
    JsonNode sarif =
        new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.sarif").toFile());
    assertEquals(9, sarif.at("/runs/0/results").size());
    sarif
        .at("/runs/0/results")
        .forEach(
            result -> {
              JsonNode location = result.at("/locations/0/physicalLocation");
              assertEquals(
                  "iam-audit-report/iam-audit.sarif",
                  location.at("/artifactLocation/uri").asText());
              assertEquals(1, location.at("/region/startLine").asInt());
              assertTrue(
                  Files.isRegularFile(dir.resolve(location.at("/artifactLocation/uri").asText())));
            });
    List<String> notes = new ArrayList<>();
    sarif
        .at("/runs/0/invocations/0/toolExecutionNotifications")
        .forEach(n -> notes.add(n.at("/message/text").asText()));
    assertTrue(
        notes.contains(
            "No policy or allowlist file in the repository: findings that no Terraform declaration"
                + " places point at iam-audit-report/iam-audit.sarif line 1. Add an iam-audit.yml"
                + " (an empty one keeps every default) to place them in the repository"),
        notes.toString());
    assertEquals(
        "iam-audit-report/iam-audit.sarif", json().at("/findings/0/location/file").asText());
  }

  @Test
  void anEmptyPolicyFileIsWhereFindingsPoint() throws IOException {
    write("iam-audit.yml", "");
    assertEquals(1, run("--report-file", "report.json", "--format", "json"));
    assertEquals("", err.toString());
    json()
        .at("/findings")
        .forEach(finding -> assertEquals("iam-audit.yml", finding.at("/location/file").asText()));
  }

  @Test
  void reportFileWithViolationsFailsTheGateAndWritesJson() throws IOException {
    assertEquals(1, run("--report-file", "report.json", "--format", "json"));
    assertEquals(
        "warning: No policy or allowlist file in the repository: findings that no Terraform"
            + " declaration places point at iam-audit-report/iam-audit.json line 1. Add an"
            + " iam-audit.yml (an empty one keeps every default) to place them in the repository\n",
        err.toString());
    String console = out.toString();
    assertTrue(
        console.startsWith(
            "Policy: none found at iam-audit.yml, using the defaults\n"
                + "Allowlist: none found at iam-allowlist.yml, no exceptions\n"
                + "No Terraform files under .\n"
                + "Read report.json: report 2c4b8a1e-5d3f-4e7a-9b0c-1d2e3f4a5b6c, 10 inactive"
                + " identities over 720 hours, as of 2026-11-20 06:00:00 UTC\n"),
        console);
    assertTrue(
        console.contains(
            "  apikey-inactive                                 0     2      0    0           0\n"),
        console);
    assertTrue(
        console.endsWith(
            "Gate FAILED: 9 violations (3 high, 5 medium, 1 low), 0 allowlisted, 10 rules not"
                + " evaluated; 8 at or above failOn medium. Fix them, or accept them in the"
                + " allowlist with a reason and an expiry date.\n"),
        console);
    JsonNode json = json();
    assertEquals("failed", json.at("/summary/gate").asText());
    assertEquals(9, json.at("/summary/violations").asInt());
    assertEquals("apikey-inactive", json.at("/findings/0/rule").asText());
    assertEquals(
        "ApiKey-7f3c1a2b-0000-4000-8000-000000000001", json.at("/findings/0/entity/id").asText());
    assertEquals("iam-audit-report/iam-audit.json", json.at("/findings/0/location/file").asText());
  }

  @Test
  void failOnNeverPasses() throws IOException {
    assertEquals(0, run("--report-file", "report.json", "--format", "json", "--fail-on", "never"));
    assertTrue(
        out.toString()
            .endsWith(
                "Gate passed: 9 violations (3 high, 5 medium, 1 low), 0 allowlisted, 10 rules"
                    + " not evaluated; reporting only (failOn never).\n"),
        out.toString());
    assertEquals("passed", json().at("/summary/gate").asText());
  }

  @Test
  void markdownSummaryIsAppendedToGithubsStepSummary() throws IOException {
    Path summary = dir.resolve("step-summary.md");
    Files.writeString(summary, "## Earlier step\n");
    assertEquals(
        1,
        run(
            Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
            "--report-file",
            "report.json",
            "--format",
            "json"));
    String text = Files.readString(summary);
    assertTrue(text.startsWith("## Earlier step\n\n# IAM audit of account unknown\n"), text);
    assertFalse(Files.exists(dir.resolve("iam-audit-report/iam-audit.md")));
  }

  @Test
  void aSingleViolationIsCountedInTheSingular() throws IOException {
    write(
        "one.json",
        """
        {"reference": "r-1", "report_duration": "720", "report_start_time": "2026-10-21T06:00:00:000+0000",
         "report_end_time": "2026-11-20T06:00:00:000+0000",
         "users": [{"iam_id": "IBMid-1", "username": "u@example.com", "last_authn": "2026-01-01T00:00+0000"}],
         "apikeys": [], "serviceids": [], "profiles": []}
        """);
    assertEquals(1, run("--report-file", "one.json", "--format", "json"));
    assertTrue(
        out.toString()
            .endsWith(
                "Gate FAILED: 1 violation (1 medium), 0 allowlisted, 10 rules not evaluated; 1 at"
                    + " or above failOn medium. Fix it, or accept it in the allowlist with a reason"
                    + " and an expiry date.\n"),
        out.toString());
    out.getBuffer().setLength(0);
    assertEquals(1, run("--report-file", "one.json", "--format", "json", "--quiet"));
    assertEquals(
        "Gate failed: 1 violation (1 medium), 0 allowlisted, 10 rules not evaluated; 1 at or above"
            + " failOn medium.\n",
        out.toString());
  }

  @Test
  void theSummaryReadsTimesToTheSecondWhileTheJsonKeepsThemExact() throws IOException {
    write(
        "millis.json",
        """
        {"reference": "r-1", "report_duration": "720", "report_start_time": "2026-10-21T06:00:00:648+0000",
         "report_end_time": "2026-11-20T06:00:00:648+0000",
         "users": [{"iam_id": "IBMid-1", "username": "u@example.com", "last_authn": "2026-01-01T00:00+0000"}],
         "apikeys": [], "serviceids": [], "profiles": []}
        """);
    assertEquals(1, run("--report-file", "millis.json", "--format", "json"));
    String console = out.toString();
    assertTrue(
        console.contains(
            "\nAccount unknown, activity report r-1 (720 h, ending 2026-11-20 06:00:00 UTC)\n"),
        console);
    assertTrue(console.contains("; ages as of 2026-11-20 06:00:00 UTC.\n"), console);
    assertEquals("2026-11-20T06:00:00.648Z", json().at("/report/endTime").asText());
    assertEquals("2026-11-20T06:00:00.648Z", json().get("asOf").asText());
  }

  @Test
  void quietPrintsOnlyTheVerdict() {
    assertEquals(1, run("--report-file", "report.json", "--format", "json", "--quiet"));
    assertEquals(
        "Gate failed: 9 violations (3 high, 5 medium, 1 low), 0 allowlisted, 10 rules not"
            + " evaluated; 8 at or above failOn medium.\n",
        out.toString());
  }

  @Test
  void theRunNamesThePolicyAndAllowlistItRead() throws IOException {
    write("gov/policy.yml", "preset: cis\n");
    write(
        "gov/allow.yml",
        """
        - match: { id: ApiKey-7f3c1a2b-0000-4000-8000-000000000004 }
          reason: "Disaster-recovery key, used only in quarterly drills"
          expires: 2027-01-31
        - match: { id: ApiKey-7f3c1a2b-0000-4000-8000-000000000005 }
          reason: "Break-glass key"
          expires: 2027-01-31
        """);
    assertEquals(
        1,
        run(
            "--report-file",
            "report.json",
            "--format",
            "json",
            "--policy",
            "gov/policy.yml",
            "--allowlist",
            "gov/allow.yml"));
    assertTrue(
        out.toString()
            .startsWith(
                "Policy: gov/policy.yml (preset cis, 3 rules differ from the defaults)\n"
                    + "Allowlist: gov/allow.yml (2 entries)\nNo Terraform files under .\n"),
        out.toString());
  }

  @Test
  void allowlistInTheWorkingDirectoryIsUsedByDefault() throws IOException {
    Files.writeString(
        dir.resolve("iam-allowlist.yml"),
        """
        - match: { id: ApiKey-7f3c1a2b-0000-4000-8000-000000000004 }
          rules: [apikey-inactive]
          reason: "Disaster-recovery key, used only in quarterly drills"
          expires: 2027-01-31
        """);
    assertEquals(1, run("--report-file", "report.json", "--format", "json"));
    JsonNode json = json();
    assertEquals(1, json.at("/summary/allowlisted").asInt());
    JsonNode allowlisted = json.at("/findings/1");
    assertEquals("allowlisted", allowlisted.at("/status").asText());
    assertEquals("iam-allowlist.yml:1:3", allowlisted.at("/allowlist/entry").asText());
  }

  @Test
  void badPolicyIsAUsageErrorWithItsPosition() {
    write("iam-audit.yml", "failOn: hihg\n");
    assertEquals(2, run("--report-file", "report.json", "--format", "json"));
    assertEquals(
        "iam-audit: iam-audit.yml:1:9: failOn must be one of critical, high, medium, low, never,"
            + " found 'hihg'\n",
        err.toString());
    assertFalse(Files.exists(dir.resolve("iam-audit-report/iam-audit.json")));
  }

  @Test
  void badAllowlistIsAUsageErrorWithItsPosition() {
    write("allow.yml", "- match: { id: ApiKey-1 }\n  expires: 2027-01-01\n");
    assertEquals(2, run("--report-file", "report.json", "--allowlist", "allow.yml"));
    assertEquals(
        "iam-audit: allow.yml:1:3: allowlist entry 1 has no 'reason'; add reason: \"why this"
            + " exception is accepted\"\n",
        err.toString());
  }

  @Test
  void namedFilesThatDoNotExistAreUsageErrors() {
    assertEquals(2, run("--report-file", "missing.json", "--format", "json"));
    assertEquals(
        "iam-audit: missing.json: report file not found; check the path of the report file to"
            + " audit\n",
        err.toString());
  }

  @Test
  void aDirectoryForAReportFileIsAUsageError() throws IOException {
    Files.createDirectory(dir.resolve("reports"));
    assertEquals(2, run("--report-file", "reports", "--format", "json"));
    assertEquals(
        "iam-audit: reports: is a directory; name the report file to audit inside it\n",
        err.toString());
  }

  @Test
  void aPolicyThatLeavesNothingToJudgeIsAUsageError() {
    write(
        "iam-audit.yml",
        """
        rules:
          apikey-inactive: { enabled: false }
          apikey-never-used: { enabled: false }
          user-multiple-apikeys: { enabled: false }
          user-inactive: { enabled: false }
          serviceid-inactive: { enabled: false }
          profile-inactive: { enabled: false }
          account-apikey-creation-unrestricted: { enabled: false }
          account-serviceid-creation-unrestricted: { enabled: false }
        """);
    assertEquals(2, run("--report-file", "report.json", "--format", "json"));
    assertEquals(
        "iam-audit: Nothing was audited: no rule could be evaluated; disabled in iam-audit.yml:"
            + " apikey-inactive, apikey-never-used, apikey-high-usage, user-multiple-apikeys,"
            + " user-inactive, serviceid-inactive, profile-inactive,"
            + " account-apikey-creation-unrestricted, account-serviceid-creation-unrestricted,"
            + " apikey-no-expiry, account-ip-allowlist-unset, account-settings-drift,"
            + " identity-unmanaged; not evaluated: apikey-too-old (needs the API key listing, which"
            + " a saved activity report does not hold); apikey-orphaned (needs the API key listing,"
            + " which a saved activity report does not hold); apikey-leak-action-none (needs the"
            + " API key listing, which a saved activity report does not hold); account-mfa-disabled"
            + " (needs the account identity settings, which a saved activity report does not hold);"
            + " user-mfa-exempt (needs the account identity settings, which a saved activity report"
            + " does not hold); user-mfa-not-enrolled (needs the MFA enrollment report, which a"
            + " saved activity report does not hold); user-invitation-stale (needs the user"
            + " listing, which a saved activity report does not hold); account-user-list-visible"
            + " (needs the account identity settings, which a saved activity report does not hold)."
            + " Enable a rule in the policy, or audit the live account, which has the data every"
            + " rule needs\n",
        err.toString());
    assertFalse(Files.exists(dir.resolve("iam-audit-report/iam-audit.json")));
  }

  @Test
  void aPolicyThatDisablesEveryRuleIsAUsageError() {
    StringBuilder policy = new StringBuilder("rules:\n");
    for (String rule :
        List.of(
            "apikey-inactive",
            "apikey-never-used",
            "apikey-too-old",
            "apikey-orphaned",
            "apikey-leak-action-none",
            "user-multiple-apikeys",
            "user-inactive",
            "serviceid-inactive",
            "profile-inactive",
            "account-apikey-creation-unrestricted",
            "account-serviceid-creation-unrestricted",
            "account-mfa-disabled",
            "user-mfa-exempt",
            "user-mfa-not-enrolled",
            "user-invitation-stale",
            "account-user-list-visible")) {
      policy.append("  ").append(rule).append(": { enabled: false }\n");
    }
    write("iam-audit.yml", policy.toString());
    assertEquals(2, run("--report-file", "report.json", "--format", "json"));
    assertEquals(
        "iam-audit: Nothing was audited: no rule could be evaluated; disabled in iam-audit.yml:"
            + " apikey-inactive, apikey-never-used, apikey-too-old, apikey-orphaned,"
            + " apikey-leak-action-none, apikey-high-usage, user-multiple-apikeys, user-inactive,"
            + " serviceid-inactive, profile-inactive, account-apikey-creation-unrestricted,"
            + " account-serviceid-creation-unrestricted, account-mfa-disabled, apikey-no-expiry,"
            + " user-mfa-exempt, user-mfa-not-enrolled, user-invitation-stale,"
            + " account-user-list-visible, account-ip-allowlist-unset, account-settings-drift,"
            + " identity-unmanaged. Enable at least one rule in the policy\n",
        err.toString());
  }

  @Test
  void truncatedReportIsADataError() throws IOException {
    String whole = Files.readString(dir.resolve("report.json"));
    write("cut.json", whole.substring(0, whole.length() / 2));
    assertEquals(3, run("--report-file", "cut.json", "--format", "json"));
    assertTrue(
        err.toString().startsWith("iam-audit: cut.json is not a valid activity report at line "),
        err.toString());
    assertTrue(
        err.toString()
            .contains(
                ": the report ends early (truncated?). Fetch the report again or check that "
                    + "the file is complete.\n"),
        err.toString());
  }

  @Test
  void aPresetSetsTheThresholdsAndFindingsPointAtIt() throws IOException {
    write("iam-audit.yml", "failOn: high\npreset: cis\n");
    assertEquals(1, run("--report-file", "report.json", "--format", "json"));
    JsonNode inactive = null;
    for (JsonNode rule : json().get("rules")) {
      if (rule.get("id").asText().equals("apikey-inactive")) {
        inactive = rule;
      }
    }
    assertEquals(180, inactive.at("/params/maxDays").asInt());
    assertEquals("1.2", inactive.at("/compliance/0/id").asText());
    int pointed = 0;
    for (JsonNode finding : json().get("findings")) {
      if (finding.get("rule").asText().equals("apikey-inactive")) {
        assertEquals("iam-audit.yml", finding.at("/location/file").asText());
        assertEquals(2, finding.at("/location/line").asInt());
        pointed++;
      }
    }
    assertEquals(2, pointed);
  }

  @Test
  void reportLongerThanTheShortestThresholdIsRefused() {
    write("iam-audit.yml", "rules:\n  apikey-inactive: { maxDays: 14 }\n");
    assertEquals(3, run("--report-file", "report.json", "--format", "json"));
    assertEquals(
        "iam-audit: report.json covers 720 hours of inactivity, longer than the shortest inactivity"
            + " threshold (336 hours = 14 days), so it cannot show identities idle for between 14"
            + " and 30 days. Use a report with a duration of at most 336 hours, or raise the"
            + " threshold.\n",
        err.toString());
  }

  @Test
  void liveWithoutAKeyNamesTheVariable() {
    assertEquals(2, run(Map.of("OTHER", "x"), "--api-key-env", "MY_KEY"));
    assertEquals(
        "iam-audit: No API key: set the environment variable MY_KEY to an IBM Cloud API key with"
            + " Service Configuration Reader on IAM Identity, or try the built-in demo account"
            + " (--demo)\n",
        err.toString());
  }

  @Test
  void failOnIsReadInAnyCase() throws IOException {
    assertEquals(
        0, run("--fail-on", "CRITICAL", "--report-file", "report.json", "--format", "json"));
    JsonNode summary = json().get("summary");
    assertEquals("critical", summary.get("failOn").asText());
    assertEquals("passed", summary.get("gate").asText());
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, run("--fail-on", "severe", "--report-file", "report.json"));
    assertEquals(
        "iam-audit: --fail-on must be one of critical, high, medium, low, never, not 'severe'\n",
        err.toString());
  }

  @Test
  void badDurationIsAUsageError() {
    assertEquals(2, run("--report-timeout", "soon", "--report-file", "report.json"));
    assertEquals(
        "iam-audit: --report-timeout must be a positive duration such as 90s, 10m or 1h, not"
            + " 'soon'\n",
        err.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("--frobnicate"));
    assertEquals(
        "iam-audit: unknown option --frobnicate\nRun 'java -jar iam-audit.jar --help' for the "
            + "options.\n",
        err.toString());
  }

  @Test
  void aMistypedOptionIsAnsweredWithTheOneMeant() {
    assertEquals(2, run("--repor-file", "report.json"));
    assertEquals(
        "iam-audit: unknown option --repor-file, and 1 value, not shown in case it is a secret\n"
            + "Did you mean --report-file?\n"
            + "Run 'java -jar iam-audit.jar --help' for the options.\n",
        err.toString());
  }

  @Test
  void demoAndReportFileExcludeEachOther() {
    assertEquals(2, run("--demo", "--report-file", "report.json"));
    assertEquals(
        "iam-audit: --demo and --report-file exclude each other; choose one\n", err.toString());
  }

  @Test
  void aSavedReportCannotBeChosenOrSavedAgain() {
    assertEquals(2, run("--report-file", "report.json", "--report", "latest"));
    assertEquals(
        "iam-audit: --report picks a report to fetch and --report-file audits a saved one; choose"
            + " one\n",
        err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("--report-file", "report.json", "--save-report", "copy.json"));
    assertEquals(
        "iam-audit: --save-report keeps a fetched report, and --report-file fetches none; drop "
            + "--save-report\n",
        err.toString());
    assertFalse(Files.exists(dir.resolve("copy.json")));
  }

  @Test
  void helpListsTheExitCodes() {
    assertEquals(0, run("--help"));
    assertTrue(
        out.toString()
            .contains(
                "Exit codes:\n  0   the gate passed\n  1   the gate failed (violations at or "
                    + "above failOn)\n"),
        out.toString());
  }

  @Test
  void versionComesFromTheBuild() {
    assertEquals(0, run("--version"));
    assertTrue(
        out.toString().matches("iam-audit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), out.toString());
  }

  private void write(String name, String content) {
    try {
      Files.createDirectories(dir.resolve(name).getParent());
      Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aReportWithoutItsIdentityListsIsNotAPass() throws IOException {
    write(
        "bare.json",
        "{\"reference\":\"x\",\"report_duration\":\"720\",\"report_end_time\":\"2026-11-20T00:00:00Z\"}");
    assertEquals(3, run("--report-file", "bare.json"));
    assertEquals(
        "Policy: none found at iam-audit.yml, using the defaults\nAllowlist: none found at"
            + " iam-allowlist.yml, no exceptions\nNo Terraform files under .\n",
        out.toString());
    assertEquals(
        "iam-audit: bare.json is not a valid activity report at line 1, column 83: the required"
            + " field 'report_start_time' is missing. Fetch the report again or check that the file"
            + " is complete.\n",
        err.toString());
    assertFalse(Files.exists(dir.resolve("iam-audit-report")));
  }

  /** What the first lines of the OOM message say, whatever this JVM's heap. */
  private static final java.util.regex.Pattern OUT_OF_MEMORY =
      java.util.regex.Pattern.compile(
          "iam-audit: out of memory: the Java heap is limited to \\d+ MiB\\. Give it more, e\\.g\\."
              + " java -Xmx\\d+[mg] -jar iam-audit\\.jar \\(or JAVA_OPTS=-Xmx\\d+[mg] where your CI"
              + " passes JAVA_OPTS to java\\)\n");

  @Test
  void runningOutOfMemoryExitsThreeNamingTheHeapNotOne() {
    Clock exhausted =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            throw new OutOfMemoryError("Java heap space");
          }
        };
    Environment environment = new Environment(Map.of(), dir, exhausted, Sleeper.REAL, false);
    int code =
        Main.run(
            environment,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "--report-file",
            "report.json");
    assertEquals(3, code);
    assertTrue(OUT_OF_MEMORY.matcher(err.toString()).matches(), err.toString());
  }

  @Test
  void runningOutOfMemoryOnAWorkerThreadExitsThreeToo() {
    List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    Sleeper exhausted =
        duration -> {
          threads.add(Thread.currentThread().getName());
          throw new OutOfMemoryError("Java heap space");
        };
    Environment environment = new Environment(Map.of(), dir, CLOCK, exhausted, false);
    int code =
        Main.run(
            environment,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "--demo",
            "--quiet");
    assertEquals(3, code);
    assertTrue(OUT_OF_MEMORY.matcher(err.toString()).matches(), err.toString());
    // The activity and the MFA report are polled on fetch threads of their own; either may be the
    // first to fail.
    assertFalse(threads.isEmpty());
    assertEquals(Set.of("iam-audit-fetch"), Set.copyOf(threads));
  }

  @Test
  void theHeapAdviceDoublesTheLimit() {
    assertEquals(
        "iam-audit: out of memory: the Java heap is limited to 256 MiB. Give it more, e.g. java"
            + " -Xmx512m -jar iam-audit.jar (or JAVA_OPTS=-Xmx512m where your CI passes JAVA_OPTS"
            + " to java)",
        Main.outOfMemory(256L << 20, Environment.JAR));
    assertEquals(
        "iam-audit: out of memory: the Java heap is limited to 1024 MiB. Give it more, e.g. java"
            + " -Xmx2g -jar iam-audit.jar (or JAVA_OPTS=-Xmx2g where your CI passes JAVA_OPTS to"
            + " java)",
        Main.outOfMemory(1L << 30, Environment.JAR));
    assertEquals(
        "iam-audit: out of memory, with no limit set on the Java heap. Give it more memory, or"
            + " audit with fewer report formats",
        Main.outOfMemory(Long.MAX_VALUE, Environment.JAR));
  }

  @Test
  void overflowingNumbersEndWithTheirCauseNotAnUnexpectedError() throws IOException {
    assertEquals(2, run("--demo", "--report-timeout", "2562047788015216h"));
    assertEquals(
        "iam-audit: --report-timeout must be at most 24h (IBM keeps a report for a day), not "
            + "'2562047788015216h'\n",
        err.toString());
    err.getBuffer().setLength(0);
    write(
        "negative.json",
        Files.readString(dir.resolve("report.json"))
            .replace("\"report_duration\": \"720\"", "\"report_duration\": \"-1\""));
    assertEquals(3, run("--report-file", "negative.json"));
    assertTrue(
        err.toString()
            .startsWith(
                "iam-audit: negative.json is not a valid activity report at line 4, column 22:"
                    + " 'report_duration' is -1 hours; a report covers from 0 to 1000000 hours."),
        err.toString());
  }

  /** Shaped like an IBM Cloud API key: 44 characters of letters, digits, - and _. */
  private static final String KEY = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0uVwX";

  private static final String HELP = "Run 'java -jar iam-audit.jar --help' for the options.\n";

  private String refused(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertEquals(2, run(args));
    assertFalse(out.toString().contains(KEY) || err.toString().contains(KEY), err.toString());
    assertEquals("", out.toString());
    return err.toString();
  }

  @Test
  void aKeyGivenWhereAVariableNameBelongsIsNotEchoed() {
    String answer =
        "iam-audit: --api-key-env takes the name of an environment variable, in upper case (A-Z,"
            + " 0-9, _), such as IBMCLOUD_API_KEY; the value given is not one, and is not shown in"
            + " case it is the key itself\n";
    assertEquals(answer, refused("--api-key-env", KEY));
    assertEquals(answer, refused("--api-key-env=" + KEY));
    assertEquals(answer, refused("--api-key-env", KEY.replace('-', '_')));
  }

  @Test
  void anApiKeyOptionIsAnsweredWithWhereKeysComeFrom() {
    String answer =
        "iam-audit: there is no %s option: the API key is read only from the environment, from"
            + " IBMCLOUD_API_KEY or the variable --api-key-env NAME names, so that it never shows"
            + " in process lists or logs\n"
            + HELP;
    assertEquals(answer.formatted("--api-key"), refused("--api-key", KEY));
    assertEquals(answer.formatted("--apikey"), refused("--apikey=" + KEY));
    assertEquals(
        answer.formatted("--api-key"), refused("--report-file", "report.json", "--api-key=" + KEY));
    assertEquals(answer.formatted("--ibmcloud-api-key"), refused("--ibmcloud-api-key", KEY));
  }

  @Test
  void noOtherArgumentIsEchoedEither() {
    assertEquals(
        "iam-audit: unexpected argument, not shown in case it is a secret; iam-audit takes options"
            + " only, such as --report-file FILE\n"
            + HELP,
        refused(KEY));
    assertEquals(
        "iam-audit: unknown option --api-kye-env, and 1 value, not shown in case it is a secret\n"
            + "Did you mean --api-key-env?\n"
            + HELP,
        refused("--api-kye-env", KEY));
    assertEquals(
        "iam-audit: unknown option --frobnicate, and 2 values, not shown in case one is a secret\n"
            + HELP,
        refused("--frobnicate", KEY, KEY));
    assertEquals(
        "iam-audit: invalid value for --iam-url (URL), not shown in case it is a secret\n" + HELP,
        refused("--iam-url", "https://iam/" + KEY + " x"));
    assertEquals(
        "iam-audit: invalid value for --port (N), not shown in case it is a secret\n"
            + "Run 'java -jar iam-audit.jar simulator --help' for the options.\n",
        refused("simulator", "--port", KEY));
  }

  @Test
  void argumentFilesAreNotExpanded() throws IOException {
    Files.writeString(dir.resolve("args.txt"), KEY + "\n");
    assertEquals(
        "iam-audit: unexpected argument, not shown in case it is a secret; iam-audit takes options"
            + " only, such as --report-file FILE\n"
            + HELP,
        refused("@" + dir.resolve("args.txt")));
  }

  /**
   * Characters a log or terminal acts on: line breaks, escapes, bells, C1 controls, bidi overrides.
   */
  static boolean actsOnTerminal(int c) {
    return (c < 0x20 && c != '\t')
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x2028
        || c == 0x2029
        || c == 0x061c
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  static void assertNoControls(String output) {
    for (String line : output.split("\n", -1)) {
      assertTrue(line.chars().noneMatch(AuditCommandTest::actsOnTerminal), line);
    }
  }

  @Test
  void identityNamesCannotForgeLinesOrDriveTheTerminal() throws IOException {
    String name =
        "ci\\n::error title=forged::Gate passed\\r\\u001b[2J\\u0007\\u009b31m\\u2028\\u202e";
    write(
        "hostile.json",
        Files.readString(dir.resolve("report.json"))
            .replace("\"ci-deployer\"", "\"" + name + "\"")
            .replace("\"old-etl\"", "\"etl\\n\\u001b]8;;https://evil.example\\u0007x\""));
    assertEquals(1, run("--report-file", "hostile.json", "--format", "json"));
    String console = out.toString();
    assertNoControls(console);
    assertNoControls(err.toString());
    assertTrue(
        console.contains(
            "  HIGH apikey-inactive: API key 'ci\\n"
                + "::error title=forged::Gate passed\\r"
                + "\\u001B[2J\\u0007\\u009B31m\\u2028\\u202E'"
                + " (ApiKey-7f3c1a2b-0000-4000-8000-000000000001) of service ID 'deployer'"),
        console);
    assertTrue(
        console.contains("Service ID 'etl\\n\\u001B]8;;https://evil.example\\u0007x'"), console);
    assertFalse(console.contains("\n::error"), console);
    assertEquals(
        "ci\n::error title=forged::Gate passed\r\u001b[2J\u0007\u009b31m\u2028\u202e",
        json().at("/findings").findValues("name").stream()
            .map(JsonNode::asText)
            .filter(n -> n.startsWith("ci"))
            .findFirst()
            .orElseThrow());
  }

  @Test
  void verboseStackTracesAreEscapedToo() throws IOException {
    write(
        "hostile.json",
        Files.readString(dir.resolve("report.json"))
            .replace("\"report_duration\": \"720\"", "\"report_duration\": \"72\\n::error::x\""));
    assertEquals(3, run("--report-file", "hostile.json", "--verbose"));
    assertNoControls(err.toString());
    assertTrue(
        err.toString().contains("'report_duration' is not a number of hours: \"72\\n::error::x\""),
        err.toString());
  }

  @Test
  void theOutputDirectoryHoldsOnlyTheLastRunsReports() throws IOException {
    Path reports = dir.resolve("iam-audit-report");
    assertEquals(1, run("--report-file", "report.json", "--format", "all", "--quiet"));
    Files.writeString(reports.resolve("notes.md"), "mine");
    assertEquals(1, run("--report-file", "report.json", "--format", "json", "--quiet"));
    try (java.util.stream.Stream<Path> files = Files.list(reports)) {
      assertEquals(
          List.of("iam-audit.json", "notes.md"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
    assertEquals(2, run("--report-file", "missing.json", "--quiet"));
    try (java.util.stream.Stream<Path> files = Files.list(reports)) {
      assertEquals(List.of("notes.md"), files.map(file -> file.getFileName().toString()).toList());
    }
  }
}
