package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.Location;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.audit.Status;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.FilePosition;
import dev.iamaudit.policy.Match;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.ApikeyInactive;
import dev.iamaudit.rules.MessageText;
import dev.iamaudit.rules.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JunitCasesTest {
  private static final Rule RULE = new ApikeyInactive();
  private static final Location POLICY = Location.line("iam-audit.yml", 1);
  private static final RuleEvaluation EVALUATED =
      new RuleEvaluation(RULE, RULE.spec().defaults(), RuleEvaluation.State.EVALUATED, null, 40);

  private static Finding finding(String id, Severity severity, Status status) {
    Entity entity = new Entity(IdentityType.APIKEY, id, null, "name " + id);
    AllowlistEntry entry = status == Status.ALLOWLISTED
        ? new AllowlistEntry(new Match(id, null, null, null), Set.of(), "accepted", null, LocalDate.of(2027, 1, 1),
            new FilePosition("allow.yml", 1, 3))
        : null;
    return new Finding(RULE.id(), severity, status, entity, MessageText.of("about " + id), ReportFixtures.ACCOUNT,
        null, entry, POLICY);
  }

  /** The cases as the sink got them: "name: failed|skipped", "checked N of M findings", or the skip reason. */
  private static List<String> cases(JunitCases cases) throws Exception {
    List<String> seen = new ArrayList<>();
    cases.forEach(new JunitCases.Sink() {
      @Override
      public void finding(String name, Finding finding, boolean blocking) {
        seen.add(name + ": " + (blocking ? "failed" : "skipped"));
      }

      @Override
      public void checked(RuleEvaluation evaluation, long findings) {
        seen.add("checked " + evaluation.checked() + " with " + findings + " findings");
      }

      @Override
      public void notEvaluated(String message) {
        seen.add(message);
      }
    });
    return seen;
  }

  @Test
  void onlyViolationsAtOrAboveFailOnFailAndTheCheckedIdentitiesAreOnePassingCase() throws Exception {
    List<Finding> findings = List.of(finding("A", Severity.HIGH, Status.VIOLATION),
        finding("B", Severity.HIGH, Status.ALLOWLISTED), finding("C", Severity.LOW, Status.VIOLATION));

    JunitCases cases = JunitCases.of(EVALUATED, findings, FailOn.DEFAULT);

    assertEquals(List.of("apikey A (name A): failed", "apikey B (name B): skipped", "apikey C (name C): skipped",
        "checked 40 with 3 findings"), cases(cases));
    assertEquals(new JunitCases.Counts(4, 1, 2), cases.counts());
  }

  @Test
  void failOnNeverFailsNothing() throws Exception {
    JunitCases cases = JunitCases.of(EVALUATED, List.of(finding("A", Severity.CRITICAL, Status.VIOLATION)),
        FailOn.NEVER);

    assertEquals(List.of("apikey A (name A): skipped", "checked 40 with 1 findings"), cases(cases));
    assertEquals(new JunitCases.Counts(2, 0, 1), cases.counts());
  }

  @Test
  void aSecondFindingAboutTheSameIdentityIsNamedWithItsFingerprint() throws Exception {
    Finding first = finding("A", Severity.HIGH, Status.VIOLATION);
    JunitCases cases = JunitCases.of(EVALUATED, List.of(first, first), FailOn.DEFAULT);

    assertEquals(List.of("apikey A (name A): failed", "apikey A (name A) [" + first.fingerprint() + "]: failed",
        "checked 40 with 2 findings"), cases(cases));
  }

  @Test
  void ruleNotEvaluatedIsOneSkippedCase() throws Exception {
    JunitCases cases = JunitCases.of(
        new RuleEvaluation(RULE, RULE.spec().defaults(), RuleEvaluation.State.NOT_EVALUATED, "no data", 0), List.of(),
        FailOn.DEFAULT);

    assertEquals(List.of("not evaluated: no data"), cases(cases));
    assertEquals(new JunitCases.Counts(1, 0, 1), cases.counts());
  }
}
