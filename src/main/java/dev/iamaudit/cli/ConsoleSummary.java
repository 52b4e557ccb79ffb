package dev.iamaudit.cli;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.policy.Severity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The readable end of a run: counts per rule and severity, the top violations with their fixes, the verdict. */
final class ConsoleSummary {
  static final int TOP_VIOLATIONS = 10;
  private static final int ALLOWLISTED = Severity.values().length;
  private static final int COLUMNS = ALLOWLISTED + 1;

  private ConsoleSummary() {}

  static void print(AuditResult result, List<Path> reports, ConsoleWriter out) {
    ReportInfo report = result.inventory().report();
    out.println();
    out.println("Account " + result.accountId() + (report == null ? "" : ", activity report "
        + report.reference() + " (" + report.durationHours() + " h, ending " + report.endTime() + ")"));
    long identities = result.inventory().identities().count();
    out.println("Checked " + identities + (identities == 1 ? " identity" : " identities") + "; ages as of "
        + result.inventory().asOf() + ".");
    out.println();
    out.println(String.format(Locale.ROOT, "  %-40s %8s %5s %6s %4s %11s", "rule", "critical", "high", "medium",
        "low", "allowlisted"));
    Map<String, long[]> counts = countsByRule(result);
    for (RuleEvaluation evaluation : result.evaluations()) {
      String id = evaluation.rule().id();
      switch (evaluation.state()) {
        case DISABLED -> out.println(String.format(Locale.ROOT, "  %-40s %s", id, "disabled"));
        case NOT_EVALUATED -> out.println(String.format(Locale.ROOT, "  %-40s %s", id, "not evaluated: "
            + evaluation.note()));
        case EVALUATED -> {
          long[] row = counts.getOrDefault(id, new long[COLUMNS]);
          out.println(String.format(Locale.ROOT, "  %-40s %8d %5d %6d %4d %11d", id, row[0], row[1], row[2],
              row[3], row[ALLOWLISTED]));
        }
      }
    }
    List<Finding> violations = result.findings().stream().filter(Finding::isViolation).toList();
    if (!violations.isEmpty()) {
      out.println();
      out.println("Top violations:");
      violations.stream().limit(TOP_VIOLATIONS).forEach(finding -> out.println("  "
          + finding.severity().id().toUpperCase(Locale.ROOT) + " " + finding.rule() + ": " + finding.message()));
      if (violations.size() > TOP_VIOLATIONS) {
        out.println("  ... and " + (violations.size() - TOP_VIOLATIONS) + " more in the reports.");
      }
    }
    for (String note : result.notes()) {
      out.println("Note: " + note);
    }
    out.println();
    out.println("Reports: " + String.join(", ", reports.stream().map(Path::toString).toList()));
    String failOn = result.gate().failOn().id();
    if (result.gate().failed()) {
      int blocking = result.gate().blocking().size();
      String them = blocking == 1 ? "it" : "them";
      out.println("Gate FAILED: " + blocking + " of " + count(result.violations(), "violation")
          + (blocking == 1 ? " is" : " are") + " at or above failOn " + failOn + ", " + result.allowlisted()
          + " allowlisted. Fix " + them + ", or accept " + them
          + " in the allowlist with a reason and an expiry date.");
    } else {
      out.println("Gate passed: " + count(result.violations(), "violation")
          + (result.gate().failOn().lowest().isPresent() ? " (none at or above failOn " + failOn + ")"
              : " (failOn never)")
          + ", " + result.allowlisted() + " allowlisted.");
    }
    out.flush();
  }

  /** "1 violation", "9 violations". */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * Per rule: violations per severity (in {@link Severity} order) and the allowlisted count last, from one pass
   * over the findings, which can number hundreds of thousands.
   */
  private static Map<String, long[]> countsByRule(AuditResult result) {
    Map<String, long[]> counts = new HashMap<>();
    for (Finding finding : result.findings()) {
      long[] row = counts.computeIfAbsent(finding.rule(), rule -> new long[COLUMNS]);
      row[finding.isViolation() ? finding.severity().ordinal() : ALLOWLISTED]++;
    }
    return counts;
  }
}
