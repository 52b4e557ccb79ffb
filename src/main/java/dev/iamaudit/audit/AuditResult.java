package dev.iamaudit.audit;

import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Everything one audit produced, for the report writers and the gate.
 *
 * @param findings sorted: most severe first, then by rule and identity
 * @param notes what the run had to say about its data ("triggered a new report because ...")
 */
public record AuditResult(
    Instant generatedAt,
    Inventory inventory,
    Policy policy,
    Allowlist allowlist,
    List<RuleEvaluation> evaluations,
    List<Finding> findings,
    GateDecision gate,
    List<String> notes) {
  public AuditResult {
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(allowlist, "allowlist");
    Objects.requireNonNull(gate, "gate");
    evaluations = List.copyOf(evaluations);
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  public String accountId() {
    return inventory.accountId();
  }

  /** The audit's day in UTC, which reports read allowlist expiry dates against. */
  public LocalDate day() {
    return LocalDate.ofInstant(generatedAt, ZoneOffset.UTC);
  }

  public long violations() {
    return findings.stream().filter(Finding::isViolation).count();
  }

  public long allowlisted() {
    return findings.size() - violations();
  }

  public List<RuleEvaluation> notEvaluated() {
    return evaluations.stream().filter(e -> e.state() == RuleEvaluation.State.NOT_EVALUATED).toList();
  }
}
