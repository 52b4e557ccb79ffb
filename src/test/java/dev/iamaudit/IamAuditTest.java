package dev.iamaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Spill;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.report.CsvReport;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamAuditTest {
  @TempDir Path dir;

  /** Writes only the number of findings, and says so. */
  private static class CountingWriter implements ReportWriter {
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
      out.write(Long.toString(result.findings().size()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> omissions(AuditResult result) {
      return List.of(
          "count.txt counts " + result.findings().size() + " findings and names none of them");
    }
  }

  @Test
  void whatAFormatLeavesOutIsWarnedAbout() throws IOException {
    Path report = dir.resolve("report.json");
    try (InputStream in = IamAuditTest.class.getResourceAsStream("/dev/iamaudit/cli/report.json")) {
      Files.copy(in, report);
    }
    List<String> warnings = new ArrayList<>();
    AuditListener listener =
        new AuditListener() {
          @Override
          public void warn(String message) {
            warnings.add(message);
          }
        };
    IamAudit audit =
        new IamAudit(
            new TestClock(Instant.parse("2026-11-22T10:00:00Z")),
            duration -> {},
            new ReportFormats(List.of(new CountingWriter())),
            Spill::temporary);

    AuditOutcome outcome =
        audit.run(request("out").reportFile(report).formats(List.of("count")).build(), listener);

    assertEquals(
        List.of(
            "No policy or allowlist file in the repository: findings that no Terraform declaration"
                + " places point at out/count.txt line 1. Add an iam-audit.yml (an empty one keeps"
                + " every default) to place them in the repository",
            "count.txt counts 9 findings and names none of them"),
        warnings);
    assertEquals("9", Files.readString(dir.resolve("out/count.txt")));
    assertEquals(List.of(dir.resolve("out/count.txt")), outcome.reports());
  }

  private AuditRequest.Builder request(String outputDirectory) {
    return AuditRequest.builder(dir, dir.resolve(outputDirectory), TestOptionNames.INSTANCE);
  }

  private Path copyReport() throws IOException {
    Path report = dir.resolve("report.json");
    try (InputStream in = IamAuditTest.class.getResourceAsStream("/dev/iamaudit/cli/report.json")) {
      Files.copy(in, report);
    }
    return report;
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> directory.relativize(file).toString())
          .sorted()
          .toList();
    }
  }

  /** A spill that keeps nothing in memory: every finding goes to a file. */
  private IamAudit spillingAudit(Path temporary, ReportFormats formats) {
    return new IamAudit(
        new TestClock(Instant.parse("2026-11-22T10:00:00Z")),
        duration -> {},
        formats,
        () -> Spill.under(temporary, 1));
  }

  @Test
  void findingsKeptInFilesAreReportedAndTheFilesDeletedAfterwards() throws IOException {
    Path report = copyReport();
    Path temporary = dir.resolve("tmp");
    List<String> seen = new ArrayList<>();
    ReportWriter probe =
        new CountingWriter() {
          @Override
          public void write(AuditResult result, OutputStream out) throws IOException {
            seen.addAll(names(temporary));
            super.write(result, out);
          }
        };
    ReportFormats formats = new ReportFormats(List.of(probe, new CsvReport()));

    spillingAudit(temporary, formats)
        .run(
            request("out").reportFile(report).formats(List.of("count", "csv")).build(),
            AuditListener.SILENT);
    new IamAudit(
            new TestClock(Instant.parse("2026-11-22T10:00:00Z")),
            duration -> {},
            formats,
            Spill::temporary)
        .run(
            request("in-memory").reportFile(report).formats(List.of("count", "csv")).build(),
            AuditListener.SILENT);

    assertEquals("9", Files.readString(dir.resolve("out/count.txt")));
    assertEquals(
        Files.readString(dir.resolve("in-memory/iam-audit.csv")),
        Files.readString(dir.resolve("out/iam-audit.csv")));
    assertTrue(
        seen.contains(seen.get(0).substring(0, seen.get(0).indexOf('/')) + "/identities.rows"),
        seen::toString);
    assertTrue(
        seen.stream().anyMatch(name -> name.endsWith("/apikey-inactive.findings")), seen::toString);
    assertEquals(List.of(), names(temporary));
  }

  @Test
  void aReportThatEndsEarlyLeavesNoTemporaryFiles() throws IOException {
    Path report = copyReport();
    String json = Files.readString(report);
    Files.writeString(report, json.substring(0, json.lastIndexOf("\"profiles\"")));
    Path temporary = dir.resolve("tmp");

    DataException e =
        assertThrows(
            DataException.class,
            () ->
                spillingAudit(temporary, ReportFormats.standard())
                    .run(request("out").reportFile(report).build(), AuditListener.SILENT));

    assertTrue(e.getMessage().contains("the report ends early"), e.getMessage());
    assertEquals(List.of(), names(temporary));
    assertFalse(Files.exists(dir.resolve("out")));
  }

  /**
   * Reports are written side by side; one that cannot be written fails the run once the others are
   * done.
   */
  @Test
  void aReportThatCannotBeWrittenFailsTheRunAfterTheOthers() throws IOException {
    Path report = copyReport();
    ReportWriter failing =
        new CountingWriter() {
          @Override
          public String format() {
            return "failing";
          }

          @Override
          public String fileName() {
            return "failing.txt";
          }

          @Override
          public void write(AuditResult result, OutputStream out) throws IOException {
            throw new IOException("disk full");
          }
        };
    IamAudit audit =
        new IamAudit(
            new TestClock(Instant.parse("2026-11-22T10:00:00Z")),
            duration -> {},
            new ReportFormats(List.of(failing, new CountingWriter())),
            Spill::temporary);

    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                audit.run(
                    request("out").reportFile(report).formats(List.of("failing", "count")).build(),
                    AuditListener.SILENT));

    assertEquals(
        "Could not write the reports to "
            + dir.resolve("out")
            + ": disk full; check that the output "
            + "directory is writable",
        e.getMessage());
    assertEquals(List.of("count.txt"), names(dir.resolve("out")));
  }

  @Test
  void reportsAreListedInTheOrderAskedFor() throws IOException {
    Path report = copyReport();
    AuditOutcome outcome =
        new IamAudit(new TestClock(Instant.parse("2026-11-22T10:00:00Z")), duration -> {})
            .run(
                request("out").reportFile(report).formats(List.of("json,csv,sarif")).build(),
                AuditListener.SILENT);
    assertEquals(
        List.of(
            dir.resolve("out/iam-audit.json"),
            dir.resolve("out/iam-audit.csv"),
            dir.resolve("out/iam-audit.sarif")),
        outcome.reports());
  }
}
