package dev.iamaudit.audit;

import static dev.iamaudit.inventory.TestInventory.daysAgo;
import static dev.iamaudit.inventory.TestInventory.lastAuthn;
import static dev.iamaudit.inventory.TestInventory.userKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.FilePosition;
import dev.iamaudit.policy.Match;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.Rules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditEngineTest {
  private static final Clock CLOCK = Clock.fixed(TestInventory.AS_OF, ZoneOffset.UTC);
  private static final Policy POLICY = Policy.defaults(Rules.specs());

  private static final Inventory INVENTORY =
      TestInventory.builder()
          .key(userKey("ApiKey-stale", "IBMid-1", lastAuthn(200), null))
          .key(userKey("ApiKey-fresh", "IBMid-2", Activity.RECENT, daysAgo(10)))
          .build();

  private static AllowlistEntry entry(String id, String rule, LocalDate expires, int line) {
    return new AllowlistEntry(
        new Match(id, null, null, null),
        rule == null ? Set.of() : Set.of(rule),
        "kept",
        "secops@example.com",
        expires,
        new FilePosition("iam-allowlist.yml", line, 3));
  }

  private static AuditResult audit(Policy policy, Inventory inventory, AllowlistEntry... entries) {
    Allowlist allowlist =
        entries.length == 0 ? Allowlist.NONE : new Allowlist(List.of(entries), "iam-allowlist.yml");
    return TestAudits.audit(
        TestAudits.engine(Rules.identityRules(), policy, allowlist, CLOCK),
        inventory,
        List.of(),
        null,
        null);
  }

  private static List<String> summary(AuditResult result) {
    return TestAudits.list(result.findings()).stream()
        .map(
            f ->
                f.rule()
                    + " "
                    + f.entity().id()
                    + " "
                    + f.status().id()
                    + " "
                    + f.severity().id()
                    + " @"
                    + f.location())
        .toList();
  }

  @Test
  void withoutAllowlistTheFindingIsAViolationPointingAtTheAnchor() {
    AuditResult result = audit(POLICY, INVENTORY);
    assertEquals(
        List.of("apikey-inactive ApiKey-stale violation high @iam-audit-report/iam-audit.sarif:1"),
        summary(result));
    assertTrue(result.gate().failed());
    assertEquals("failed", result.gate().id());
  }

  @Test
  void unexpiredEntryAllowlistsAndThePointsAtIt() {
    AuditResult result =
        audit(
            POLICY,
            INVENTORY,
            entry("ApiKey-stale", "apikey-inactive", LocalDate.of(2026, 11, 24), 4));
    assertEquals(
        List.of("apikey-inactive ApiKey-stale allowlisted high @iam-allowlist.yml:4"),
        summary(result));
    assertFalse(result.gate().failed());
    assertEquals(1, result.allowlisted());
  }

  @Test
  void expiredEntryLetsTheFindingThroughAndIsReported() {
    AuditResult result =
        audit(POLICY, INVENTORY, entry("ApiKey-stale", null, LocalDate.of(2026, 11, 23), 1));
    assertEquals(
        List.of(
            "apikey-inactive ApiKey-stale violation high @iam-allowlist.yml:1",
            "allowlist-expired a1b2c3 violation medium @iam-allowlist.yml:1"),
        summary(result));
    assertEquals(
        "Allowlist entry at iam-allowlist.yml:1:3 (id=ApiKey-stale) expired on 2026-11-23 (today is"
            + " 2026-11-24); the 1 finding it covered counts again. Fix: clean up and delete the"
            + " entry, or review it and set a new expires date (owner: secops@example.com).",
        TestAudits.list(result.findings()).get(1).message());
  }

  @Test
  void anExpiredEntryDoesNotHideAValidOneFurtherDown() {
    AllowlistEntry expired =
        new AllowlistEntry(
            new Match(null, null, "key ApiKey-*", null),
            Set.of(),
            "old",
            null,
            LocalDate.of(2026, 11, 1),
            new FilePosition("iam-allowlist.yml", 1, 3));
    AuditResult result =
        audit(
            POLICY,
            INVENTORY,
            expired,
            entry("ApiKey-stale", "apikey-inactive", LocalDate.of(2027, 1, 1), 5));
    assertEquals(
        List.of(
            "apikey-inactive ApiKey-stale allowlisted high @iam-allowlist.yml:5",
            "allowlist-expired a1b2c3 violation medium @iam-allowlist.yml:1"),
        summary(result));
    assertEquals(
        "Allowlist entry at iam-allowlist.yml:1:3 (name=key ApiKey-*) expired on 2026-11-01 (today"
            + " is 2026-11-24) and covers no finding of this run. Fix: clean up and delete the"
            + " entry, or review it and set a new expires date.",
        TestAudits.list(result.findings()).get(1).message());
  }

  @Test
  void entryMatchingNothingIsUnused() {
    AuditResult result =
        audit(
            POLICY,
            INVENTORY,
            entry("ApiKey-gone", "apikey-inactive", LocalDate.of(2027, 1, 1), 7));
    assertEquals(
        List.of(
            "apikey-inactive ApiKey-stale violation high @iam-allowlist.yml:1",
            "allowlist-unused a1b2c3 violation low @iam-allowlist.yml:7"),
        summary(result));
    assertEquals(
        "Allowlist entry at iam-allowlist.yml:7:3 (id=ApiKey-gone) matched no finding of"
            + " apikey-inactive. Fix: delete the entry if the identity is gone or compliant, or"
            + " correct its match.",
        TestAudits.list(result.findings()).get(1).message());
  }

  @Test
  void entryForARuleThatCouldNotRunIsNotCalledUnused() {
    AuditResult result =
        audit(
            POLICY,
            INVENTORY,
            entry("ApiKey-fresh", "apikey-too-old", LocalDate.of(2027, 1, 1), 1),
            entry("ApiKey-other", null, LocalDate.of(2027, 1, 1), 5));
    assertEquals(
        List.of("apikey-inactive ApiKey-stale violation high @iam-allowlist.yml:1"),
        summary(result));
  }

  @Test
  void entryForAnotherRuleDoesNotCover() {
    Inventory withListing =
        TestInventory.builder()
            .with(DataSet.API_KEYS)
            .key(userKey("ApiKey-stale", "IBMid-1", lastAuthn(200), null))
            .build();
    AuditResult result =
        audit(
            POLICY,
            withListing,
            entry("ApiKey-stale", "apikey-too-old", LocalDate.of(2027, 1, 1), 1));
    assertEquals(
        List.of(
            "apikey-inactive ApiKey-stale violation high @iam-allowlist.yml:1",
            "allowlist-unused a1b2c3 violation low @iam-allowlist.yml:1"),
        summary(result));
  }

  @Test
  void gateFollowsFailOn() {
    assertFalse(audit(POLICY.withFailOn(FailOn.of(Severity.CRITICAL)), INVENTORY).gate().failed());
    assertFalse(audit(POLICY.withFailOn(FailOn.NEVER), INVENTORY).gate().failed());
    assertTrue(audit(POLICY.withFailOn(FailOn.of(Severity.HIGH)), INVENTORY).gate().failed());
  }

  @Test
  void disabledAndUnevaluatedRulesAreRecorded() {
    AuditResult result = audit(POLICY, INVENTORY);
    assertEquals(RuleEvaluation.State.DISABLED, state(result, "apikey-high-usage"));
    assertEquals(RuleEvaluation.State.NOT_EVALUATED, state(result, "apikey-too-old"));
    assertEquals(RuleEvaluation.State.EVALUATED, state(result, "apikey-inactive"));
    assertEquals(
        List.of(
            "apikey-too-old",
            "apikey-orphaned",
            "apikey-leak-action-none",
            "account-apikey-creation-unrestricted",
            "account-serviceid-creation-unrestricted",
            "account-mfa-disabled",
            "user-mfa-exempt",
            "user-mfa-not-enrolled",
            "user-invitation-stale",
            "account-user-list-visible",
            "account-settings-drift"),
        result.notEvaluated().stream().map(evaluation -> evaluation.rule().id()).toList());
  }

  @Test
  void findingsAreSortedBySeverityRuleAndIdentityAndFingerprintsAreStable() {
    Inventory inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS)
            .key(userKey("ApiKey-b", "IBMid-1", lastAuthn(200), daysAgo(400)))
            .key(userKey("ApiKey-a", "IBMid-1", lastAuthn(200), daysAgo(400)))
            .build();
    AuditResult first = audit(POLICY, inventory);
    assertEquals(
        List.of(
            "apikey-inactive ApiKey-a violation high @iam-audit-report/iam-audit.sarif:1",
            "apikey-inactive ApiKey-b violation high @iam-audit-report/iam-audit.sarif:1",
            "apikey-too-old ApiKey-a violation medium @iam-audit-report/iam-audit.sarif:1",
            "apikey-too-old ApiKey-b violation medium @iam-audit-report/iam-audit.sarif:1",
            "user-multiple-apikeys IBMid-1 violation low @iam-audit-report/iam-audit.sarif:1"),
        summary(first));
    assertEquals(
        TestAudits.list(first.findings()).stream().map(Finding::fingerprint).toList(),
        TestAudits.list(audit(POLICY, inventory).findings()).stream()
            .map(Finding::fingerprint)
            .toList());
    assertEquals(
        5, TestAudits.list(first.findings()).stream().map(Finding::fingerprint).distinct().count());
  }

  private static RuleEvaluation.State state(AuditResult result, String rule) {
    return result.evaluations().stream()
        .filter(e -> e.rule().id().equals(rule))
        .findFirst()
        .orElseThrow()
        .state();
  }
}
