package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.simulator.DemoAccount;
import dev.iamaudit.simulator.Simulator;
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
  void start() {
    simulator = Simulator.start(DemoAccount.create(CLOCK), CLOCK);
    DemoAccount.writeGovernanceFiles(dir, LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    simulator.close();
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
    assertEquals(1, run(KEY, "--format", "all", "--save-report", "raw-report.json"));
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3)), sleeps);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());
    assertEquals(DemoAccount.ACCOUNT_ID, json.at("/account").asText());
    assertEquals(2160, json.at("/report/durationHours").asInt());
    assertEquals(18, json.at("/summary/violations").asInt());
    assertEquals(1, json.at("/summary/allowlisted").asInt());
    assertEquals("failed", json.at("/summary/gate").asText());
    List<String> rules = new ArrayList<>();
    json.at("/findings").forEach(finding -> rules.add(finding.at("/rule").asText()));
    assertEquals(List.of("account-mfa-disabled", "apikey-inactive", "apikey-inactive", "apikey-never-used",
        "apikey-orphaned", "account-apikey-creation-unrestricted", "allowlist-expired", "apikey-high-usage",
        "apikey-too-old", "apikey-too-old", "profile-inactive", "serviceid-inactive", "serviceid-inactive",
        "user-inactive", "user-inactive", "account-serviceid-creation-unrestricted", "allowlist-unused",
        "apikey-leak-action-none", "user-multiple-apikeys"), rules);
    assertTrue(Files.size(dir.resolve("raw-report.json")) > 0);
    assertNoSecretIn(out.toString(), err.toString());
  }

  @Test
  void verboseOutputHoldsNoSecretEither() throws IOException {
    assertEquals(1, run(KEY, "--verbose", "--format", "json"));
    assertTrue(err.toString().contains("debug: "), err.toString());
    assertNoSecretIn(out.toString(), err.toString());
  }

  @Test
  void wrongKeyIsADataErrorThatNamesTheCauseButNotTheKey() throws IOException {
    String wrong = "wrong-key-0123456789abcdef";
    assertEquals(3, run(wrong, "--format", "json"));
    assertEquals("iam-audit: IAM refused the API key: BXNIM0415E Provided API key could not be found. Check the key "
        + "in environment variable IBMCLOUD_API_KEY\n", err.toString());
    assertFalse(out.toString().contains(wrong) || err.toString().contains(wrong));
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
