package dev.iamaudit.cli;

import dev.iamaudit.Counted;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.inventory.Timestamps;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.report.Totals;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The readable end of a run: counts per rule and severity, the top violations with their fixes, the
 * verdict.
 */
final class ConsoleSummary {
  static final int TOP_VIOLATIONS = 10;

  private ConsoleSummary() {}

  static void print(AuditResult result, List<Path> reports, ConsoleWriter out) {
    ReportInfo report = result.scope().report();
    out.println();
    out.println(
        "Account "
            + result.accountId()
            + (report == null
                ? ""
                : ", activity report "
                    + report.reference()
                    + " ("
                    + report.durationHours()
                    + " h, ending "
                    + Timestamps.readable(report.endTime())
                    + ")"));
    long identities = result.scope().identities();
    out.println(
        "Checked "
            + Counted.of(identities, "identity", "identities")
            + "; ages as of "
            + Timestamps.readable(result.scope().asOf())
            + ".");
    out.println();
    out.println(
        String.format(
            Locale.ROOT,
            "  %-40s %8s %5s %6s %4s %11s",
            "rule",
            "critical",
            "high",
            "medium",
            "low",
            "allowlisted"));
    for (RuleEvaluation evaluation : result.evaluations()) {
      String id = evaluation.rule().id();
      switch (evaluation.state()) {
        case DISABLED -> out.println(String.format(Locale.ROOT, "  %-40s %s", id, "disabled"));
        case NOT_EVALUATED ->
            out.println(
                String.format(
                    Locale.ROOT, "  %-40s %s", id, "not evaluated: " + evaluation.note()));
        case EVALUATED -> {
          // A rule's findings all have the severity it is graded.
          long[] row = new long[Severity.values().length];
          row[evaluation.config().severity().ordinal()] = evaluation.violations();
          out.println(
              String.format(
                  Locale.ROOT,
                  "  %-40s %8d %5d %6d %4d %11d",
                  id,
                  row[0],
                  row[1],
                  row[2],
                  row[3],
                  evaluation.allowlisted()));
        }
      }
    }
    long violations = result.violations();
    if (violations > 0) {
      out.println();
      out.println("Top violations:");
      result.firstViolations().stream()
          .limit(TOP_VIOLATIONS)
          .forEach(
              finding -> {
                out.print("  ");
                out.print(
                    ConsoleWriter.Style.of(finding.severity()),
                    finding.severity().id().toUpperCase(Locale.ROOT));
                out.println(" " + finding.rule() + ": " + finding.message());
              });
      if (violations > TOP_VIOLATIONS) {
        out.println("  ... and " + (violations - TOP_VIOLATIONS) + " more in the reports.");
      }
    }
    for (String note : result.notes()) {
      out.println("Note: " + note);
    }
    out.println();
    out.println("Reports: " + String.join(", ", reports.stream().map(Path::toString).toList()));
    if (result.gate().failed()) {
      String them = result.gate().blocking() == 1 ? "it" : "them";
      out.print(ConsoleWriter.Style.FAILED, "Gate FAILED");
      out.println(
          ": "
              + Totals.of(result)
              + ". Fix "
              + them
              + ", or accept "
              + them
              + " in the allowlist with a reason and an expiry date.");
    } else {
      out.print(ConsoleWriter.Style.PASSED, "Gate passed");
      out.println(": " + Totals.of(result) + ".");
    }
    out.flush();
  }
}
