package dev.iamaudit.report;

import dev.iamaudit.Counted;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.inventory.Timestamps;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.Compliance;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code iam-audit.md}: a job summary (GitHub's {@code $GITHUB_STEP_SUMMARY}, GitLab or Jenkins
 * descriptions). It shows the verdict and the first {@value #MAX_ROWS} violations; step summaries
 * are capped at 1 MiB, and the other reports hold every finding.
 */
public final class MarkdownReport implements ReportWriter {
  static final int MAX_ROWS = 100;

  private final int maxRows;

  public MarkdownReport() {
    this(MAX_ROWS);
  }

  MarkdownReport(int maxRows) {
    this.maxRows = maxRows;
  }

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public String fileName() {
    return "iam-audit.md";
  }

  @Override
  public void write(AuditResult result, OutputStream out) throws IOException {
    Writer md = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    write(result, md);
    md.flush();
  }

  /**
   * Appends the summary to {@code file} (for {@code $GITHUB_STEP_SUMMARY}), creating it if absent.
   */
  public static void appendTo(AuditResult result, Path file) throws IOException {
    boolean hasContent = Files.exists(file) && Files.size(file) > 0;
    try (Writer md =
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE)) {
      if (hasContent) {
        md.write("\n");
      }
      new MarkdownReport().write(result, md);
    }
  }

  private void write(AuditResult result, Writer md) throws IOException {
    md.write("# IAM audit of account " + MarkdownText.cell(result.accountId()) + "\n\n");
    writeVerdict(result, md);
    writeCounts(result, md);
    writeViolations(result, md);
    if (result.allowlisted() > 0) {
      md.write(
          "\n**Allowlisted:** "
              + Counted.of(result.allowlisted(), "finding")
              + " accepted by the allowlist"
              + " (suppressed in SARIF, skipped in JUnit).\n");
    }
    if (!result.notEvaluated().isEmpty()) {
      md.write("\n## Rules not evaluated\n\n");
      for (RuleEvaluation evaluation : result.notEvaluated()) {
        md.write(
            "- `" + evaluation.rule().id() + "`: " + MarkdownText.cell(evaluation.note()) + "\n");
      }
    }
    writeCompliance(result, md);
    if (!result.notes().isEmpty()) {
      md.write("\n## Notes\n\n");
      for (String note : result.notes()) {
        md.write("- " + MarkdownText.cell(note) + "\n");
      }
    }
  }

  private static void writeVerdict(AuditResult result, Writer md) throws IOException {
    String failOn = result.gate().failOn().id();
    if (result.gate().failed()) {
      md.write(
          "**Gate: failed**: "
              + Counted.of(result.gate().blocking(), "violation")
              + " at or above `"
              + failOn
              + "`.\n\n");
    } else if (failOn.equals("never")) {
      md.write("**Gate: passed**: reporting only (`failOn: never`).\n\n");
    } else {
      md.write("**Gate: passed**: no violation at or above `" + failOn + "`.\n\n");
    }
    ReportInfo report = result.scope().report();
    md.write(
        (report == null
                ? "No activity report"
                : "Activity report "
                    + MarkdownText.cell(report.reference())
                    + " ("
                    + report.durationHours()
                    + " hours, ending "
                    + Timestamps.readable(report.endTime())
                    + ")")
            + "; identities as of "
            + Timestamps.readable(result.scope().asOf())
            + "; generated "
            + Timestamps.readable(result.generatedAt())
            + ".\n\n");
  }

  private static void writeCounts(AuditResult result, Writer md) throws IOException {
    md.write("| Severity | Violations | Allowlisted |\n|---|---:|---:|\n");
    for (Severity severity : Severity.values()) {
      md.write(
          "| "
              + severity.id()
              + " | "
              + result.violations(severity)
              + " | "
              + result.allowlisted(severity)
              + " |\n");
    }
    md.write("| **total** | " + result.violations() + " | " + result.allowlisted() + " |\n");
  }

  private void writeViolations(AuditResult result, Writer md) throws IOException {
    if (result.violations() == 0) {
      md.write("\nNo violations.\n");
      return;
    }
    md.write("\n## Violations\n\n| Severity | Rule | Identity | Message |\n|---|---|---|---|\n");
    int rows = 0;
    for (Finding finding : result.findings()) {
      if (!finding.isViolation()) {
        continue;
      }
      if (rows == maxRows) {
        break;
      }
      md.write(
          "| "
              + finding.severity().id()
              + " | `"
              + finding.rule()
              + "` | "
              + MarkdownText.cell(finding.entity().describe())
              + " | "
              + MarkdownText.cell(finding.message())
              + " |\n");
      rows++;
    }
    if (result.violations() > rows) {
      md.write(
          "\n_and "
              + (result.violations() - rows)
              + " more; iam-audit.json lists every finding._\n");
    }
  }

  /** One row per rule that gives evidence for a published control: what an auditor looks up. */
  private static void writeCompliance(AuditResult result, Writer md) throws IOException {
    RuleStates states = new RuleStates(result);
    Map<String, long[]> counts = new HashMap<>();
    for (Finding finding : result.findings()) {
      counts.computeIfAbsent(finding.rule(), rule -> new long[2])[finding.isViolation() ? 0 : 1]++;
    }
    md.write(
        "\n## Compliance\n\n| Rule | State | Violations | Allowlisted | Evidence for |\n"
            + "|---|---|---:|---:|---|\n");
    for (RuleDescriptor rule : Rules.all()) {
      if (rule.compliance().isEmpty()) {
        continue;
      }
      long[] count = counts.getOrDefault(rule.id(), new long[2]);
      md.write(
          "| `"
              + rule.id()
              + "` | "
              + states.state(rule.id())
              + " | "
              + count[0]
              + " | "
              + count[1]
              + " | "
              + rule.compliance().stream()
                  .map(control -> "`" + control.tag() + "`")
                  .collect(Collectors.joining(" "))
              + " |\n");
    }
    md.write(
        "\n"
            + Arrays.stream(Compliance.Framework.values())
                .map(
                    framework ->
                        "`"
                            + framework.tagPrefix()
                            + "`: "
                            + framework.title()
                            + " "
                            + framework.version())
                .collect(Collectors.joining("; "))
            + ".\n");
  }
}
