package dev.iamaudit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.AuditRequest;
import dev.iamaudit.SourceChoice;
import dev.iamaudit.iam.IamSettings;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.simulator.DemoAccount;
import dev.iamaudit.simulator.Simulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

class AuditMojoTest {
  private static final String NL = System.lineSeparator();
  private static final String STALE_KEY =
      "API key 'ci-deployer' (ApiKey-1) of service ID 'ci' (ServiceId-1) last authenticated"
          + " 2025-10-15, 108 days ago; threshold 90 days. Fix: delete it with 'ibmcloud iam"
          + " service-api-key-delete ApiKey-1 ServiceId-1', or accept it in the allowlist with"
          + " match: { id: ApiKey-1 }, rules: [apikey-inactive].";
  private static final String STALE_SERVICE_ID =
      "Service ID 'legacy-batch' (ServiceId-2) last authenticated 2025-08-01, 183 days ago;"
          + " threshold 90 days. Fix: lock it with 'ibmcloud iam service-id-lock ServiceId-2', then"
          + " delete it with 'ibmcloud iam service-id-delete ServiceId-2', or accept it in the"
          + " allowlist with match: { id: ServiceId-2 }, rules: [serviceid-inactive].";
  private static final SettingsDecrypter NO_DECRYPTION =
      request -> {
        throw new AssertionError("nothing to decrypt");
      };

  @TempDir Path dir;

  private final Map<String, String> environment = new HashMap<>();
  private final RecordingLog log = new RecordingLog();

  /** The goal as Maven configures it inside a project, with the annotated defaults. */
  private AuditMojo mojo(SettingsDecrypter decrypter) {
    AuditMojo mojo = new AuditMojo(decrypter);
    mojo.basedir = dir.toFile();
    mojo.buildDirectory = dir.resolve("target").toFile();
    mojo.projectFile = dir.resolve("pom.xml").toFile();
    mojo.report = "new";
    mojo.apiKeyEnv = "IBMCLOUD_API_KEY";
    mojo.serverId = "ibmcloud";
    mojo.settings = new Settings();
    mojo.environment = environment::get;
    mojo.setLog(log);
    return mojo;
  }

  @Test
  void mapsEveryParameterToTheRequest() throws Exception {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    environment.put("IBMCLOUD_API_KEY", "env-key-0123");
    mojo.report = "latest";
    mojo.accountId = "a1b2c3";
    mojo.iamUrl = URI.create("http://127.0.0.1:8080");
    mojo.userManagementUrl = URI.create("http://127.0.0.1:8081");
    mojo.policy = dir.resolve("gov/policy.yml").toFile();
    mojo.allowlist = dir.resolve("gov/allow.yml").toFile();
    mojo.outputDirectory = dir.resolve("out").toFile();
    mojo.formats = "json, sarif";
    mojo.failOn = "high";
    mojo.saveReport = dir.resolve("raw.json").toFile();
    mojo.reportTimeout = "90s";
    environment.put("GITHUB_STEP_SUMMARY", "/tmp/summary.md");

    AuditRequest request = mojo.toRequest();

    IamSettings live = live(request);
    assertEquals("latest", live.report());
    assertEquals("a1b2c3", request.accountId());
    assertEquals("environment variable IBMCLOUD_API_KEY", live.apiKeyOrigin());
    assertEquals(URI.create("http://127.0.0.1:8080"), live.iamUrl());
    assertEquals(URI.create("http://127.0.0.1:8081"), live.userManagementUrl());
    assertEquals(dir.resolve("gov/policy.yml"), request.policyFile());
    assertEquals(dir.resolve("gov/allow.yml"), request.allowlistFile());
    assertEquals(dir.resolve("out"), request.outputDirectory());
    assertEquals(List.of("json, sarif"), request.formats());
    assertEquals(FailOn.of(Severity.HIGH), request.failOn());
    assertEquals(dir, request.baseDir());
    assertEquals(Path.of("/tmp/summary.md"), request.stepSummary());
    assertEquals(dir.resolve("raw.json"), live.saveReport());
    assertEquals(java.time.Duration.ofSeconds(90), live.reportTimeout());
    assertEquals(PropertyNames.INSTANCE, live.options());
    assertEquals(PropertyNames.INSTANCE, request.options());
  }

  @Test
  void mapsTheReportFileToAnOfflineRequest() throws Exception {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.reportFile = dir.resolve("saved.json").toFile();

    AuditRequest request = mojo.toRequest();

    assertEquals(new SourceChoice.ReportFile(dir.resolve("saved.json")), request.source());
  }

  @Test
  void badReportTimeoutNamesTheProperty() {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.reportTimeout = "soon";
    assertEquals(
        "iam.reportTimeout must be a positive duration such as 90s, 10m or 1h, not 'soon'",
        assertThrows(MojoExecutionException.class, mojo::toRequest).getMessage());
  }

  @Test
  void leavesTheDefaultsToTheCore() throws Exception {
    environment.put("IBMCLOUD_API_KEY", "env-key-0123");
    AuditRequest request = mojo(NO_DECRYPTION).toRequest();

    IamSettings live = live(request);
    assertEquals("new", live.report());
    assertNull(request.accountId());
    assertEquals(AuditRequest.DEFAULT_IAM_URL, live.iamUrl());
    assertEquals(AuditRequest.DEFAULT_USER_MANAGEMENT_URL, live.userManagementUrl());
    assertNull(request.policyFile());
    assertNull(request.allowlistFile());
    assertEquals(dir.resolve("target/iam-audit"), request.outputDirectory());
    assertEquals(List.of("sarif", "junit", "json"), request.formats());
    assertNull(request.failOn());
    assertNull(request.stepSummary());
    assertEquals(AuditRequest.DEFAULT_REPORT_TIMEOUT, live.reportTimeout());
    assertNull(live.saveReport());
    assertNull(request.terraformDir());
    assertFalse(request.terraformOff());
    assertNull(request.terraformState());
    assertEquals(dir.resolve("target"), request.buildDirectory());
    assertEquals(dir.resolve("pom.xml"), request.projectFile());
  }

  @Test
  void mapsTheTerraformDirectoryAndStateRelativeToTheBaseDirectory() throws Exception {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.demo = true;
    mojo.terraform = "infra/iam";
    mojo.terraformState = dir.resolve("state.json").toFile();

    AuditRequest request = mojo.toRequest();

    assertEquals(dir.resolve("infra/iam"), request.terraformDir());
    assertEquals(dir.resolve("state.json"), request.terraformState());
  }

  @Test
  void terraformNoneTurnsItOffAndRefusesAState() throws Exception {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.demo = true;
    mojo.terraform = "none";
    assertTrue(mojo.toRequest().terraformOff());

    mojo.terraformState = dir.resolve("state.json").toFile();
    assertEquals(
        "-Diam.terraform=none turns Terraform off, and iam.terraformState needs it; drop one",
        assertThrows(MojoExecutionException.class, mojo::toRequest).getMessage());
  }

  @Test
  void withoutAPolicyFindingsPointAtThePomAndTheBuildDirectoryIsNotScanned() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(dir.resolve("target/copied"));
    Files.writeString(
        dir.resolve("target/copied/main.tf"),
        "resource \"ibm_iam_service_id\" \"s\" {\n" + "  name = \"legacy-batch\"\n}\n");
    AuditMojo mojo =
        reportFileMojo(REPORT.formatted(key(1, "ci-deployer", "2025-10-15T02:33:15:564+0000")));
    mojo.failOn = "never";

    mojo.execute();

    assertEquals(
        List.of(
            "[INFO] Policy: none found at iam-audit.yml, using the defaults",
            "[INFO] Allowlist: none found at iam-allowlist.yml, no exceptions",
            "[INFO] No Terraform files under ."),
        log.lines.subList(0, 3));
    assertTrue(
        log.lines.contains(
            "[WARNING] No policy or allowlist file in the repository: findings that no Terraform"
                + " declaration places point at pom.xml line 1. Add an iam-audit.yml (an empty one"
                + " keeps every default) to place them in the repository"),
        log.lines.toString());
    JsonNode json =
        new ObjectMapper().readTree(dir.resolve("target/iam-audit/iam-audit.json").toFile());
    json.at("/findings")
        .forEach(finding -> assertEquals("pom.xml", finding.at("/location/file").asText()));
  }

  @Test
  void withoutAProjectWorksInTheCurrentDirectory() throws Exception {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.basedir = null;
    mojo.demo = true;

    AuditRequest request = mojo.toRequest();

    Path current = Path.of("").toAbsolutePath();
    assertEquals(
        new SourceChoice.Demo("new", AuditRequest.DEFAULT_REPORT_TIMEOUT, null), request.source());
    assertEquals(current, request.baseDir());
    assertEquals(current.resolve("target/iam-audit"), request.outputDirectory());
  }

  @Test
  void takesTheApiKeyFromTheEnvironmentFirst() throws Exception {
    environment.put("IBMCLOUD_API_KEY", " env-key-0123 ");
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.settings.addServer(server("ibmcloud", "settings-key"));

    AuditRequest request = mojo.toRequest();

    assertEquals("env-key-0123", live(request).apiKey().reveal());
    assertEquals("environment variable IBMCLOUD_API_KEY", live(request).apiKeyOrigin());
    assertFalse(request.toString().contains("env-key-0123"));
  }

  @Test
  void takesTheApiKeyFromTheNamedVariable() throws Exception {
    environment.put("IBMCLOUD_API_KEY", "not-this-one");
    environment.put("PROD_IAM_KEY", "prod-key");
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.apiKeyEnv = "PROD_IAM_KEY";

    AuditRequest request = mojo.toRequest();

    assertEquals("prod-key", live(request).apiKey().reveal());
    assertEquals("environment variable PROD_IAM_KEY", live(request).apiKeyOrigin());
  }

  @Test
  void decryptsTheSettingsServerPasswordWhenTheVariableIsEmpty() throws Exception {
    DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    Path security = dir.resolve("settings-security.xml");
    Files.writeString(
        security,
        "<settingsSecurity><master>"
            + cipher.encryptAndDecorate(
                "master-password", DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION)
            + "</master></settingsSecurity>");
    environment.put("IBMCLOUD_API_KEY", "");
    AuditMojo mojo = mojo(decrypter(security));
    mojo.settings.addServer(
        server("ibmcloud", cipher.encryptAndDecorate("settings-key-0123", "master-password")));

    AuditRequest request = mojo.toRequest();

    assertEquals("settings-key-0123", live(request).apiKey().reveal());
    assertEquals("password of server 'ibmcloud' in settings.xml", live(request).apiKeyOrigin());
  }

  @Test
  void takesAPlainSettingsPasswordFromTheNamedServer() throws Exception {
    AuditMojo mojo = mojo(decrypter(dir.resolve("no-settings-security.xml")));
    mojo.serverId = "ibmcloud-prod";
    mojo.settings.addServer(server("ibmcloud", "not-this-one"));
    mojo.settings.addServer(server("ibmcloud-prod", "plain-key"));

    AuditRequest request = mojo.toRequest();

    assertEquals("plain-key", live(request).apiKey().reveal());
    assertEquals(
        "password of server 'ibmcloud-prod' in settings.xml", live(request).apiKeyOrigin());
  }

  @Test
  void saysWhereItLookedWhenThereIsNoKey() {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.settings.addServer(server("nexus", "repository-password"));

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::toRequest);

    assertEquals(
        "No API key: set the environment variable IBMCLOUD_API_KEY (or the password of server"
            + " 'ibmcloud' in settings.xml) to an IBM Cloud API key with Service Configuration"
            + " Reader on IAM Identity, or try the built-in demo account (-Diam.demo)",
        e.getMessage());
  }

  @Test
  void anUndecryptablePasswordIsAnExecutionError() {
    AuditMojo mojo = mojo(decrypter(dir.resolve("missing-settings-security.xml")));
    mojo.settings.addServer(server("ibmcloud", "{bm90IGVuY3J5cHRlZCB3aXRoIGEga25vd24gbWFzdGVy}"));

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::toRequest);

    assertEquals(
        "Could not decrypt the password of server 'ibmcloud' in settings.xml: "
            + dir.resolve("missing-settings-security.xml")
            + " (No such file or directory); check the master password"
            + " in settings-security.xml (mvn --encrypt-master-password)",
        e.getMessage());
  }

  @Test
  void readsFailOnInAnyCase() throws Exception {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.reportFile = dir.resolve("saved.json").toFile();
    mojo.failOn = " High ";

    assertEquals(FailOn.of(Severity.HIGH), mojo.toRequest().failOn());
  }

  @Test
  void refusesAnUnknownFailOn() {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.failOn = "severe";

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::toRequest);

    assertEquals(
        "iam.failOn must be one of critical, high, medium, low, never, not 'severe'",
        e.getMessage());
  }

  @Test
  void refusesDemoTogetherWithAReportFile() {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.demo = true;
    mojo.reportFile = dir.resolve("saved.json").toFile();

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::toRequest);

    assertEquals("iam.demo and iam.reportFile exclude each other; choose one", e.getMessage());
  }

  @Test
  void refusesChoosingOrSavingAReportWithAReportFile() {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.reportFile = dir.resolve("saved.json").toFile();
    mojo.report = "latest";
    assertEquals(
        "iam.report picks a report to fetch and iam.reportFile audits a saved one; choose one",
        assertThrows(MojoExecutionException.class, mojo::toRequest).getMessage());

    mojo.report = "new";
    mojo.saveReport = dir.resolve("copy.json").toFile();
    assertEquals(
        "iam.saveReport keeps a fetched report, and iam.reportFile fetches none; drop"
            + " iam.saveReport",
        assertThrows(MojoExecutionException.class, mojo::toRequest).getMessage());
  }

  @Test
  void skipReadsAndWritesNothing() throws Exception {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.skip = true;
    mojo.reportFile = dir.resolve("missing.json").toFile();
    mojo.failOn = "severe";

    mojo.execute();

    assertEquals(List.of("[INFO] Skipping the IAM audit (iam.skip)"), log.lines);
    assertFalse(Files.exists(dir.resolve("target")));
  }

  @Test
  void aFailedGateListsTheBlockingViolationsAfterWritingTheReports() throws Exception {
    AuditMojo mojo =
        reportFileMojo(REPORT.formatted(key(1, "ci-deployer", "2025-10-15T02:33:15:564+0000")));
    mojo.failOn = "medium";

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals(
        String.join(
            NL,
            "IAM audit failed: 2 violations (1 high, 1 medium), 0 allowlisted, 10 rules not"
                + " evaluated; 2 at or above failOn medium:",
            "  [high] apikey-inactive: " + STALE_KEY,
            "  [medium] serviceid-inactive: " + STALE_SERVICE_ID,
            "Reports: " + dir.resolve("target/iam-audit")),
        e.getMessage());
    assertTrue(Files.isRegularFile(dir.resolve("target/iam-audit/iam-audit.json")));
  }

  @Test
  void aLongFailureListsTwentyViolations() throws Exception {
    String keys =
        IntStream.rangeClosed(1, 23)
            .mapToObj(i -> key(i, "key-" + i, "2025-10-15T02:33:15:564+0000"))
            .collect(Collectors.joining(","));
    AuditMojo mojo = reportFileMojo(REPORT.formatted(keys));
    mojo.failOn = "high";

    List<String> lines =
        assertThrows(MojoFailureException.class, mojo::execute).getMessage().lines().toList();

    assertEquals(23, lines.size());
    assertEquals(
        "IAM audit failed: 24 violations (23 high, 1 medium), 0 allowlisted, 10 rules not"
            + " evaluated; 23 at or above failOn high:",
        lines.get(0));
    assertEquals("  ... and 3 more", lines.get(21));
    assertEquals("Reports: " + dir.resolve("target/iam-audit"), lines.get(22));
  }

  @Test
  void aPassedGateShowsTheViolationsBelowFailOn() throws Exception {
    AuditMojo mojo =
        reportFileMojo(REPORT.formatted(key(1, "ci-deployer", "2025-10-15T02:33:15:564+0000")));
    mojo.failOn = "never";

    mojo.execute();

    assertEquals(
        List.of(
            "[INFO] Policy: none found at iam-audit.yml, using the defaults",
            "[INFO] Allowlist: none found at iam-allowlist.yml, no exceptions",
            "[INFO] No Terraform files under .",
            "[INFO] Read activity-report.json: report ref-1, 2 inactive identities over 720 hours,"
                + " as of 2026-01-31 12:00:00 UTC"),
        log.lines.subList(0, 4));
    assertEquals(
        List.of(
            "[WARNING]   [high] apikey-inactive: " + STALE_KEY,
            "[WARNING]   [medium] serviceid-inactive: " + STALE_SERVICE_ID,
            "[INFO] IAM audit passed: 2 violations (1 high, 1 medium), 0 allowlisted, 10 rules not"
                + " evaluated; reporting only (failOn never). Reports: "
                + dir.resolve("target/iam-audit")),
        log.lines.subList(log.lines.size() - 3, log.lines.size()));
  }

  @Test
  void aMissingLatestReportIsAskedForWithMavensProperty() {
    java.time.Clock clock =
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-11-24T12:00:00Z"), java.time.ZoneOffset.UTC);
    try (Simulator simulator = Simulator.start(DemoAccount.create(clock), clock)) {
      environment.put("IBMCLOUD_API_KEY", DemoAccount.API_KEY.reveal());
      AuditMojo mojo = mojo(NO_DECRYPTION);
      mojo.clock = clock;
      mojo.sleeper = duration -> {};
      mojo.iamUrl = simulator.baseUrl();
      mojo.userManagementUrl = simulator.baseUrl();
      mojo.report = "latest";
      mojo.formats = "json";

      MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

      assertEquals(
          "IAM has no activity report for account "
              + DemoAccount.ACCOUNT_ID
              + " yet; use -Diam.report=new",
          e.getMessage());
    }
  }

  @Test
  void theLogNamesThePolicyAndAllowlistTheGoalRead() throws Exception {
    Files.writeString(dir.resolve("iam-audit.yml"), "preset: cis\nfailOn: never\n");
    Files.writeString(
        dir.resolve("iam-allowlist.yml"),
        """
        - match: { id: ApiKey-1 }
          reason: "Disaster-recovery key, used only in quarterly drills"
          expires: 2026-02-28
        """);
    AuditMojo mojo =
        reportFileMojo(REPORT.formatted(key(1, "ci-deployer", "2025-10-15T02:33:15:564+0000")));
    mojo.clock =
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-01-31T12:00:00Z"), java.time.ZoneOffset.UTC);

    mojo.execute();

    assertEquals(
        List.of(
            "[INFO] Policy: iam-audit.yml (preset cis, 3 rules differ from the defaults)",
            "[INFO] Allowlist: iam-allowlist.yml (1 entry)"),
        log.lines.subList(0, 2));
  }

  @Test
  void anAuditFailureIsAnExecutionErrorWithItsOneLine() {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.reportFile = dir.resolve("missing.json").toFile();
    mojo.formats = "json";

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

    assertEquals(
        "missing.json: report file not found; check the path of the report file to audit",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("target")));
  }

  @Test
  void runningOutOfMemoryIsAnExecutionErrorNamingTheHeapAndMavenOpts() throws IOException {
    AuditMojo mojo =
        reportFileMojo(REPORT.formatted(key(1, "ci-deployer", "2025-10-15T08:00:00:000+0000")));
    mojo.sleeper =
        duration -> {
          throw new AssertionError("no wait");
        };
    mojo.clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            throw new OutOfMemoryError("Java heap space");
          }
        };

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

    assertTrue(
        e.getMessage()
            .matches(
                "Out of memory: the Java heap of Maven is limited to \\d+ MiB\\. Give it more,"
                    + " e\\.g\\. MAVEN_OPTS=-Xmx\\d+[mg] mvn \\.\\.\\. \\(or -Xmx\\d+[mg] in"
                    + " \\.mvn/jvm\\.config\\)"),
        e.getMessage());
    assertEquals(
        "Out of memory: the Java heap of Maven is limited to 512 MiB. Give it more, e.g."
            + " MAVEN_OPTS=-Xmx1g mvn ... (or -Xmx1g in .mvn/jvm.config)",
        AuditMojo.outOfMemory(512L << 20));
  }

  private static final String KEY = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0uVwX";

  @Test
  void aKeyGivenAsTheVariableNameIsNotEchoed() {
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.apiKeyEnv = KEY;

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

    assertEquals(
        "iam.apiKeyEnv takes the name of an environment variable, in upper case (A-Z, 0-9, _), such"
            + " as IBMCLOUD_API_KEY; the value given is not one, and is not shown in case it is the"
            + " key itself",
        e.getMessage());
    assertEquals(List.of(), log.lines);
  }

  @Test
  void anApiKeyPropertyIsAnsweredWithWhereKeysComeFrom() {
    for (String property : List.of("iam.apiKey", "iam.api-key", "iam.APIKEY", "iam.key")) {
      AuditMojo mojo = mojo(NO_DECRYPTION);
      mojo.demo = true;
      mojo.propertyNames = () -> Set.of("user.home", property);

      MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

      assertEquals(
          property
              + " is no parameter of iam:audit: the API key is read only from the environment"
              + " variable iam.apiKeyEnv names (default IBMCLOUD_API_KEY) or from the password of"
              + " the settings.xml server iam.serverId names (default ibmcloud); remove -D"
              + property
              + ", which shows the key in process lists "
              + "and logs",
          e.getMessage());
    }
    assertFalse(Files.exists(dir.resolve("target")));
  }

  private static boolean actsOnTerminal(int c) {
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

  @Test
  void identityNamesReachTheBuildLogEscaped() throws IOException {
    String hostile = "ci\\n[INFO] BUILD SUCCESS\\r\\u001b[2J\\u0007\\u202e";
    AuditMojo mojo =
        reportFileMojo(
            REPORT.formatted(
                key(1, hostile, "2025-10-15T02:33:15:564+0000")
                    + ","
                    + key(2, "low\\n::warning::x", "2025-10-15T02:33:15:564+0000")));
    mojo.failOn = "high";
    RecordingLog debugLog = new RecordingLog();
    mojo.setLog(debugLog);

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    List<String> lines = e.getMessage().lines().toList();
    assertEquals(
        "  [high] apikey-inactive: API key 'ci\\n"
            + "[INFO] BUILD SUCCESS\\r"
            + "\\u001B[2J\\u0007\\u202E' (ApiKey-1) of service ID 'ci' (ServiceId-1) last"
            + " authenticated 2025-10-15, 108 days ago; threshold 90 days. Fix: delete it with"
            + " 'ibmcloud iam service-api-key-delete ApiKey-1 ServiceId-1', or accept it in the"
            + " allowlist with match: { id: ApiKey-1 }, rules: [apikey-inactive].",
        lines.get(1));
    assertEquals(
        "  [high] apikey-inactive: API key 'low\\n::warning::x' (ApiKey-2)",
        lines.get(2).substring(0, 64));
    assertEquals(4, lines.size());
    lines.forEach(line -> assertTrue(line.chars().noneMatch(AuditMojoTest::actsOnTerminal), line));
    debugLog.lines.forEach(
        line -> assertTrue(line.chars().noneMatch(AuditMojoTest::actsOnTerminal), line));
  }

  private static IamSettings live(AuditRequest request) {
    return ((SourceChoice.Live) request.source()).settings();
  }

  private AuditMojo reportFileMojo(String reportJson) throws IOException {
    Path report = Files.writeString(dir.resolve("activity-report.json"), reportJson);
    AuditMojo mojo = mojo(NO_DECRYPTION);
    mojo.reportFile = report.toFile();
    mojo.formats = "json";
    return mojo;
  }

  private static final String REPORT =
      """
      {"created_by": "IBMid-270000AUDT", "reference": "ref-1", "report_duration": "720",
       "report_start_time": "2026-01-01T12:00:00:000+0000", "report_end_time": "2026-01-31T12:00:00:000+0000",
       "users": [], "profiles": [],
       "apikeys": [%s],
       "serviceids": [{"id": "ServiceId-2", "name": "legacy-batch", "last_authn": "2025-08-01T10:20:30:400+0000"}]}
      """;

  private static String key(int n, String name, String lastAuthn) {
    return """
    {"id": "ApiKey-%d", "name": "%s", "type": "serviceid", "serviceid": {"id": "ServiceId-1", "name": "ci"},
     "last_authn": "%s"}\
    """
        .formatted(n, name, lastAuthn);
  }

  private static Server server(String id, String password) {
    Server server = new Server();
    server.setId(id);
    server.setPassword(password);
    return server;
  }

  private static SettingsDecrypter decrypter(Path settingsSecurity) {
    return new DefaultSettingsDecrypter(
        new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), settingsSecurity.toString()));
  }
}
