package dev.iamaudit.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.rules.ApikeyInactive;
import dev.iamaudit.rules.Rule;
import dev.iamaudit.rules.RuleContext;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streaming audit against the in-memory engine it replaced ({@link InMemoryEngine}), on
 * generated accounts: the same findings in the same order, field for field, whether they stay in
 * memory or are spilled to files in many runs, and counts that agree with them.
 */
class StreamingAuditTest {
  private static final Clock CLOCK = Clock.fixed(GeneratedAccount.NOW, ZoneOffset.UTC);

  @TempDir Path temp;

  /**
   * @param budget bytes held in memory before findings go to files: 1 writes every finding as a run
   *     of its own
   */
  @ParameterizedTest
  @CsvSource({
    "1, 40, false, false, 16777216",
    "2, 400, false, false, 1",
    "3, 400, true, false, 1",
    "4, 3000, true, true, 4096",
    "5, 3000, false, true, 65536",
    "6, 6000, true, false, 32768",
    "7, 6000, false, false, 16777216"
  })
  void findsWhatTheInMemoryEngineFound(
      long seed, int identities, boolean shuffled, boolean duplicates, long budget)
      throws Exception {
    GeneratedAccount account = new GeneratedAccount(seed, identities, shuffled, duplicates);
    Inventory inventory = account.inventory();
    Policy policy = account.policy();
    Allowlist allowlist = account.allowlist();
    List<Finding> expected =
        new InMemoryEngine(Rules.identityRules(), policy, allowlist, CLOCK).findings(inventory);

    Path directory;
    try (Spill spill = Spill.under(temp, budget);
        AuditRun run =
            TestAudits.engine(Rules.identityRules(), policy, allowlist, CLOCK)
                .start(spill, null, null)) {
      AuditResult result = run.finish(AccountSink.feed(inventory, run), List.of("a note"));

      assertEquals(expected, TestAudits.list(result.findings()));
      // Read twice, as every report reads them again.
      assertEquals(expected, TestAudits.list(result.findings()));
      assertEquals(expected.size(), result.findings().size());
      for (RuleEvaluation evaluation : result.evaluations()) {
        List<Finding> ofRule =
            expected.stream().filter(f -> f.rule().equals(evaluation.rule().id())).toList();
        assertEquals(ofRule, TestAudits.list(result.findings().ofRule(evaluation.rule().id())));
        assertEquals(ofRule.stream().filter(Finding::isViolation).count(), evaluation.violations());
        assertEquals(
            ofRule.stream().filter(f -> !f.isViolation()).count(), evaluation.allowlisted());
        assertEquals(ofRule.stream().filter(f -> blocks(f, policy)).count(), evaluation.blocking());
      }
      List<Finding> violations = expected.stream().filter(Finding::isViolation).toList();
      assertEquals(
          violations.subList(0, Math.min(AuditRun.FIRST_VIOLATIONS, violations.size())),
          result.firstViolations());
      assertEquals(
          expected.stream().filter(f -> blocks(f, policy)).count(), result.gate().blocking());
      assertEquals(inventory.identities().count(), result.scope().identities());
      assertEquals(List.of("a note"), result.notes());
      directory = spill.directory();
      assertEquals(budget < 1 << 20, directory != null, "files only beyond the budget");
      if (directory != null) {
        // Findings name the account's identities: the run's directory is its user's alone.
        assertEquals(
            PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(directory));
      }
    }
    if (directory != null) {
      assertFalse(Files.exists(directory), "the spill's directory is deleted when it is closed");
    }
  }

  private static boolean blocks(Finding finding, Policy policy) {
    return finding.isViolation() && policy.failOn().fails(finding.severity());
  }

  @ParameterizedTest
  @CsvSource({"11, 1", "12, 16777216"})
  void keepsARowPerIdentityWithItsVerdicts(long seed, long budget) {
    GeneratedAccount account = new GeneratedAccount(seed, 2000, true, false);
    Inventory inventory = account.inventory();
    Policy policy = account.policy();
    Allowlist allowlist = account.allowlist();
    List<Finding> expected =
        new InMemoryEngine(Rules.identityRules(), policy, allowlist, CLOCK).findings(inventory);
    try (Spill spill = Spill.under(temp, budget);
        AuditRun run =
            TestAudits.engine(Rules.identityRules(), policy, allowlist, CLOCK)
                .start(
                    spill,
                    (identity, asOf, out) ->
                        out.append("columns of ").append(identity.entity().id()),
                    null)) {
      AuditResult result = run.finish(AccountSink.feed(inventory, run), List.of());
      List<Identity> identities = inventory.identities().toList();
      List<IdentityRows.Row> rows = TestAudits.list(result.identityRows().rows());
      assertEquals(identities.size(), rows.size());
      int others = 0;
      for (int i = 0; i < rows.size(); i++) {
        IdentityRows.Row row = rows.get(i);
        Identity identity = identities.get(i);
        assertEquals(identity.entity().type(), row.type());
        assertEquals(identity.entity().id(), row.id());
        assertEquals("columns of " + identity.entity().id(), row.columns());
        // What the rules found on being shown the identity; the rest (across identities, the
        // account) is apart.
        List<String> found =
            row.verdicts().stream().map(v -> v.rule() + " " + v.status().id()).sorted().toList();
        List<Finding> about =
            expected.stream()
                .filter(
                    f ->
                        f.entity().type() == row.type()
                            && f.entity().id().equals(row.id())
                            && !f.rule().equals("user-multiple-apikeys"))
                .toList();
        assertEquals(
            about.stream().map(f -> f.rule() + " " + f.status().id()).sorted().toList(), found);
      }
      for (IdentityRows.Other other : result.identityRows().others()) {
        assertTrue(
            other.verdict().rule().startsWith("allowlist-")
                || other.verdict().rule().startsWith("account-")
                || other.verdict().rule().equals("user-multiple-apikeys"),
            other.verdict().rule());
        others++;
      }
      assertEquals(
          expected.stream()
              .filter(
                  f ->
                      f.rule().startsWith("allowlist-")
                          || f.rule().startsWith("account-")
                          || f.rule().equals("user-multiple-apikeys"))
              .map(f -> f.rule() + " " + f.entity().id())
              .toList(),
          result.identityRows().others().stream()
              .map(o -> o.verdict().rule() + " " + o.entity().id())
              .toList());
      assertTrue(others > 0);
    }
  }

  @Test
  void aFailingSourceStopsTheAuditAndLeavesNoFiles() {
    Inventory inventory = new GeneratedAccount(21, 3000, true, false).inventory();
    Path directory;
    try (Spill spill = Spill.under(temp, 1)) {
      try (AuditRun run =
          TestAudits.engine(
                  Rules.identityRules(), Policy.defaults(Rules.specs()), Allowlist.NONE, CLOCK)
              .start(spill, null, null)) {
        run.begin(RuleContext.of(inventory));
        Stream<Identity> identities = inventory.identities();
        assertThrows(
            IllegalStateException.class,
            () ->
                identities.forEach(
                    identity -> {
                      run.accept(identity);
                      if (identity.entity().id().endsWith("0999")) {
                        throw new IllegalStateException("the report ends early");
                      }
                    }));
      }
      directory = spill.directory();
      assertNotNull(directory);
    }
    assertFalse(Files.exists(directory));
  }

  @Test
  void aRuleThatFailsFailsTheAudit() {
    Inventory inventory = new GeneratedAccount(31, 3000, true, false).inventory();
    RuntimeException bug = new IllegalStateException("a rule's bug");
    Rule failing = new ThrowingRule(new ApikeyInactive(), 1500, bug);
    try (Spill spill = Spill.under(temp, Spill.DEFAULT_BUDGET);
        AuditRun run =
            TestAudits.engine(
                    List.of(failing), Policy.defaults(Rules.specs()), Allowlist.NONE, CLOCK)
                .start(spill, null, null)) {
      RuntimeException thrown =
          assertThrows(
              RuntimeException.class,
              () -> run.finish(AccountSink.feed(inventory, run), List.of()));
      assertEquals(bug, thrown);
      assertNull(spill.directory());
    }
  }

  @Test
  void aTemporaryDirectoryThatCannotBeMadeIsAUsageErrorThatSaysWhatToDo() throws Exception {
    Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
    Inventory inventory = new GeneratedAccount(41, 400, false, false).inventory();
    try (Spill spill = Spill.under(file.resolve("tmp"), 1);
        AuditRun run =
            TestAudits.engine(
                    Rules.identityRules(), Policy.defaults(Rules.specs()), Allowlist.NONE, CLOCK)
                .start(spill, null, null)) {
      UsageException e =
          assertThrows(
              UsageException.class, () -> run.finish(AccountSink.feed(inventory, run), List.of()));
      assertEquals(
          "Could not keep the audit's findings in temporary files under "
              + file.resolve("tmp")
              + ": Not a directory; point java.io.tmpdir at a writable directory with room (java"
              + " -Djava.io.tmpdir=DIR -jar ..., MAVEN_OPTS for Maven)",
          e.getMessage());
    }
  }

  /**
   * Each finding's line, written as the finding is kept, comes back in report order, from memory or
   * merged from runs; a finding whose line could not be written comes back whole, for the report to
   * write.
   */
  @ParameterizedTest
  @CsvSource({"51, 1", "52, 16777216"})
  void keepsEachFindingsLineInReportOrder(long seed, long budget) throws Exception {
    GeneratedAccount account = new GeneratedAccount(seed, 3000, true, true);
    Inventory inventory = account.inventory();
    Policy policy = account.policy();
    Allowlist allowlist = account.allowlist();
    List<Finding> expected =
        new InMemoryEngine(Rules.identityRules(), policy, allowlist, CLOCK).findings(inventory);
    FindingLines lines =
        out ->
            finding -> {
              if (finding.entity().id().endsWith("7")) {
                throw new IOException("cannot write " + finding.entity().id());
              }
              out.write(
                  (finding.rule() + "|" + finding.entity().id() + "|" + finding.message())
                      .getBytes(UTF_8));
            };
    try (Spill spill = Spill.under(temp, budget);
        AuditRun run =
            TestAudits.engine(Rules.identityRules(), policy, allowlist, CLOCK)
                .start(spill, null, lines)) {
      AuditResult result = run.finish(AccountSink.feed(inventory, run), List.of());
      List<String> written = new ArrayList<>();
      result
          .findings()
          .writeLines(
              new Findings.LineSink() {
                @Override
                public void line(byte[] bytes, int offset, int length) {
                  written.add(new String(bytes, offset, length, UTF_8));
                }

                @Override
                public void finding(Finding finding) {
                  written.add("late " + finding.fingerprint());
                }
              });
      assertEquals(
          expected.stream()
              .map(
                  f ->
                      f.entity().id().endsWith("7")
                          ? "late " + f.fingerprint()
                          : f.rule() + "|" + f.entity().id() + "|" + f.message())
              .toList(),
          written);
      assertTrue(result.findings().hasLines());
    }
  }

  @Test
  void findingsInFilesCannotBeReadOnceTheSpillIsClosed() {
    Inventory inventory = new GeneratedAccount(61, 400, false, false).inventory();
    AuditResult result;
    try (Spill spill = Spill.under(temp, 1);
        AuditRun run =
            TestAudits.engine(
                    Rules.identityRules(), Policy.defaults(Rules.specs()), Allowlist.NONE, CLOCK)
                .start(spill, null, null)) {
      result = run.finish(AccountSink.feed(inventory, run), List.of());
    }
    assertEquals(
        "the audit's temporary files are deleted: findings are read before the spill is closed",
        assertThrows(IllegalStateException.class, () -> TestAudits.list(result.findings()))
            .getMessage());
  }

  /**
   * A finding longer than a block and than the window runs are read through, next to short ones, in
   * files.
   */
  @Test
  void aFindingLongerThanTheReadingWindowComesBackWhole() {
    Inventory inventory =
        TestInventory.builder()
            .key(TestInventory.userKey("ApiKey-1", "IBMid-1", TestInventory.lastAuthn(200), null))
            .key(
                new ApiKey(
                    "ApiKey-2",
                    "x".repeat(100_000),
                    "IBMid-1",
                    KeyOwner.user("IBMid-1"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    TestInventory.lastAuthn(300),
                    null))
            .key(TestInventory.userKey("ApiKey-3", "IBMid-1", TestInventory.lastAuthn(400), null))
            .build();
    Clock clock = Clock.fixed(TestInventory.AS_OF, ZoneOffset.UTC);
    List<Finding> expected =
        new InMemoryEngine(
                Rules.identityRules(), Policy.defaults(Rules.specs()), Allowlist.NONE, clock)
            .findings(inventory);
    try (Spill spill = Spill.under(temp, 1);
        AuditRun run =
            TestAudits.engine(
                    Rules.identityRules(), Policy.defaults(Rules.specs()), Allowlist.NONE, clock)
                .start(spill, null, null)) {
      AuditResult result = run.finish(AccountSink.feed(inventory, run), List.of());
      assertEquals(expected, TestAudits.list(result.findings()));
      assertTrue(expected.get(1).message().length() > 100_000);
    }
  }
}
