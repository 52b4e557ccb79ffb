package dev.iamaudit.audit;

import dev.iamaudit.policy.FailOn;
import java.util.List;

/**
 * The gate's verdict: failed when a violation is at or above {@code failOn}.
 *
 * @param blocking the violations that failed it, in report order
 */
public record GateDecision(FailOn failOn, List<Finding> blocking) {
  public GateDecision {
    blocking = List.copyOf(blocking);
  }

  public static GateDecision decide(FailOn failOn, List<Finding> findings) {
    return new GateDecision(failOn,
        findings.stream().filter(f -> f.isViolation() && failOn.fails(f.severity())).toList());
  }

  public boolean failed() {
    return !blocking.isEmpty();
  }

  public String id() {
    return failed() ? "failed" : "passed";
  }
}
