package dev.iamaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedFilesTest {
  private static final Policy DEFAULTS = Policy.defaults(Rules.specs());

  @TempDir Path dir;

  private Policy policy(String yaml) throws IOException {
    return new PolicyLoader(Rules.specs())
        .load(Files.writeString(dir.resolve("iam-audit.yml"), yaml), "governance/iam-audit.yml");
  }

  private Allowlist allowlist(String yaml) throws IOException {
    return new AllowlistLoader(
            Rules.all().stream().map(rule -> rule.id()).toList(), LocalDate.of(2026, 11, 24), 365)
        .load(Files.writeString(dir.resolve("iam-allowlist.yml"), yaml), "iam-allowlist.yml");
  }

  @Test
  void aPolicyNamesItsPresetAndHowManyRulesItSetsApartFromTheDefaults() throws IOException {
    assertEquals(
        "Policy: governance/iam-audit.yml (preset cis, 3 rules differ from the defaults)",
        LoadedFiles.policy(policy("preset: cis\n"), DEFAULTS));
    assertEquals(
        "Policy: governance/iam-audit.yml (preset fs-cloud, 1 rule differs from the defaults)",
        LoadedFiles.policy(policy("preset: fs-cloud\n"), DEFAULTS));
    assertEquals(
        "Policy: governance/iam-audit.yml (1 rule differs from the defaults)",
        LoadedFiles.policy(
            policy("rules:\n  apikey-inactive: { severity: critical }\n"), DEFAULTS));
    assertEquals(
        "Policy: governance/iam-audit.yml (2 rules differ from the defaults)",
        LoadedFiles.policy(
            policy(
                "rules:\n"
                    + "  apikey-inactive: { maxDays: 30 }\n"
                    + "  apikey-no-expiry: { enabled: true }\n"),
            DEFAULTS));
  }

  @Test
  void aPolicyThatRestatesTheDefaultsChangesNoRule() throws IOException {
    assertEquals(
        "Policy: governance/iam-audit.yml (every rule at its default)",
        LoadedFiles.policy(
            policy("failOn: high\nrules:\n  apikey-inactive: { maxDays: 90, severity: high }\n"),
            DEFAULTS));
    assertEquals(
        "Policy: governance/iam-audit.yml (every rule at its default)",
        LoadedFiles.policy(policy(""), DEFAULTS));
  }

  @Test
  void anAllowlistCountsItsEntries() throws IOException {
    String entry =
        """
        - match: { id: ApiKey-%d }
          reason: "Break-glass key"
          expires: 2027-01-31
        """;
    assertEquals(
        "Allowlist: iam-allowlist.yml (0 entries)", LoadedFiles.allowlist(allowlist("[]\n")));
    assertEquals(
        "Allowlist: iam-allowlist.yml (1 entry)",
        LoadedFiles.allowlist(allowlist(entry.formatted(1))));
    assertEquals(
        "Allowlist: iam-allowlist.yml (2 entries)",
        LoadedFiles.allowlist(allowlist(entry.formatted(1) + entry.formatted(2))));
  }

  @Test
  void noFileSaysWhereItWasLookedForAndWhatThatMeans() {
    assertEquals(
        "Policy: none found at iam-audit.yml, using the defaults",
        LoadedFiles.noPolicy("iam-audit.yml"));
    assertEquals(
        "Allowlist: none found at ../iam-allowlist.yml, no exceptions",
        LoadedFiles.noAllowlist("../iam-allowlist.yml"));
    assertEquals(List.of(), Allowlist.NONE.entries());
  }
}
