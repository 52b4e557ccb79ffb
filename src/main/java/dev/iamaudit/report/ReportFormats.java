package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.failure.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The output formats by id, and the atomic writing of the selected ones. */
public final class ReportFormats {
  /** What --format means when not given. */
  public static final List<String> DEFAULT = List.of("sarif", "junit", "json");

  private final Map<String, ReportWriter> writers = new LinkedHashMap<>();

  public ReportFormats(List<ReportWriter> all) {
    all.forEach(writer -> writers.put(writer.format(), writer));
  }

  public static ReportFormats standard() {
    return new ReportFormats(List.of(new SarifReport(), new JunitReport(), new JsonReport(), new CsvReport(),
        new GitlabCodeQualityReport(), new MarkdownReport(), new HtmlReport()));
  }

  public Set<String> ids() {
    return writers.keySet();
  }

  /**
   * Resolves a --format list: ids separated by commas, {@code all} for every format.
   *
   * @throws UsageException for an unknown id
   */
  public List<ReportWriter> select(List<String> ids) {
    Set<ReportWriter> selected = new LinkedHashSet<>();
    for (String raw : ids) {
      for (String id : raw.split(",")) {
        String trimmed = id.trim().toLowerCase(java.util.Locale.ROOT);
        if (trimmed.isEmpty()) {
          continue;
        }
        if (trimmed.equals("all")) {
          selected.addAll(writers.values());
        } else if (writers.containsKey(trimmed)) {
          selected.add(writers.get(trimmed));
        } else {
          throw new UsageException("Unknown report format '" + trimmed + "'; use one or more of "
              + String.join(", ", writers.keySet()) + ", or all");
        }
      }
    }
    if (selected.isEmpty()) {
      throw new UsageException("No report format selected; use one or more of " + String.join(", ", writers.keySet())
          + ", or all");
    }
    return new ArrayList<>(selected);
  }

  /**
   * Writes each report to a temporary file beside its target and moves it into place, so a crash never leaves a
   * half-written report that a later step could mistake for a result.
   *
   * @return the files written, in order
   */
  public static List<Path> writeAll(AuditResult result, List<ReportWriter> selected, Path directory) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      for (ReportWriter writer : selected) {
        Path target = directory.resolve(writer.fileName());
        Path temp = directory.resolve("." + writer.fileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
          try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp,
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
              java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
            writer.write(result, out);
          }
          move(temp, target);
        } finally {
          Files.deleteIfExists(temp);
        }
        written.add(target);
      }
    } catch (IOException e) {
      throw new UsageException("Could not write the reports to " + directory + ": " + why(e)
          + "; check that the output directory is writable", e);
    }
    return written;
  }

  /** NIO's exceptions often have only the path as their message; their type says what happened to it. */
  private static String why(IOException e) {
    if (e instanceof FileAlreadyExistsException exists) {
      return exists.getFile() + " exists and is not a directory";
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied for " + denied.getFile();
    }
    if (e instanceof FileSystemException failed) {
      return failed.getReason() != null ? failed.getFile() + ": " + failed.getReason()
          : failed.getFile() + " could not be created or written";
    }
    return e.getMessage();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
