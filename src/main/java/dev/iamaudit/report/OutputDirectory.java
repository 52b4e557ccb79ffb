package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.iam.Sleeper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The output directory, which holds exactly one run's reports: writing replaces every report an
 * earlier run left there (of any format) and the temporary files of a run that crashed, and nothing
 * else, since people point the output at {@code .} or at a folder of their own files.
 *
 * <p>Each report is written to a temporary file with an unpredictable name, created exclusively
 * (never through a symbolic link planted there), then moved over its target in one step, so no
 * reader sees half a report. Runs into one directory take turns: each holds {@code .iam-audit.lock}
 * while it clears and writes, and one that finds it held waits up to {@link #MAX_WAIT}, then gives
 * up saying why. The holder deletes the lock file before letting go, so none is left behind.
 */
public final class OutputDirectory {
  public static final String LOCK = ".iam-audit.lock";

  /**
   * Clearing and writing take seconds even for the largest accounts; much longer means a run stuck
   * or misplaced.
   */
  static final Duration MAX_WAIT = Duration.ofMinutes(2);

  static final Duration POLL = Duration.ofMillis(250);
  private static final String TEMP_SUFFIX = ".tmp";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;
  private final Set<String> reportNames;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param reportNames the file names of every format, written this run or not
   */
  public OutputDirectory(Path directory, Set<String> reportNames, Clock clock, Sleeper sleeper) {
    this.directory = directory;
    this.reportNames = Set.copyOf(reportNames);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Removes the reports of an earlier run before this one starts, so that a run that ends without
   * reports does not leave the last run's to be taken for its own. Creates nothing when the
   * directory does not exist.
   */
  public void clearEarlierRun() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Held held = lock()) {
      clear();
    } catch (IOException e) {
      throw cannotWrite(e);
    }
  }

  /**
   * Replaces the directory's reports with these.
   *
   * @return the files written, in order
   */
  public List<Path> write(AuditResult result, List<ReportWriter> writers) {
    try {
      Files.createDirectories(directory);
      try (Held held = lock()) {
        clear();
        return writeSideBySide(result, writers);
      }
    } catch (IOException e) {
      throw cannotWrite(e);
    }
  }

  /**
   * Each report on a thread of its own: one copies the JSON lines the audit kept while another
   * formats JUnit's cases, and a large account's reports come out in the time of the longest. A
   * report that cannot be written fails the run once the others are done.
   */
  private List<Path> writeSideBySide(AuditResult result, List<ReportWriter> writers)
      throws IOException {
    if (writers.size() == 1) {
      return List.of(writeOne(result, writers.get(0)));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            writers.size(),
            task -> {
              Thread thread = new Thread(task, "iam-audit-write");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Path>> writing = new ArrayList<>();
      for (ReportWriter writer : writers) {
        writing.add(pool.submit(() -> writeOne(result, writer)));
      }
      List<Path> written = new ArrayList<>();
      Throwable failure = null;
      for (Future<Path> report : writing) {
        try {
          written.add(report.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          if (failure == null) {
            failure = e.getCause();
          }
        }
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      return written;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("Interrupted while writing the reports to " + directory, e);
    } finally {
      pool.shutdownNow();
    }
  }

  private Path writeOne(AuditResult result, ReportWriter writer) throws IOException {
    Path target = directory.resolve(writer.fileName());
    Path temp =
        directory.resolve(
            "."
                + writer.fileName()
                + "."
                + HexFormat.of().toHexDigits(RANDOM.nextLong())
                + TEMP_SUFFIX);
    try {
      // CREATE_NEW fails on anything already there, a symbolic link included, instead of writing
      // through it.
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(
                  temp,
                  StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE,
                  LinkOption.NOFOLLOW_LINKS),
              1 << 16)) {
        writer.write(result, out);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** Renaming replaces a symbolic link at the target itself, never the file it points to. */
  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
    }
  }

  /**
   * Every report name, and the tool's temporary files ({@code .<report name>.<anything>.tmp}); no
   * directory.
   */
  private void clear() throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        if (ours(entry.getFileName().toString())
            && !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(entry);
        }
      }
    }
  }

  private boolean ours(String name) {
    if (reportNames.contains(name)) {
      return true;
    }
    if (!name.startsWith(".") || !name.endsWith(TEMP_SUFFIX)) {
      return false;
    }
    for (String report : reportNames) {
      if (name.startsWith("." + report + ".")
          && name.length() > report.length() + 2 + TEMP_SUFFIX.length()) {
        return true;
      }
    }
    return false;
  }

  /** The lock on {@link #LOCK}, held until closed; the file goes first, then the lock. */
  private final class Held implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Object fileKey;

    Held(FileChannel channel, FileLock lock, Object fileKey) {
      this.channel = channel;
      this.lock = lock;
      this.fileKey = fileKey;
    }

    @Override
    public void close() throws IOException {
      try {
        // Only where the file can be told from a new one by its key may it go: a run waiting on it
        // checks that.
        if (fileKey != null) {
          Files.deleteIfExists(directory.resolve(LOCK));
        }
        lock.release();
      } finally {
        channel.close();
      }
    }
  }

  private Held lock() throws IOException {
    Path file = directory.resolve(LOCK);
    Instant deadline = clock.instant().plus(MAX_WAIT);
    while (true) {
      Held held = tryHold(file);
      if (held != null) {
        return held;
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new UsageException(
            "Another iam-audit run is writing its reports to "
                + directory
                + " (it holds "
                + file
                + ") and did not finish within "
                + MAX_WAIT.toMinutes()
                + " minutes; give each run its own "
                + "output directory");
      }
      try {
        sleeper.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UsageException(
            "Interrupted while waiting for another iam-audit run to finish writing to " + directory,
            e);
      }
    }
  }

  /** The lock, or null when another run holds it or let go of it and deleted the file meanwhile. */
  private Held tryHold(Path file) throws IOException {
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      // NOFOLLOW_LINKS refuses a planted link with a message that names neither the file nor the
      // link.
      throw Files.isSymbolicLink(file) ? new FileSystemException(file.toString()) : e;
    }
    Held held = null;
    try {
      Object key = fileKey(file);
      FileLock lock = tryLock(channel);
      if (lock != null) {
        // A lock on a file its holder deleted meanwhile locks nothing anyone else sees: open the
        // new one.
        if (key != GONE && (key == null || key.equals(fileKey(file)))) {
          held = new Held(channel, lock, key);
        } else {
          lock.release();
        }
      }
      return held;
    } finally {
      if (held == null) {
        channel.close();
      }
    }
  }

  /** Marks a lock file deleted since it was opened. */
  private static final Object GONE = new Object();

  /**
   * What tells this file from a new one at the same path (device and inode), null where the system
   * has none.
   */
  private static Object fileKey(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (NoSuchFileException e) {
      return GONE;
    }
  }

  /**
   * Null while held, by another process or, through another channel, by another run in this JVM.
   */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private UsageException cannotWrite(IOException e) {
    return new UsageException(
        "Could not write the reports to "
            + directory
            + ": "
            + why(e)
            + "; check that the output directory is writable",
        e);
  }

  /**
   * NIO's exceptions often have only the path as their message; their type says what happened to
   * it.
   */
  private static String why(IOException e) {
    if (e instanceof FileSystemException failed
        && failed.getFile() != null
        && Files.isSymbolicLink(Path.of(failed.getFile()))) {
      return failed.getFile() + " is a symbolic link; remove it";
    }
    if (e instanceof FileAlreadyExistsException exists) {
      return exists.getFile() + " exists and is not a directory";
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied for " + denied.getFile();
    }
    if (e instanceof FileSystemException failed) {
      return failed.getReason() != null
          ? failed.getFile() + ": " + failed.getReason()
          : failed.getFile() + " could not be created or written";
    }
    return e.getMessage();
  }
}
