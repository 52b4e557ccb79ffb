package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.TestClock;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.iam.Sleeper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  private static final ReportFormats FORMATS = ReportFormats.standard();

  @TempDir Path dir;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-24T12:00:00Z"));
  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper sleeper =
      duration -> {
        sleeps.add(duration);
        clock.advance(duration);
      };

  private OutputDirectory out(Path directory) {
    return new OutputDirectory(directory, FORMATS.fileNames(), clock, sleeper);
  }

  private List<Path> write(String... formats) {
    return out(dir).write(ReportFixtures.sample(), FORMATS.select(List.of(formats)));
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesEveryFormatUnderItsContractName() throws IOException {
    List<Path> written = write("all");
    assertEquals(
        List.of(
            "iam-audit.sarif",
            "TEST-iam-audit.xml",
            "iam-audit.json",
            "iam-audit.csv",
            "gl-code-quality-report.json",
            "iam-audit.md",
            "iam-audit.html"),
        written.stream().map(path -> path.getFileName().toString()).toList());
    for (Path file : written) {
      assertTrue(Files.size(file) > 0, file.toString());
    }
    assertEquals(7, files().size());
  }

  @Test
  void aSymlinkPlantedWhereATemporaryFileOrAReportGoesIsNeverFollowed() throws IOException {
    Path outside =
        Files.writeString(dir.getParent().resolve(dir.getFileName() + "-victim.txt"), "precious");
    long pid = ProcessHandle.current().pid();
    Files.createSymbolicLink(dir.resolve(".iam-audit.json." + pid + ".tmp"), outside);
    Files.createSymbolicLink(dir.resolve("iam-audit.sarif"), outside);
    try {
      write("json", "sarif");

      assertEquals("precious", Files.readString(outside));
      assertFalse(Files.isSymbolicLink(dir.resolve("iam-audit.sarif")));
      assertTrue(
          Files.readString(dir.resolve("iam-audit.sarif")).contains("\"version\" : \"2.1.0\""));
      assertEquals(List.of("iam-audit.json", "iam-audit.sarif"), files());
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void theReportsOfAnEarlierRunGoAndNothingElse() throws IOException {
    for (String name :
        List.of(
            "iam-audit.sarif",
            "iam-audit.csv",
            "TEST-iam-audit.xml",
            "iam-audit.html",
            ".iam-audit.md.4242.tmp",
            ".iam-audit.json.9f3a.tmp",
            "README.md",
            "iam-audit.yml",
            "report.json",
            "iam-audit.json.bak",
            ".iam-audit.json.bak")) {
      Files.writeString(dir.resolve(name), "earlier");
    }
    Files.createDirectory(dir.resolve("demo"));

    List<Path> written = write("json");

    assertEquals(List.of(dir.resolve("iam-audit.json")), written);
    assertEquals(
        List.of(
            ".iam-audit.json.bak",
            "README.md",
            "demo",
            "iam-audit.json",
            "iam-audit.json.bak",
            "iam-audit.yml",
            "report.json"),
        files());
  }

  @Test
  void clearingBeforeARunRemovesTheEarlierReportsAndCreatesNothing() throws IOException {
    out(dir.resolve("absent")).clearEarlierRun();
    assertFalse(Files.exists(dir.resolve("absent")));
    Files.writeString(dir.resolve("iam-audit.sarif"), "earlier");
    Files.writeString(dir.resolve("notes.txt"), "mine");

    out(dir).clearEarlierRun();

    assertEquals(List.of("notes.txt"), files());
  }

  @Test
  void aConcurrentRunIsWaitedForThenRefusedClearly() throws IOException {
    try (FileChannel channel =
            FileChannel.open(
                dir.resolve(".iam-audit.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      UsageException e = assertThrows(UsageException.class, () -> write("json"));

      assertEquals(
          "Another iam-audit run is writing its reports to "
              + dir
              + " (it holds "
              + dir.resolve(".iam-audit.lock")
              + ") and did not finish within 2 minutes; give each run its own output directory",
          e.getMessage());
      assertEquals(Duration.ofMinutes(2), sleeps.stream().reduce(Duration.ZERO, Duration::plus));
      assertEquals(Duration.ofMillis(250), sleeps.get(0));
      assertTrue(held.isValid());
    }
    assertEquals(List.of(".iam-audit.lock"), files());
  }

  @Test
  void aRunThatWaitedWritesOnceTheOtherIsDone() throws IOException {
    FileChannel channel =
        FileChannel.open(
            dir.resolve(".iam-audit.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock held = channel.lock();
    Sleeper releasing =
        duration -> {
          sleeps.add(duration);
          if (sleeps.size() == 3) {
            // The other run finishes as it does: it removes the lock file, then lets go.
            try {
              Files.delete(dir.resolve(".iam-audit.lock"));
              held.release();
              channel.close();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };

    new OutputDirectory(dir, FORMATS.fileNames(), clock, releasing)
        .write(ReportFixtures.sample(), FORMATS.select(List.of("json")));

    assertEquals(3, sleeps.size());
    assertEquals(List.of("iam-audit.json"), files());
  }

  @Test
  void aLockFileThatIsASymlinkIsRefused() throws IOException {
    Path outside =
        Files.writeString(dir.getParent().resolve(dir.getFileName() + "-lock.txt"), "precious");
    Files.createSymbolicLink(dir.resolve(".iam-audit.lock"), outside);
    try {
      UsageException e = assertThrows(UsageException.class, () -> write("json"));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "Could not write the reports to "
                      + dir
                      + ": "
                      + dir.resolve(".iam-audit.lock")
                      + " is a symbolic link; remove it"),
          e.getMessage());
      assertEquals("precious", Files.readString(outside));
    } finally {
      Files.delete(outside);
    }
  }
}
