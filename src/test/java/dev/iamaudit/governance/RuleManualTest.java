package dev.iamaudit.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.AllowlistLoader;
import dev.iamaudit.policy.Match;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.PolicyLoader;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.report.Golden;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleManualTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final Path GOLDEN = Path.of("src/test/resources/dev/iamaudit/governance");
  private static final RuleManual MANUAL = new RuleManual(Rules.all(), TODAY);

  @TempDir Path dir;

  @Test
  void listsEveryRuleWithItsDefaultsAndData() {
    Golden.assertFile(GOLDEN.resolve("rules.txt"), MANUAL.list());
    assertEquals(Rules.all().size() + 1, MANUAL.list().lines().count());
  }

  @Test
  void explainsARuleWithItsSnippets() {
    Golden.assertFile(
        GOLDEN.resolve("rules-apikey-never-used.txt"), MANUAL.explain("apikey-never-used"));
  }

  @Test
  void explainsAnAllowlistRuleThatMapsToNoControl() {
    assertEquals(
        """
        allowlist-unused: Allowlist entry matches nothing

        Default:    on, severity low
        Parameters: none
        Data:       the allowlist
        Compliance: none
        """,
        MANUAL
            .explain("allowlist-unused")
            .lines()
            .limit(6)
            .collect(Collectors.joining("\n", "", "\n")));
  }

  @Test
  void anUnknownIdIsAUsageErrorNamingTheClosest() {
    UsageException e = assertThrows(UsageException.class, () -> MANUAL.explain("apikey-inactiv"));

    assertEquals(
        "unknown rule 'apikey-inactiv'; did you mean 'apikey-inactive'?; known rules: "
            + Rules.all().stream().map(RuleDescriptor::id).collect(Collectors.joining(", ")),
        e.getMessage());
    assertEquals(2, e.exitCode());
  }

  @Test
  void anIdFarFromEveryRuleGetsNoGuess() {
    assertEquals(
        "unknown rule 'mfa'; known rules: "
            + Rules.all().stream().map(RuleDescriptor::id).collect(Collectors.joining(", ")),
        assertThrows(UsageException.class, () -> MANUAL.explain("mfa")).getMessage());
  }

  /** What every explanation offers to copy is accepted by the real loaders as it stands. */
  @Test
  void everyRulesSnippetsLoad() throws IOException {
    for (RuleDescriptor rule : Rules.all()) {
      String text = MANUAL.explain(rule.id());
      Path policy =
          Files.writeString(dir.resolve("iam-audit.yml"), snippet(text, "Configure it in"));
      RuleConfig loaded =
          new PolicyLoader(Rules.specs()).load(policy, "iam-audit.yml").rule(rule.id());
      RuleConfig defaults = rule.spec().defaults();
      assertEquals(
          List.of(defaults.enabled(), defaults.severity(), defaults.params()),
          List.of(loaded.enabled(), loaded.severity(), loaded.params()),
          rule.id());
      Path allowlist =
          Files.writeString(dir.resolve("iam-allowlist.yml"), snippet(text, "Accept one of"));
      List<AllowlistEntry> entries =
          new AllowlistLoader(
                  Rules.all().stream().map(RuleDescriptor::id).toList(),
                  TODAY,
                  Policy.DEFAULT_ALLOWLIST_MAX_DAYS)
              .load(allowlist, "iam-allowlist.yml")
              .entries();
      assertEquals(new Match("ID-FROM-THE-FINDING", null, null, null), entries.get(0).match());
      assertEquals(Set.of(rule.id()), entries.get(0).rules());
    }
  }

  /** The indented lines after the line starting with {@code heading}, unindented. */
  private static String snippet(String text, String heading) {
    List<String> lines =
        text.lines()
            .dropWhile(line -> !line.startsWith(heading))
            .skip(1)
            .takeWhile(line -> line.startsWith("  "))
            .toList();
    return lines.stream()
        .map(line -> line.substring(2))
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
