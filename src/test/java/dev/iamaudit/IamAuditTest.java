package dev.iamaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.report.ReportFormats;
import dev.iamaudit.report.ReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamAuditTest {
  @TempDir Path dir;

  /** Writes only the number of findings, and says so. */
  private static final class CountingWriter implements ReportWriter {
    @Override
    public String format() {
      return "count";
    }

    @Override
    public String fileName() {
      return "count.txt";
    }

    @Override
    public void write(AuditResult result, OutputStream out) throws IOException {
      out.write(Integer.toString(result.findings().size()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> omissions(AuditResult result) {
      return List.of("count.txt counts " + result.findings().size() + " findings and names none of them");
    }
  }

  @Test
  void whatAFormatLeavesOutIsWarnedAbout() throws IOException {
    Path report = dir.resolve("report.json");
    try (InputStream in = IamAuditTest.class.getResourceAsStream("/dev/iamaudit/cli/report.json")) {
      Files.copy(in, report);
    }
    List<String> warnings = new ArrayList<>();
    AuditListener listener = new AuditListener() {
      @Override
      public void warn(String message) {
        warnings.add(message);
      }
    };
    IamAudit audit = new IamAudit(new TestClock(Instant.parse("2026-11-22T10:00:00Z")), duration -> {},
        new ReportFormats(List.of(new CountingWriter())));

    AuditOutcome outcome = audit.run(AuditRequest.builder(dir, dir.resolve("out")).reportFile(report)
        .formats(List.of("count")).build(), listener);

    assertEquals(List.of("No policy or allowlist file in the repository: findings that no Terraform declaration"
        + " places point at out/count.txt line 1. Add an iam-audit.yml (an empty one keeps every default) to place"
        + " them in the repository", "count.txt counts 9 findings and names none of them"), warnings);
    assertEquals("9", Files.readString(dir.resolve("out/count.txt")));
    assertEquals(List.of(dir.resolve("out/count.txt")), outcome.reports());
  }
}
