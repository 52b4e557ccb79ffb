package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatsTest {
  @Test
  void standardFormatsInContractOrder() {
    assertEquals(List.of("sarif", "junit", "json", "csv", "gitlab", "markdown", "html"),
        List.copyOf(ReportFormats.standard().ids()));
  }

  @Test
  void anOutputDirectoryThatIsAFileSaysSo(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("out"), "not a directory");
    List<ReportWriter> json = ReportFormats.standard().select(List.of("json"));

    assertEquals("Could not write the reports to " + file + ": " + file + " exists and is not a directory; check "
        + "that the output directory is writable", assertThrows(UsageException.class,
            () -> ReportFormats.writeAll(ReportFixtures.sample(), json, file)).getMessage());
    assertEquals("Could not write the reports to " + file.resolve("sub") + ": " + file.resolve("sub") + ": Not a "
        + "directory; check that the output directory is writable", assertThrows(UsageException.class,
            () -> ReportFormats.writeAll(ReportFixtures.sample(), json, file.resolve("sub"))).getMessage());
  }

  @Test
  void writesEveryFormatUnderItsContractName(@TempDir Path dir) throws Exception {
    ReportFormats formats = ReportFormats.standard();
    List<Path> written = ReportFormats.writeAll(ReportFixtures.sample(), formats.select(List.of("all")), dir);
    assertEquals(List.of("iam-audit.sarif", "TEST-iam-audit.xml", "iam-audit.json", "iam-audit.csv",
        "gl-code-quality-report.json", "iam-audit.md", "iam-audit.html"),
        written.stream().map(path -> path.getFileName().toString()).toList());
    for (Path file : written) {
      assertTrue(Files.size(file) > 0, file.toString());
    }
    try (var files = Files.list(dir)) {
      assertEquals(7, files.count());
    }
  }
}
