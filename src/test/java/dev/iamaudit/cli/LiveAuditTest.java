package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.simulator.DemoAccount;
import dev.iamaudit.simulator.Fault;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole live path, command line to reports, against the simulator; and proof that no secret leaks. */
class LiveAuditTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final String KEY = DemoAccount.API_KEY.reveal();

  @TempDir Path dir;
  private Simulator simulator;
  private final List<Duration> sleeps = new ArrayList<>();
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
    simulator = Simulator.start(DemoAccount.create(CLOCK), CLOCK, new SimulatorOptions(0, 0,
        SimulatorOptions.DEFAULT_REPORT_POLLS, faults.isEmpty() ? List.of() : Fault.parseAll(faults)));
  }

  private int run(String key, String... options) {
    List<String> args = new ArrayList<>(List.of("--iam-url", simulator.baseUrl().toString(), "--user-management-url",
        simulator.baseUrl().toString()));
    args.addAll(List.of(options));
    Environment environment = new Environment(Map.of("IBMCLOUD_API_KEY", key), dir, CLOCK, sleeps::add, false);
    return Main.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
  }

  @Test
  void pullsTheAccountFailsTheGateAndWritesEveryReport() throws IOException {
    serve("");
    assertEquals(1, run(KEY, "--format", "all", "--save-report", "raw-report.json"));
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3)), sleeps);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());
    assertEquals(DemoAccount.ACCOUNT_ID, json.at("/account").asText());
    assertEquals(2160, json.at("/report/durationHours").asInt());
    assertEquals(23, json.at("/summary/violations").asInt());
    assertEquals(1, json.at("/summary/allowlisted").asInt());
    assertEquals("failed", json.at("/summary/gate").asText());
    List<String> rules = new ArrayList<>();
    json.at("/findings").forEach(finding -> rules.add(finding.at("/rule").asText()));
    assertEquals(List.of("account-mfa-disabled", "apikey-inactive", "apikey-inactive", "apikey-never-used",
        "apikey-orphaned", "account-apikey-creation-unrestricted", "account-settings-drift", "account-settings-drift",
        "allowlist-expired", "apikey-high-usage", "apikey-too-old", "apikey-too-old", "profile-inactive",
        "serviceid-inactive", "serviceid-inactive", "user-inactive", "user-inactive",
        "account-serviceid-creation-unrestricted", "allowlist-unused", "apikey-leak-action-none", "identity-unmanaged",
        "identity-unmanaged", "identity-unmanaged", "user-multiple-apikeys"), rules);
    assertTrue(Files.size(dir.resolve("raw-report.json")) > 0);
    assertNoSecretIn(out.toString(), err.toString());
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
    assertEquals("iam-audit: IAM refused the API key: BXNIM0415E Provided API key could not be found. Check the key "
        + "in environment variable IBMCLOUD_API_KEY\n", err.toString());
    assertFalse(out.toString().contains(wrong) || err.toString().contains(wrong));
    assertFalse(Files.exists(dir.resolve("iam-audit-report/iam-audit.json")));
  }

  @Test
  void rateLimitsAreWaitedOutAsIbmAsks() throws IOException {
    serve("429:every=4:retry-after=7");
    assertEquals(1, run(KEY, "--format", "json"));
    assertTrue(sleeps.contains(Duration.ofSeconds(7)), sleeps.toString());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());
    assertEquals(23, json.at("/summary/violations").asInt());
  }

  @Test
  void serverErrorsThatDoNotStopAreADataErrorAndNoReport() {
    serve("500:/v1/serviceids");
    assertEquals(3, run(KEY, "--format", "json"));
    assertEquals("iam-audit: IAM answered 500 to GET /v1/serviceids/ after 5 attempts; IBM Cloud may be having "
        + "problems, try again later\n", err.toString());
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

  /** Neither the API key nor any JWT (IAM tokens start with "eyJ") may appear on the console or in a file. */
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
