package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.failure.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatsTest {
  @Test
  void standardFormatsInContractOrder() {
    assertEquals(
        List.of("sarif", "junit", "json", "csv", "gitlab", "markdown", "html"),
        List.copyOf(ReportFormats.standard().ids()));
  }

  @Test
  void anOutputDirectoryThatIsAFileSaysSo(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("out"), "not a directory");
    ReportFormats formats = ReportFormats.standard();
    List<ReportWriter> json = formats.select(List.of("json"));

    assertEquals(
        "Could not write the reports to "
            + file
            + ": "
            + file
            + " exists and is not a directory; check "
            + "that the output directory is writable",
        assertThrows(
                UsageException.class,
                () -> output(formats, file).write(ReportFixtures.sample(), json))
            .getMessage());
    assertEquals(
        "Could not write the reports to "
            + file.resolve("sub")
            + ": "
            + file.resolve("sub")
            + ": Not a "
            + "directory; check that the output directory is writable",
        assertThrows(
                UsageException.class,
                () -> output(formats, file.resolve("sub")).write(ReportFixtures.sample(), json))
            .getMessage());
  }

  private static OutputDirectory output(ReportFormats formats, Path directory) {
    return new OutputDirectory(
        directory,
        formats.fileNames(),
        Clock.systemUTC(),
        duration -> {
          throw new AssertionError("no wait");
        });
  }

  @Test
  void everyFormatHasItsOwnFileName() {
    assertEquals(
        List.of(
            "iam-audit.sarif",
            "TEST-iam-audit.xml",
            "iam-audit.json",
            "iam-audit.csv",
            "gl-code-quality-report.json",
            "iam-audit.md",
            "iam-audit.html"),
        List.copyOf(ReportFormats.standard().fileNames()));
  }
}
