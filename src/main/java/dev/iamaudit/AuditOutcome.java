package dev.iamaudit;

import dev.iamaudit.audit.AuditResult;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished audit: the result, the reports written, and the exit code of the contract (0 passed, 1
 * failed).
 */
public record AuditOutcome(AuditResult result, List<Path> reports) {
  public static final int PASSED = 0;
  public static final int FAILED = 1;

  public AuditOutcome {
    reports = List.copyOf(reports);
  }

  public int exitCode() {
    return result.gate().failed() ? FAILED : PASSED;
  }
}
