package dev.iamaudit.audit;

import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Everything one audit produced, for the report writers and the gate: counts and the first
 * violations in memory, the findings to be read back in report order. Its size does not depend on
 * the number of identities.
 *
 * @param evaluations how each rule fared and what it found, in the catalog's order
 * @param findings every finding, sorted: most severe first, then by rule and identity; readable
 *     until the audit's {@link Spill} is closed
 * @param firstViolations the first {@value AuditRun#FIRST_VIOLATIONS} violations of {@code
 *     findings}, or all of them
 * @param identityRows each identity judged, for a report that lists identities; null when none was
 *     asked for
 * @param notes what the run had to say about its data ("triggered a new report because ...")
 */
public record AuditResult(
    Instant generatedAt,
    AuditScope scope,
    Policy policy,
    Allowlist allowlist,
    List<RuleEvaluation> evaluations,
    Findings findings,
    List<Finding> firstViolations,
    IdentityRows identityRows,
    GateDecision gate,
    List<String> notes) {
  public AuditResult {
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(allowlist, "allowlist");
    Objects.requireNonNull(findings, "findings");
    Objects.requireNonNull(gate, "gate");
    evaluations = List.copyOf(evaluations);
    firstViolations = List.copyOf(firstViolations);
    notes = List.copyOf(notes);
  }

  public String accountId() {
    return scope.accountId();
  }

  /** The audit's day in UTC, which reports read allowlist expiry dates against. */
  public LocalDate day() {
    return LocalDate.ofInstant(generatedAt, ZoneOffset.UTC);
  }

  public long violations() {
    return evaluations.stream().mapToLong(RuleEvaluation::violations).sum();
  }

  public long allowlisted() {
    return evaluations.stream().mapToLong(RuleEvaluation::allowlisted).sum();
  }

  /** The violations of rules graded {@code severity}. */
  public long violations(Severity severity) {
    return evaluations.stream()
        .filter(evaluation -> evaluation.config().severity() == severity)
        .mapToLong(RuleEvaluation::violations)
        .sum();
  }

  /** The allowlisted findings of rules graded {@code severity}. */
  public long allowlisted(Severity severity) {
    return evaluations.stream()
        .filter(evaluation -> evaluation.config().severity() == severity)
        .mapToLong(RuleEvaluation::allowlisted)
        .sum();
  }

  public List<RuleEvaluation> notEvaluated() {
    return evaluations.stream()
        .filter(e -> e.state() == RuleEvaluation.State.NOT_EVALUATED)
        .toList();
  }
}
