package dev.iamaudit.maven;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.report.Totals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the build log says about a finished audit. A failed gate's message lists the blocking
 * violations, at most {@link #MAX_LISTED} so a neglected account cannot bury the log, and ends with
 * where the full reports are.
 */
final class GateMessages {
  static final int MAX_LISTED = 20;

  private final AuditResult result;
  private final Path reports;

  GateMessages(AuditResult result, Path reports) {
    this.result = result;
    this.reports = reports.toAbsolutePath().normalize();
  }

  /** The lines of the failure; the Mojo joins them, each escaped. */
  List<String> failure() {
    long blocking = result.gate().blocking();
    List<String> lines = new ArrayList<>();
    lines.add("IAM audit failed: " + Totals.of(result) + ":");
    // Findings come most severe first, so the violations that fail the gate are the first ones.
    lines.addAll(
        listed(
            result.firstViolations().stream()
                .filter(finding -> result.gate().failOn().fails(finding.severity()))
                .toList(),
            blocking));
    lines.add("Reports: " + reports);
    return lines;
  }

  /** The violations that did not fail the gate, which would otherwise only be in the reports. */
  List<String> belowFailOn() {
    return listed(result.firstViolations(), result.violations());
  }

  String passed() {
    return "IAM audit passed: " + Totals.of(result) + ". Reports: " + reports;
  }

  List<String> notEvaluated() {
    return result.notEvaluated().stream()
        .map(e -> "Not evaluated: " + e.rule().id() + ": " + e.note())
        .toList();
  }

  /**
   * @param first the first of {@code total} findings in report order
   */
  private static List<String> listed(List<Finding> first, long total) {
    List<String> lines = new ArrayList<>();
    first.stream()
        .limit(MAX_LISTED)
        .forEach(f -> lines.add("  [" + f.severity().id() + "] " + f.rule() + ": " + f.message()));
    if (total > MAX_LISTED) {
      lines.add("  ... and " + (total - MAX_LISTED) + " more");
    }
    return lines;
  }
}
