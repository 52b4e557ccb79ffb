package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.audit.AuditResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {
  @Test
  void escapesWhatWouldBreakATableCell() {
    assertEquals(
        "a \\| b &lt;x&gt; &amp; c<br>d<br>e \\*f\\_ \\[g\\] \\`h\\` \\\\",
        MarkdownText.cell("a | b <x> & c\nd\r\ne *f_ [g] `h` \\"));
  }

  @Test
  void capsTheViolationTableAndSaysHowManyMore() {
    AuditResult result = ReportFixtures.sample();
    String md = ReportFixtures.render(new MarkdownReport(2), result);
    assertEquals(2, md.lines().filter(line -> line.startsWith("| high | `")).count());
    assertTrue(md.contains("\n_and 11 more; iam-audit.json lists every finding._\n"));
  }

  @Test
  void timesAreReadToTheSecondInUtc() {
    String md = ReportFixtures.render(new MarkdownReport(), ReportFixtures.precise());
    assertTrue(
        md.contains(
            "\n\n"
                + "Activity report ref-precise (720 hours, ending 2026-12-01 23:39:50 UTC);"
                + " identities as of 2026-12-01 23:39:55 UTC; generated 2026-12-01 23:39:56"
                + " UTC.\n\n"),
        md);
  }

  @Test
  void summarisesThePassingEmptyAccount() {
    assertEquals(
        """
        # IAM audit of account a1b2c3d4e5f60718293a4b5c6d7e8f90

        **Gate: passed**: no violation at or above `medium`.

        Activity report ref-empty (720 hours, ending 2026-11-22 10:00:00 UTC); identities as of 2026-11-22 10:00:00 \
        UTC; generated 2026-11-22 10:00:00 UTC.

        | Severity | Violations | Allowlisted |
        |---|---:|---:|
        | critical | 0 | 0 |
        | high | 0 | 0 |
        | medium | 0 | 0 |
        | low | 0 | 0 |
        | **total** | 0 | 0 |

        No violations.

        ## Compliance

        | Rule | State | Violations | Allowlisted | Evidence for |
        |---|---|---:|---:|---|
        | `apikey-inactive` | evaluated | 0 | 0 | `CIS-IBM-Cloud-1.1.0/1.2` |
        | `apikey-never-used` | evaluated | 0 | 0 | `CIS-IBM-Cloud-1.1.0/1.2` |
        | `apikey-too-old` | evaluated | 0 | 0 | `CIS-IBM-Cloud-1.1.0/1.3` `FS-Cloud/IA-5` |
        | `user-inactive` | evaluated | 0 | 0 | `CIS-IBM-Cloud-1.1.0/1.17` `FS-Cloud/AC-2(3)` |
        | `account-apikey-creation-unrestricted` | evaluated | 0 | 0 | `CIS-IBM-Cloud-1.1.0/1.4` `FS-Cloud/AC-2` \
        `FS-Cloud/AC-3` `FS-Cloud/AC-5` `FS-Cloud/AC-6` |
        | `account-serviceid-creation-unrestricted` | evaluated | 0 | 0 | `CIS-IBM-Cloud-1.1.0/1.4` `FS-Cloud/AC-3` \
        `FS-Cloud/AC-6` |
        | `account-mfa-disabled` | evaluated | 0 | 0 | `CIS-IBM-Cloud-1.1.0/1.7` `CIS-IBM-Cloud-1.1.0/1.9` \
        `FS-Cloud/IA-2(1)` `FS-Cloud/IA-2(2)` `FS-Cloud/IA-7` |
        | `user-mfa-exempt` | evaluated | 0 | 0 | `CIS-IBM-Cloud-1.1.0/1.7` `FS-Cloud/IA-2(1)` `FS-Cloud/IA-2(2)` |
        | `user-mfa-not-enrolled` | evaluated | 0 | 0 | `CIS-IBM-Cloud-1.1.0/1.7` `FS-Cloud/IA-2(1)` \
        `FS-Cloud/IA-2(2)` |
        | `account-user-list-visible` | evaluated | 0 | 0 | `FS-Cloud/AC-3` `FS-Cloud/AC-6` |
        | `account-ip-allowlist-unset` | disabled | 0 | 0 | `FS-Cloud/IA-3` `FS-Cloud/SC-7` `FS-Cloud/SC-7(5)` |

        `CIS-IBM-Cloud-1.1.0`: CIS IBM Cloud Foundations Benchmark 1.1.0; `FS-Cloud`: IBM Cloud Framework for \
        Financial Services 2.0.
        """,
        ReportFixtures.render(new MarkdownReport(), ReportFixtures.empty()));
  }

  @Test
  void appendsToTheStepSummaryCreatingItIfAbsent(@TempDir Path dir) throws Exception {
    Path summary = dir.resolve("step-summary.md");
    MarkdownReport.appendTo(ReportFixtures.empty(), summary);
    String once = Files.readString(summary, StandardCharsets.UTF_8);
    assertEquals(ReportFixtures.render(new MarkdownReport(), ReportFixtures.empty()), once);
    MarkdownReport.appendTo(ReportFixtures.empty(), summary);
    assertEquals(once + "\n" + once, Files.readString(summary, StandardCharsets.UTF_8));
  }
}
