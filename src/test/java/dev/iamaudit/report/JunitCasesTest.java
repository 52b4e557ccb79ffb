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
import dev.iamaudit.rules.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JunitCasesTest {
  private static final Rule RULE = new ApikeyInactive();
  private static final Location POLICY = Location.line("iam-audit.yml", 1);

  /** The rule's evaluation as the audit counts {@code findings} under {@code failOn}. */
  private static RuleEvaluation evaluated(List<Finding> findings, FailOn failOn) {
    long violations = findings.stream().filter(Finding::isViolation).count();
    long blocking =
        findings.stream().filter(f -> f.isViolation() && failOn.fails(f.severity())).count();
    return new RuleEvaluation(
        RULE,
        RULE.spec().defaults(),
        RuleEvaluation.State.EVALUATED,
        null,
        40,
        violations,
        findings.size() - violations,
        blocking);
  }

  private static JunitCases cases(List<Finding> findings, FailOn failOn) {
    return JunitCases.of(evaluated(findings, failOn), findings, failOn);
  }

  private static Finding finding(String id, Severity severity, Status status) {
    Entity entity = new Entity(IdentityType.APIKEY, id, null, "name " + id);
    AllowlistEntry entry =
        status == Status.ALLOWLISTED
            ? new AllowlistEntry(
                new Match(id, null, null, null),
                Set.of(),
                "accepted",
                null,
                LocalDate.of(2027, 1, 1),
                new FilePosition("allow.yml", 1, 3))
            : null;
    return new Finding(
        RULE.id(), severity, status, entity, "about " + id, "fp-" + id, entry, POLICY);
  }

  /**
   * The cases in order: "name: failed|skipped", then the passing case's count; or the skip reason.
   */
  private static List<String> cases(JunitCases cases) {
    if (cases instanceof JunitCases.NotEvaluated notEvaluated) {
      return List.of(notEvaluated.message());
    }
    JunitCases.PerFinding perFinding = (JunitCases.PerFinding) cases;
    List<String> seen = new ArrayList<>();
    for (JunitCases.Case found : perFinding.cases()) {
      seen.add(found.name() + ": " + (found.blocking() ? "failed" : "skipped"));
    }
    seen.add(
        "checked "
            + perFinding.evaluation().checked()
            + " with "
            + perFinding.evaluation().findings()
            + " findings");
    return seen;
  }

  @Test
  void onlyViolationsAtOrAboveFailOnFailAndTheCheckedIdentitiesAreOnePassingCase() {
    List<Finding> findings =
        List.of(
            finding("A", Severity.HIGH, Status.VIOLATION),
            finding("B", Severity.HIGH, Status.ALLOWLISTED),
            finding("C", Severity.LOW, Status.VIOLATION));

    JunitCases cases = cases(findings, FailOn.DEFAULT);

    assertEquals(
        List.of(
            "apikey A (name A): failed",
            "apikey B (name B): skipped",
            "apikey C (name C): skipped",
            "checked 40 with 3 findings"),
        cases(cases));
    assertEquals(new JunitCases.Counts(4, 1, 2), cases.counts());
  }

  @Test
  void failOnNeverFailsNothing() {
    JunitCases cases =
        cases(List.of(finding("A", Severity.CRITICAL, Status.VIOLATION)), FailOn.NEVER);

    assertEquals(List.of("apikey A (name A): skipped", "checked 40 with 1 findings"), cases(cases));
    assertEquals(new JunitCases.Counts(2, 0, 1), cases.counts());
  }

  @Test
  void aSecondFindingAboutTheSameIdentityIsNamedWithItsFingerprint() {
    Finding first = finding("A", Severity.HIGH, Status.VIOLATION);
    JunitCases cases = cases(List.of(first, first), FailOn.DEFAULT);

    assertEquals(
        List.of(
            "apikey A (name A): failed",
            "apikey A (name A) [fp-A]: failed",
            "checked 40 with 2 findings"),
        cases(cases));
  }

  /**
   * Names are kept only along the chain of ids that are prefixes of the current one: an id that is
   * the earlier one followed by " (" gives the same name as the earlier one with its name, however
   * far apart the two sort.
   */
  @Test
  void aNameEqualToAnEarlierIdentitysIsNamedWithItsFingerprint() {
    Finding named =
        new Finding(
            RULE.id(),
            Severity.HIGH,
            Status.VIOLATION,
            new Entity(IdentityType.APIKEY, "A", null, "x"),
            "about A",
            "fp-A",
            null,
            POLICY);
    Finding between = finding("A (a", Severity.HIGH, Status.VIOLATION);
    Finding unnamed =
        new Finding(
            RULE.id(),
            Severity.HIGH,
            Status.VIOLATION,
            new Entity(IdentityType.APIKEY, "A (x)", null, null),
            "about A (x)",
            "fp-A (x)",
            null,
            POLICY);
    Finding other = finding("B", Severity.HIGH, Status.VIOLATION);

    assertEquals(
        List.of(
            "apikey A (x): failed",
            "apikey A (a (name A (a): failed",
            "apikey A (x) [fp-A (x)]: failed",
            "apikey B (name B): failed",
            "checked 40 with 4 findings"),
        cases(cases(List.of(named, between, unnamed, other), FailOn.DEFAULT)));
  }

  @Test
  void ruleNotEvaluatedIsOneSkippedCase() {
    JunitCases cases =
        JunitCases.of(
            new RuleEvaluation(
                RULE, RULE.spec().defaults(), RuleEvaluation.State.NOT_EVALUATED, "no data", 0),
            List.of(),
            FailOn.DEFAULT);

    assertEquals(List.of("not evaluated: no data"), cases(cases));
    assertEquals(new JunitCases.Counts(1, 0, 1), cases.counts());
  }
}
