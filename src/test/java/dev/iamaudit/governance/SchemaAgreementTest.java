package dev.iamaudit.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.policy.AllowlistLoader;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.PolicyLoader;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import dev.iamaudit.simulator.DemoAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas accept the files the project itself shows and ships, and refuse what the loaders
 * refuse wherever a schema can say it: an editor flags the mistake before a run does, at the same
 * place.
 */
class SchemaAgreementTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final Pattern YAML_BLOCK =
      Pattern.compile(
          "```yaml\n(# yaml-language-server: \\$schema=(\\S+)\n" + ".*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void theReadmeExamplesAreValid() throws IOException {
    Matcher block = YAML_BLOCK.matcher(Files.readString(Path.of("README.md")));
    Map<String, Integer> checked = new TreeMap<>();
    while (block.find()) {
      String schema = block.group(2);
      String yaml = block.group(1);
      assertEquals(List.of(), check(schema).errors(yaml), yaml);
      load(
          schema,
          Files.writeString(dir.resolve("example.yml"), yaml),
          Policy.DEFAULT_ALLOWLIST_MAX_DAYS);
      checked.merge(schema, 1, Integer::sum);
    }
    assertEquals(
        List.of(Schemas.ALLOWLIST_FILE, Schemas.POLICY_FILE),
        List.copyOf(checked.keySet()),
        "the README's policy and allowlist examples name their schema on their first line");
  }

  @Test
  void theDemoGovernanceFilesAreValid() throws IOException {
    DemoAccount.writeGovernanceFiles(dir, TODAY);
    assertEquals(
        List.of(), SchemaCheck.policy().errors(Files.readString(dir.resolve("iam-audit.yml"))));
    assertEquals(
        List.of(),
        SchemaCheck.allowlist().errors(Files.readString(dir.resolve("iam-allowlist.yml"))));
  }

  /**
   * Each it/ project's files: accepted or refused alike; the only refused one is the one meant to
   * be.
   */
  @Test
  void theItProjectsFilesAreJudgedAlikeByTheLoaderAndTheSchema() throws IOException {
    Map<String, List<String>> refused = new TreeMap<>();
    List<Path> projects;
    try (Stream<Path> list = Files.list(Path.of("it"))) {
      projects = list.filter(Files::isDirectory).sorted().toList();
    }
    int files = 0;
    for (Path project : projects) {
      Path policy = project.resolve("iam-audit.yml");
      int maxDays = Policy.DEFAULT_ALLOWLIST_MAX_DAYS;
      if (Files.exists(policy)) {
        files++;
        assertEquals(
            List.of(), SchemaCheck.policy().errors(Files.readString(policy)), policy.toString());
        maxDays =
            new PolicyLoader(Rules.specs()).load(policy, policy.toString()).allowlistMaxDays();
      }
      Path allowlist = project.resolve("iam-allowlist.yml");
      if (Files.exists(allowlist)) {
        files++;
        List<String> errors = SchemaCheck.allowlist().errors(Files.readString(allowlist));
        boolean loaded = loads(allowlist, maxDays);
        assertEquals(
            loaded,
            errors.isEmpty(),
            allowlist
                + ": the loader "
                + (loaded ? "accepts" : "refuses")
                + " it, the schema says "
                + errors);
        if (!errors.isEmpty()) {
          refused.put(allowlist.toString(), errors);
        }
      }
    }
    assertTrue(files >= 3, "the it/ projects hold " + files + " policy and allowlist files");
    assertEquals(
        Map.of(
            Path.of("it/bad-allowlist-is-usage-error/iam-allowlist.yml").toString(),
            List.of("required at /0: reason")),
        refused);
  }

  static Stream<Arguments> refusedPolicies() {
    return Stream.of(
        refused(
            "an unknown key",
            "failon: high\n",
            "iam-audit.yml:1:1: ",
            "additionalProperties at : failon"),
        refused("an unknown failOn", "failOn: severe\n", "iam-audit.yml:1:9: ", "enum at /failOn"),
        refused(
            "failOn not in lower case", "failOn: High\n", "iam-audit.yml:1:9: ", "enum at /failOn"),
        refused(
            "an hour limit under 1",
            "maxReportAgeHours: 0\n",
            "iam-audit.yml:1:20: ",
            "minimum at /maxReportAgeHours"),
        refused(
            "a day limit in words",
            "allowlistMaxDays: soon\n",
            "iam-audit.yml:1:19: ",
            "type at /allowlistMaxDays"),
        refused(
            "an empty account", "account: \"\"\n", "iam-audit.yml:1:10: ", "pattern at /account"),
        refused(
            "a list as account", "account: [a, b]\n", "iam-audit.yml:1:10: ", "type at /account"),
        refused("a list for the policy", "- failOn: high\n", "iam-audit.yml:1:1: ", "type at "),
        refused(
            "a list of rules",
            "rules: [apikey-inactive]\n",
            "iam-audit.yml:1:8: ",
            "type at /rules"),
        refused(
            "an unknown rule",
            "rules:\n  apikey-inactiv: { maxDays: 30 }\n",
            "iam-audit.yml:2:3: ",
            "additionalProperties at /rules: apikey-inactiv"),
        refused(
            "an unknown rule setting",
            "rules:\n  apikey-inactive: { maxdays: 30 }\n",
            "iam-audit.yml:2:22: ",
            "additionalProperties at /rules/apikey-inactive: maxdays"),
        refused(
            "a bad severity",
            "rules:\n  apikey-inactive: { severity: severe }\n",
            "iam-audit.yml:2:32: ",
            "enum at /rules/apikey-inactive/severity"),
        refused(
            "a negative threshold",
            "rules:\n  apikey-inactive: { maxDays: -1 }\n",
            "iam-audit.yml:2:31: ",
            "minimum at /rules/apikey-inactive/maxDays"),
        refused(
            "a fractional threshold",
            "rules:\n  apikey-inactive: { maxDays: 1.5 }\n",
            "iam-audit.yml:2:31: ",
            "type at /rules/apikey-inactive/maxDays"),
        refused(
            "yes for true",
            "rules:\n  apikey-inactive: { enabled: yes }\n",
            "iam-audit.yml:2:31: ",
            "type at /rules/apikey-inactive/enabled"),
        refused(
            "a rule given a list",
            "rules:\n  apikey-inactive: [maxDays]\n",
            "iam-audit.yml:2:20: ",
            "type at /rules/apikey-inactive"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedPolicies")
  void aPolicyTheLoaderRefusesTheSchemaRefusesToo(
      String what, String yaml, String position, String error) throws IOException {
    Path file = Files.writeString(dir.resolve("iam-audit.yml"), yaml);
    UsageException refusal =
        assertThrows(
            UsageException.class,
            () -> new PolicyLoader(Rules.specs()).load(file, "iam-audit.yml"));
    assertTrue(refusal.getMessage().startsWith(position), refusal.getMessage());
    assertEquals(List.of(error), SchemaCheck.policy().errors(yaml));
  }

  private static final String VALID = "  reason: Drills only\n  expires: 2027-01-31\n";

  static Stream<Arguments> refusedAllowlists() {
    return Stream.of(
        refused(
            "a mapping for the allowlist",
            "match: { id: a }\nreason: r\nexpires: 2027-01-31\n",
            "iam-allowlist.yml:1:1: ",
            "type at "),
        refused(
            "no reason",
            "- match: { id: a }\n  expires: 2027-01-31\n",
            "iam-allowlist.yml:1:3: ",
            "required at /0: reason"),
        refused(
            "no expiry",
            "- match: { id: a }\n  reason: r\n",
            "iam-allowlist.yml:1:3: ",
            "required at /0: expires"),
        refused(
            "no match",
            "- reason: r\n  expires: 2027-01-31\n",
            "iam-allowlist.yml:1:3: ",
            "required at /0: match"),
        refused(
            "an unknown entry key",
            "- match: { id: a }\n" + VALID + "  until: 2027-01-01\n",
            "iam-allowlist.yml:4:3: ",
            "additionalProperties at /0: until"),
        refused(
            "a text for match",
            "- match: a\n" + VALID,
            "iam-allowlist.yml:1:10: ",
            "type at /0/match"),
        refused(
            "an unknown match key",
            "- match: { ids: a }\n" + VALID,
            "iam-allowlist.yml:1:12: ",
            "additionalProperties at /0/match: ids"),
        refused(
            "an empty match",
            "- match: {}\n" + VALID,
            "iam-allowlist.yml:1:10: ",
            "minProperties at /0/match"),
        refused(
            "an unknown type",
            "- match: { type: key }\n" + VALID,
            "iam-allowlist.yml:1:18: ",
            "enum at /0/match/type"),
        refused(
            "an unknown rule",
            "- match: { id: a }\n  rules: [apikey-inactiv]\n" + VALID,
            "iam-allowlist.yml:2:11: ",
            "enum at /0/rules/0"),
        refused(
            "no rules in the list",
            "- match: { id: a }\n  rules: []\n" + VALID,
            "iam-allowlist.yml:2:10: ",
            "minItems at /0/rules"),
        refused(
            "one rule not in a list",
            "- match: { id: a }\n  rules: apikey-inactive\n" + VALID,
            "iam-allowlist.yml:2:10: ",
            "type at /0/rules"),
        refused(
            "a blank reason",
            "- match: { id: a }\n  reason: \" \"\n  expires: 2027-01-31\n",
            "iam-allowlist.yml:2:11: ",
            "pattern at /0/reason"),
        refused(
            "an impossible date",
            "- match: { id: a }\n  reason: r\n  expires: 2027-02-30\n",
            "iam-allowlist.yml:3:12: ",
            "format at /0/expires"),
        Arguments.of(
            "a date in another order",
            "- match: { id: a }\n  reason: r\n  expires: 31/01/2027\n",
            "iam-allowlist.yml:3:12: ",
            List.of("format at /0/expires", "pattern at /0/expires")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedAllowlists")
  void anAllowlistTheLoaderRefusesTheSchemaRefusesToo(
      String what, String yaml, String position, Object errors) throws IOException {
    Path file = Files.writeString(dir.resolve("iam-allowlist.yml"), yaml);
    UsageException refusal =
        assertThrows(
            UsageException.class,
            () ->
                allowlistLoader(Policy.DEFAULT_ALLOWLIST_MAX_DAYS).load(file, "iam-allowlist.yml"));
    assertTrue(refusal.getMessage().startsWith(position), refusal.getMessage());
    assertEquals(
        errors instanceof List<?> list ? list : List.of(errors),
        SchemaCheck.allowlist().errors(yaml));
  }

  private static Arguments refused(String what, String yaml, String position, String error) {
    return Arguments.of(what, yaml, position, error);
  }

  private static SchemaCheck check(String schemaFile) {
    return switch (schemaFile) {
      case Schemas.POLICY_FILE -> SchemaCheck.policy();
      case Schemas.ALLOWLIST_FILE -> SchemaCheck.allowlist();
      default -> throw new AssertionError("no such schema: " + schemaFile);
    };
  }

  private static void load(String schemaFile, Path file, int maxDays) {
    if (schemaFile.equals(Schemas.POLICY_FILE)) {
      new PolicyLoader(Rules.specs()).load(file, file.toString());
    } else {
      allowlistLoader(maxDays).load(file, file.toString());
    }
  }

  private static boolean loads(Path allowlist, int maxDays) {
    try {
      allowlistLoader(maxDays).load(allowlist, allowlist.toString());
      return true;
    } catch (UsageException e) {
      return false;
    }
  }

  private static AllowlistLoader allowlistLoader(int maxDays) {
    return new AllowlistLoader(
        Rules.all().stream().map(RuleDescriptor::id).toList(), TODAY, maxDays);
  }
}
