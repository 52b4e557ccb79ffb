package dev.iamaudit.report;

import dev.iamaudit.Counted;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.policy.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * An audit's totals in one phrase, worded alike wherever the verdict is stated: the console's last
 * line, the Maven goal's failure and its pass.
 */
public final class Totals {
  private Totals() {}

  /**
   * "9 violations (2 high, 6 medium, 1 low), 1 allowlisted, 2 rules not evaluated; 8 at or above
   * failOn medium", or "...; none at or above failOn medium" when the gate passed, "...; reporting
   * only (failOn never)" without a gate.
   */
  public static String of(AuditResult result) {
    StringBuilder totals = new StringBuilder(Counted.of(result.violations(), "violation"));
    List<String> bySeverity = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      long violations = result.violations(severity);
      if (violations > 0) {
        bySeverity.add(Counted.number(violations) + " " + severity.id());
      }
    }
    if (!bySeverity.isEmpty()) {
      totals.append(" (").append(String.join(", ", bySeverity)).append(')');
    }
    totals.append(", ").append(Counted.number(result.allowlisted())).append(" allowlisted");
    int notEvaluated = result.notEvaluated().size();
    if (notEvaluated > 0) {
      totals.append(", ").append(Counted.of(notEvaluated, "rule")).append(" not evaluated");
    }
    String failOn = result.gate().failOn().id();
    if (result.gate().failed()) {
      totals
          .append("; ")
          .append(Counted.number(result.gate().blocking()))
          .append(" at or above failOn ")
          .append(failOn);
    } else if (result.gate().failOn().lowest().isEmpty()) {
      totals.append("; reporting only (failOn never)");
    } else {
      totals.append("; none at or above failOn ").append(failOn);
    }
    return totals.toString();
  }
}
