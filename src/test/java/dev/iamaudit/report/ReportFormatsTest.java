package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
