package dev.iamaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
  @TempDir Path dir;

  private Policy load(String yaml) throws IOException {
    Path file = dir.resolve("iam-audit.yml");
    Files.writeString(file, yaml);
    return new PolicyLoader(Rules.specs()).load(file, "iam-audit.yml");
  }

  private String error(String yaml) {
    return assertThrows(UsageException.class, () -> load(yaml)).getMessage();
  }

  @Test
  void emptyFileKeepsEveryDefault() throws IOException {
    Policy policy = load("# nothing yet\n");
    assertNull(policy.account());
    assertEquals(FailOn.DEFAULT, policy.failOn());
    assertEquals(24, policy.maxReportAgeHours());
    assertEquals(365, policy.allowlistMaxDays());
    assertEquals(Map.of("maxDays", 90L), policy.rule("apikey-inactive").params());
    assertFalse(policy.rule("apikey-high-usage").enabled());
    assertEquals("iam-audit.yml", policy.file());
  }

  @Test
  void rulesWhoseEntriesAreAllCommentedOutKeepTheDefaults() throws IOException {
    Policy policy =
        load("rules:\n  # API key not used recently\n  #apikey-inactive: { maxDays: 30 }\n");
    assertEquals(Map.of("maxDays", 90L), policy.rule("apikey-inactive").params());
    assertNull(policy.rule("apikey-inactive").position());
  }

  @Test
  void readsTheDesignExample() throws IOException {
    Policy policy =
        load(
            """
            account: a1b2c3
            failOn: high
            maxReportAgeHours: 48
            allowlistMaxDays: 180
            rules:
              apikey-inactive: { maxDays: 60, severity: critical }
              apikey-too-old: { enabled: false }
            """);
    assertEquals("a1b2c3", policy.account());
    assertEquals(new FailOn(Optional.of(Severity.HIGH)), policy.failOn());
    assertEquals(48, policy.maxReportAgeHours());
    assertEquals(180, policy.allowlistMaxDays());
    RuleConfig inactive = policy.rule("apikey-inactive");
    assertEquals(Severity.CRITICAL, inactive.severity());
    assertEquals(60, inactive.param("maxDays"));
    assertEquals(new FilePosition("iam-audit.yml", 6, 3), inactive.position());
    assertFalse(policy.rule("apikey-too-old").enabled());
    assertEquals(Severity.HIGH, policy.rule("apikey-never-used").severity());
  }

  @Test
  void failOnNever() throws IOException {
    assertEquals(FailOn.NEVER, load("failOn: never\n").failOn());
  }

  @Test
  void unknownTopLevelKeySuggestsTheRightOne() {
    assertEquals(
        "iam-audit.yml:1:1: unknown key 'failon' in the policy; did you mean 'failOn'?; allowed"
            + " keys: account, failOn, maxReportAgeHours, allowlistMaxDays, preset, rules",
        error("failon: high\n"));
  }

  @Test
  void unknownRuleIsNamed() {
    assertEquals(
        "iam-audit.yml:2:3: unknown rule 'apikey-inactiv'; did you mean 'apikey-inactive'?; known"
            + " rules: "
            + String.join(", ", Rules.specs().stream().map(RuleSpec::id).toList()),
        error("rules:\n  apikey-inactiv: { maxDays: 30 }\n"));
  }

  @Test
  void unknownRuleKeyListsTheAllowedOnes() {
    assertEquals(
        "iam-audit.yml:2:22: unknown key 'maxDay' in rule apikey-inactive; did you mean 'maxDays'?;"
            + " allowed keys: enabled, severity, maxDays",
        error("rules:\n  apikey-inactive: { maxDay: 30 }\n"));
    assertEquals(
        "iam-audit.yml:2:27: unknown key 'maxDays' in rule account-mfa-disabled; allowed keys:"
            + " enabled, severity",
        error("rules:\n  account-mfa-disabled: { maxDays: 30 }\n"));
  }

  @Test
  void badValuesSayWhatIsAllowed() {
    assertEquals(
        "iam-audit.yml:1:9: failOn must be one of critical, high, medium, low, never, found"
            + " 'severe'",
        error("failOn: severe\n"));
    assertEquals(
        "iam-audit.yml:2:45: severity must be one of critical, high, medium, low, found 'urgent'",
        error("rules:\n  apikey-inactive: { maxDays: 30, severity: urgent }\n"));
    assertEquals(
        "iam-audit.yml:1:9: failOn must be one of critical, high, medium, low, never, found 'HIGH';"
            + " write it in lower case: 'high'",
        error("failOn: HIGH\n"));
    assertEquals(
        "iam-audit.yml:2:45: severity must be one of critical, high, medium, low, found 'Low';"
            + " write it in lower case: 'low'",
        error("rules:\n  apikey-inactive: { maxDays: 30, severity: Low }\n"));
    assertEquals(
        "iam-audit.yml:2:31: 'maxDays' must be a whole number from 0 to 36500 (100 years), found"
            + " 'ninety'",
        error("rules:\n  apikey-inactive: { maxDays: ninety }\n"));
    assertEquals(
        "iam-audit.yml:1:20: 'maxReportAgeHours' must be a whole number of at least 1, found '0'",
        error("maxReportAgeHours: 0\n"));
    assertEquals(
        "iam-audit.yml:2:31: 'enabled' must be true or false, found 'maybe'",
        error("rules:\n  apikey-inactive: { enabled: maybe }\n"));
  }

  @Test
  void duplicateKeysAreRefused() {
    assertEquals(
        "iam-audit.yml:2:1: duplicate key 'failOn' (first at line 1); keep only one of them",
        error("failOn: high\nfailOn: low\n"));
  }

  @Test
  void wrongShapes() {
    assertEquals(
        "iam-audit.yml:1:1: the policy must be a mapping of keys to values, found a list",
        error("- failOn: high\n"));
    assertEquals(
        "iam-audit.yml:1:8: 'rules' must be a mapping of keys to values, found a list",
        error("rules: [apikey-inactive]\n"));
  }

  @Test
  void brokenYamlNamesThePlace() {
    assertEquals(
        "iam-audit.yml:2:7: not valid YAML: mapping values are not allowed here; fix the"
            + " indentation or quoting there",
        error("rules:\n  a: b: c\n"));
  }

  @Test
  void aTabInTheIndentationIsNamedAtItsOwnPlace() {
    assertEquals(
        "iam-audit.yml:2:1: not valid YAML: a tab character; YAML indents with spaces only, so"
            + " replace the tab with spaces",
        error("rules:\n\tapikey-inactive: {}\n"));
  }

  @Test
  void anUnclosedListIsNamedWhereItEnds() {
    assertEquals(
        "iam-audit.yml:2:1: not valid YAML: expected ',' or ']', but got <stream end>; fix the"
            + " indentation or quoting there",
        error("failOn: [high, low\n"));
  }

  @Test
  void missingFileIsAUsageError() {
    assertEquals(
        "policy.yml: file not found; check the path or create the file",
        assertThrows(
                UsageException.class,
                () -> new PolicyLoader(Rules.specs()).load(dir.resolve("policy.yml"), "policy.yml"))
            .getMessage());
  }

  @Test
  void directoryIsAUsageError() throws IOException {
    Files.createDirectory(dir.resolve("policy"));
    assertEquals(
        "policy: is a directory; name the YAML file itself",
        assertThrows(
                UsageException.class,
                () -> new PolicyLoader(Rules.specs()).load(dir.resolve("policy"), "policy"))
            .getMessage());
  }

  @Test
  void presetCisSetsTheBenchmarksThresholds() throws IOException {
    Policy policy = load("preset: cis\n");
    FilePosition preset = new FilePosition("iam-audit.yml", 1, 1);
    assertEquals(
        new RuleConfig("apikey-too-old", true, Severity.MEDIUM, Map.of("maxDays", 90L), preset),
        policy.rule("apikey-too-old"));
    assertEquals(
        new RuleConfig("apikey-inactive", true, Severity.HIGH, Map.of("maxDays", 180L), preset),
        policy.rule("apikey-inactive"));
    assertEquals(
        new RuleConfig("apikey-never-used", true, Severity.HIGH, Map.of("graceDays", 180L), preset),
        policy.rule("apikey-never-used"));
    assertEquals(
        new RuleConfig("user-inactive", true, Severity.MEDIUM, Map.of("maxDays", 90L), preset),
        policy.rule("user-inactive"));
    assertEquals(
        new RuleConfig("account-mfa-disabled", true, Severity.HIGH, Map.of(), preset),
        policy.rule("account-mfa-disabled"));
    assertEquals(
        Rules.byId("apikey-high-usage").spec().defaults(), policy.rule("apikey-high-usage"));
  }

  @Test
  void thePolicysOwnRulesOverrideThePreset() throws IOException {
    Policy policy =
        load(
            """
            preset: cis
            rules:
              apikey-too-old: { maxDays: 30 }
              apikey-inactive: { severity: critical }
              account-mfa-disabled: { enabled: false }
              apikey-never-used: {}
            """);
    assertEquals(
        new RuleConfig(
            "apikey-too-old",
            true,
            Severity.MEDIUM,
            Map.of("maxDays", 30L),
            new FilePosition("iam-audit.yml", 3, 3)),
        policy.rule("apikey-too-old"));
    assertEquals(
        new RuleConfig(
            "apikey-inactive",
            true,
            Severity.CRITICAL,
            Map.of("maxDays", 180L),
            new FilePosition("iam-audit.yml", 4, 3)),
        policy.rule("apikey-inactive"));
    assertFalse(policy.rule("account-mfa-disabled").enabled());
    assertEquals(
        new RuleConfig(
            "apikey-never-used",
            true,
            Severity.HIGH,
            Map.of("graceDays", 180L),
            new FilePosition("iam-audit.yml", 6, 3)),
        policy.rule("apikey-never-used"));
  }

  @Test
  void aPresetEnablesARuleThatIsOffByDefault() throws IOException {
    RuleSpec ipAllowlist =
        new RuleSpec("account-ip-allowlist-unset", Severity.LOW, false, Map.of());
    Path file = dir.resolve("iam-audit.yml");
    Files.writeString(file, "failOn: low\npreset: fs-cloud\n");
    Policy policy =
        new PolicyLoader(List.of(ipAllowlist, Rules.byId("apikey-too-old").spec()))
            .load(file, "iam-audit.yml");
    assertEquals(
        new RuleConfig(
            "account-ip-allowlist-unset",
            true,
            Severity.LOW,
            Map.of(),
            new FilePosition("iam-audit.yml", 2, 1)),
        policy.rule("account-ip-allowlist-unset"));
    assertEquals(365, policy.rule("apikey-too-old").param("maxDays"));
  }

  @Test
  void aPresetAppliesOnlyTheRulesThisVersionKnows() throws IOException {
    Path file = dir.resolve("iam-audit.yml");
    Files.writeString(file, "preset: fs-cloud\n");
    Policy policy =
        new PolicyLoader(List.of(Rules.byId("user-inactive").spec())).load(file, "iam-audit.yml");
    assertEquals(Set.of("user-inactive"), policy.rules().keySet());
    assertTrue(policy.rule("user-inactive").enabled());
  }

  @Test
  void unknownPresetNamesTheKnownOnes() {
    assertEquals(
        "iam-audit.yml:1:9: unknown preset 'pci-dss'; known presets: cis, fs-cloud",
        error("preset: pci-dss\n"));
    assertEquals(
        "iam-audit.yml:2:9: unknown preset 'CIS'; did you mean 'cis'?; known presets: cis,"
            + " fs-cloud",
        error("failOn: high\npreset: CIS\n"));
    assertEquals(
        "iam-audit.yml:1:9: unknown preset 'fscloud'; did you mean 'fs-cloud'?; known presets: cis,"
            + " fs-cloud",
        error("preset: fscloud\n"));
    assertEquals(
        "iam-audit.yml:1:8: 'preset' is empty; write the value after the colon",
        error("preset:\n"));
    assertEquals(
        "iam-audit.yml:1:9: 'preset' must be a text value, found a list", error("preset: [cis]\n"));
  }

  @Test
  void aNumberOfDaysBeyondACenturyIsRefusedBeforeItOverflowsTheHours() {
    assertEquals(
        "iam-audit.yml:2:31: 'maxDays' must be a whole number from 0 to 36500 (100 years), found "
            + "'9223372036854775807'",
        error("rules:\n  apikey-inactive: { maxDays: 9223372036854775807 }\n"));
    assertEquals(
        "iam-audit.yml:1:19: 'allowlistMaxDays' must be a whole number from 1 to 36500 (100 years),"
            + " found '36501'",
        error("allowlistMaxDays: 36501\n"));
  }
}
