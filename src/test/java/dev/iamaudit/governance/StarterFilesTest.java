package dev.iamaudit.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamaudit.ApiKeyVariable;
import dev.iamaudit.AuditOutcome;
import dev.iamaudit.AuditRequest;
import dev.iamaudit.IamAudit;
import dev.iamaudit.TestOptionNames;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.AllowlistLoader;
import dev.iamaudit.policy.Match;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.PolicyLoader;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.report.Golden;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import dev.iamaudit.simulator.DemoAccount;
import dev.iamaudit.simulator.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarterFilesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final Path GOLDEN = Path.of("src/test/resources/dev/iamaudit/governance");
  private static final StarterFiles STARTER = new StarterFiles(Rules.all(), TODAY, "0.0.0-TEST");
  private static final List<String> ALL_FOUR =
      List.of(
          "iam-audit.yml",
          "iam-allowlist.yml",
          "iam-audit.schema.json",
          "iam-allowlist.schema.json");

  @TempDir Path dir;

  @Test
  void thePolicyShowsEveryRuleWithItsDefaults() {
    Golden.assertFile(GOLDEN.resolve("starter-iam-audit.yml"), STARTER.policy());
  }

  @Test
  void theAllowlistHoldsOnlyACommentedExample() {
    Golden.assertFile(GOLDEN.resolve("starter-iam-allowlist.yml"), STARTER.allowlist());
  }

  @Test
  void eachFileNamesItsSchemaOnItsFirstLine() {
    assertEquals(
        "# yaml-language-server: $schema=iam-audit.schema.json",
        STARTER.policy().lines().findFirst().orElseThrow());
    assertEquals(
        "# yaml-language-server: $schema=iam-allowlist.schema.json",
        STARTER.allowlist().lines().findFirst().orElseThrow());
  }

  /** What baseline opens a new allowlist with: init's comment, without the example entry. */
  @Test
  void theAllowlistOpensWithItsHeader() {
    String header = STARTER.allowlistHeader();

    assertTrue(STARTER.allowlist().startsWith(header));
    assertEquals(
        "# No entry yet. An example (remove the leading '# ' to use it):",
        STARTER.allowlist().substring(header.length()).lines().findFirst().orElseThrow());
    assertEquals(
        "# allowlistMaxDays (365 by default) from today; each finding's message names the match"
            + " that accepts it.",
        header.lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void writesTheFilesAndTheirSchemasIntoANewDirectory() throws IOException {
    Path governance = dir.resolve("governance");

    List<Path> written = STARTER.write(governance);

    assertEquals(ALL_FOUR.stream().map(governance::resolve).toList(), written);
    assertEquals(STARTER.policy(), Files.readString(governance.resolve("iam-audit.yml")));
    assertEquals(STARTER.allowlist(), Files.readString(governance.resolve("iam-allowlist.yml")));
    Schemas schemas = new Schemas(Rules.all());
    assertEquals(schemas.policy(), Files.readString(governance.resolve("iam-audit.schema.json")));
    assertEquals(
        schemas.allowlist(), Files.readString(governance.resolve("iam-allowlist.schema.json")));
  }

  @Test
  void theWrittenFilesLoadAsTheDefaults() throws IOException {
    STARTER.write(dir);

    Policy policy =
        new PolicyLoader(Rules.specs()).load(dir.resolve("iam-audit.yml"), "iam-audit.yml");
    Policy defaults = Policy.defaults(Rules.specs());
    assertNull(policy.account());
    assertEquals(defaults.failOn(), policy.failOn());
    assertEquals(defaults.maxReportAgeHours(), policy.maxReportAgeHours());
    assertEquals(defaults.allowlistMaxDays(), policy.allowlistMaxDays());
    assertEquals(defaults.rules().keySet(), policy.rules().keySet());
    for (RuleConfig config : policy.rules().values()) {
      RuleConfig expected = defaults.rule(config.ruleId());
      assertEquals(
          List.of(expected.enabled(), expected.severity(), expected.params()),
          List.of(config.enabled(), config.severity(), config.params()),
          config.ruleId());
    }
    Allowlist allowlist =
        allowlistLoader().load(dir.resolve("iam-allowlist.yml"), "iam-allowlist.yml");
    assertEquals(List.of(), allowlist.entries());
  }

  @Test
  void theExampleEntryIsValidOnceUncommented() throws IOException {
    String uncommented =
        STARTER
            .allowlist()
            .lines()
            .map(
                line ->
                    line.startsWith("# - ") || line.startsWith("#   ") ? line.substring(2) : line)
            .collect(Collectors.joining("\n", "", "\n"));
    Path file = Files.writeString(dir.resolve("iam-allowlist.yml"), uncommented);

    List<AllowlistEntry> entries = allowlistLoader().load(file, "iam-allowlist.yml").entries();

    assertEquals(1, entries.size());
    AllowlistEntry entry = entries.get(0);
    assertEquals(
        new Match("ApiKey-7f3c0000-0000-0000-0000-000000000000", null, null, null), entry.match());
    assertEquals(Set.of(Rules.all().get(0).id()), entry.rules());
    assertEquals("Disaster-recovery key, used only in quarterly drills", entry.reason());
    assertEquals("secops@example.com", entry.owner());
    assertEquals(LocalDate.of(2027, 2, 22), entry.expires());
    assertEquals(List.of(), SchemaCheck.allowlist().errors(uncommented));
  }

  @Test
  void thePolicyIsValidForItsSchema() {
    assertEquals(List.of(), SchemaCheck.policy().errors(STARTER.policy()));
  }

  /**
   * The starter files change nothing: the same findings, locations and verdict as a repo without
   * them.
   */
  @Test
  void anAuditWithTheStarterFilesJudgesAsOneWithoutFiles() throws IOException {
    Path withFiles = dir.resolve("with");
    Path without = Files.createDirectories(dir.resolve("without"));
    STARTER.write(withFiles);
    JsonNode started;
    JsonNode bare;
    try (Simulator simulator = Simulator.start(DemoAccount.create(CLOCK), CLOCK)) {
      started = audit(simulator, withFiles);
      bare = audit(simulator, without);
    }

    assertEquals(bare.at("/summary"), started.at("/summary"));
    assertEquals(bare.at("/rules"), started.at("/rules"));
    assertEquals(23, started.at("/findings").size());
    // Only where findings point differs: at the starter policy, which a bare repo lacks.
    started
        .at("/findings")
        .forEach(
            finding ->
                assertEquals(
                    "iam-audit.yml",
                    ((ObjectNode) finding).remove("location").at("/file").asText()));
    bare.at("/findings")
        .forEach(
            finding ->
                assertEquals(
                    "out/iam-audit.json",
                    ((ObjectNode) finding).remove("location").at("/file").asText()));
    assertEquals(bare.at("/findings"), started.at("/findings"));
  }

  /**
   * The rules are commented out so that a preset, once named, is not overridden by copies of the
   * defaults.
   */
  @Test
  void namingThePresetStartsFromItsSettings() throws IOException {
    String policy = STARTER.policy().replace("\n#preset: cis ", "\npreset: cis ");
    Path file = Files.writeString(dir.resolve("iam-audit.yml"), policy);

    Policy loaded = new PolicyLoader(Rules.specs()).load(file, "iam-audit.yml");

    assertEquals(Map.of("maxDays", 180L), loaded.rule("apikey-inactive").params());
    assertEquals(Map.of("maxDays", 90L), loaded.rule("apikey-too-old").params());
    assertEquals(List.of(), SchemaCheck.policy().errors(policy));
  }

  @Test
  void uncommentingARuleSetsIt() throws IOException {
    String policy =
        STARTER
            .policy()
            .replace(
                "  #apikey-too-old: { enabled: true, severity: medium, maxDays: 365 }",
                "  apikey-too-old: { enabled: true, severity: medium, maxDays: 180 }");
    Path file = Files.writeString(dir.resolve("iam-audit.yml"), policy);

    RuleConfig config =
        new PolicyLoader(Rules.specs()).load(file, "iam-audit.yml").rule("apikey-too-old");

    assertEquals(Map.of("maxDays", 180L), config.params());
    assertEquals(
        policy
                .lines()
                .toList()
                .indexOf("  apikey-too-old: { enabled: true, severity: medium, maxDays:" + " 180 }")
            + 1,
        config.position().line());
  }

  @Test
  void refusesToOverwriteAFileAndThenWritesNothing() throws IOException {
    Files.writeString(dir.resolve("iam-allowlist.yml"), "# ours\n");

    UsageException e = assertThrows(UsageException.class, () -> STARTER.write(dir));

    assertEquals(
        "iam-allowlist.yml already exists in "
            + dir
            + "; init never overwrites a file: remove or move it,"
            + " then run init again",
        e.getMessage());
    assertEquals(2, e.exitCode());
    assertEquals("# ours\n", Files.readString(dir.resolve("iam-allowlist.yml")));
    assertFalse(Files.exists(dir.resolve("iam-audit.yml")));
    assertFalse(Files.exists(dir.resolve("iam-audit.schema.json")));
  }

  @Test
  void namesEveryFileInTheWay() throws IOException {
    Files.writeString(dir.resolve("iam-audit.yml"), "failOn: high\n");
    Files.writeString(dir.resolve("iam-audit.schema.json"), "{}\n");

    assertEquals(
        "iam-audit.yml and iam-audit.schema.json already exist in "
            + dir
            + "; init never overwrites a"
            + " file: remove or move them, then run init again",
        assertThrows(UsageException.class, () -> STARTER.write(dir)).getMessage());
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("governance"), "");

    assertEquals(
        file + " is a file, not a directory; name the directory to write the starter files into",
        assertThrows(UsageException.class, () -> STARTER.write(file)).getMessage());
  }

  @Test
  void theSchemasAloneAreReplacedAndTheYamlFilesLeftAlone() throws IOException {
    Files.writeString(dir.resolve("iam-audit.yml"), "failOn: high\n");
    Files.writeString(dir.resolve("iam-audit.schema.json"), "{\"older\": true}\n");

    List<Path> written = STARTER.writeSchemas(dir);

    assertEquals(
        List.of(dir.resolve("iam-audit.schema.json"), dir.resolve("iam-allowlist.schema.json")),
        written);
    assertEquals(
        new Schemas(Rules.all()).policy(), Files.readString(dir.resolve("iam-audit.schema.json")));
    assertEquals("failOn: high\n", Files.readString(dir.resolve("iam-audit.yml")));
    assertFalse(Files.exists(dir.resolve("iam-allowlist.yml")));
  }

  @Test
  void aRuleAddedToTheCatalogGetsItsLine() {
    RuleDescriptor later = Rules.ALLOWLIST_UNUSED;
    StarterFiles starter =
        new StarterFiles(List.of(Rules.identityRules().get(5), later), TODAY, "9.9.9");

    assertEquals(
        String.join(
            "\n",
            "rules:",
            "  # API key used unusually often (off by default)",
            "  #apikey-high-usage: { enabled: false, severity: medium, maxAuthnCount: 10000 }",
            "  # Allowlist entry matches nothing",
            "  #allowlist-unused: { enabled: true, severity: low }",
            ""),
        starter.policy().substring(starter.policy().indexOf("rules:")));
  }

  private JsonNode audit(Simulator simulator, Path base) throws IOException {
    AuditRequest request =
        AuditRequest.builder(base, base.resolve("out"), TestOptionNames.INSTANCE)
            .iamUrl(simulator.baseUrl())
            .userManagementUrl(simulator.baseUrl())
            .apiKey(null, variable -> new ApiKeyVariable.Found(DemoAccount.API_KEY, "the demo key"))
            .formats(List.of("json"))
            .build();
    AuditOutcome outcome = new IamAudit(CLOCK, duration -> {}).run(request, new AuditListener() {});
    assertEquals(1, outcome.exitCode());
    return new ObjectMapper().readTree(base.resolve("out/iam-audit.json").toFile());
  }

  private static AllowlistLoader allowlistLoader() {
    return new AllowlistLoader(
        Rules.all().stream().map(RuleDescriptor::id).toList(),
        TODAY,
        Policy.DEFAULT_ALLOWLIST_MAX_DAYS);
  }
}
