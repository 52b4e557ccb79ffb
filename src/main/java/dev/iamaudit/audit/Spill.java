package dev.iamaudit.audit;

import dev.iamaudit.failure.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where one audit keeps its findings while it runs: in memory up to a budget, beyond it in files of
 * a directory of its own under the temporary directory, made when first needed and deleted on
 * {@link #close()} (or, should the JVM be stopped first, when it shuts down). The files hold what
 * the reports hold, never a key or token.
 *
 * <p>The audit fills it from one thread; once the identities are judged, reports read it from any
 * thread.
 */
public final class Spill implements AutoCloseable {
  /** What the buffers of one audit may hold in memory before the largest goes to a file. */
  public static final long DEFAULT_BUDGET = 16L << 20;

  /** Something that holds records in memory until told to write them out. */
  interface Buffer {
    long buffered();

    void flush();
  }

  /**
   * The most a block holds: large arrays are costly for the collector, and a budget holds a few
   * dozen blocks.
   */
  private static final int MAX_BLOCK = 1 << 18;

  private final Path parent;
  private final long budget;
  private final int blockSize;

  /** Blocks given back, lent again before new ones are made; never more than the budget's worth. */
  private final ArrayDeque<byte[]> spare = new ArrayDeque<>();

  private final List<Buffer> buffers = new ArrayList<>();
  private final List<FileChannel> files = new ArrayList<>();
  private long buffered;
  private Path directory;
  private Thread cleanup;
  private volatile boolean closed;

  private Spill(Path parent, long budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be positive: " + budget);
    }
    this.parent = parent;
    this.budget = budget;
    this.blockSize = (int) Math.max(64, Math.min(MAX_BLOCK, budget / 8));
  }

  /** A spill under {@code java.io.tmpdir} with the {@link #DEFAULT_BUDGET}. */
  public static Spill temporary() {
    return new Spill(Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_BUDGET);
  }

  /** A spill whose files go under {@code parent}, beyond {@code budget} bytes held in memory. */
  public static Spill under(Path parent, long budget) {
    return new Spill(parent, budget);
  }

  /** The directory of this audit's files, or null while it needs none. */
  public synchronized Path directory() {
    return directory;
  }

  void register(Buffer buffer) {
    buffers.add(buffer);
  }

  /** A buffer grew by {@code bytes}; past the budget, the largest is written out. */
  void grew(long bytes) {
    buffered += bytes;
    if (buffered > budget) {
      buffers.stream().max(Comparator.comparingLong(Buffer::buffered)).ifPresent(Buffer::flush);
    }
  }

  /** A buffer let go of {@code bytes}. */
  void shrank(long bytes) {
    buffered -= bytes;
  }

  /**
   * A block for records, of at least {@code length} bytes: one longer than the usual block gets one
   * of its own.
   */
  byte[] block(int length) {
    if (length > blockSize) {
      return new byte[length];
    }
    byte[] block = spare.poll();
    return block != null ? block : new byte[blockSize];
  }

  /** A block no longer needed. */
  void giveBack(byte[] block) {
    if (block.length == blockSize && (spare.size() + 1L) * blockSize <= budget) {
      spare.push(block);
    }
  }

  /** A new, empty file in this audit's directory, which is made first if need be. */
  synchronized FileChannel create(String name) {
    if (closed) {
      throw new IllegalStateException("the audit's temporary files are already deleted");
    }
    try {
      if (directory == null) {
        Files.createDirectories(parent);
        directory = Files.createTempDirectory(parent, "iam-audit-");
        Path made = directory;
        cleanup = new Thread(() -> delete(made), "iam-audit-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
      }
      FileChannel file =
          FileChannel.open(
              directory.resolve(name),
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      files.add(file);
      return file;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Writes all of {@code bytes[0, length)} at {@code position}. */
  void write(FileChannel file, byte[] bytes, int length, long position) {
    write(file, bytes, length, position, 0);
  }

  /** Writes all of {@code bytes[offset, offset + length)} at {@code position}. */
  void write(FileChannel file, byte[] bytes, int length, long position, int offset) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
    try {
      while (buffer.hasRemaining()) {
        file.write(buffer, position + buffer.position() - offset);
      }
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /**
   * Reads up to {@code length} bytes at {@code position} into {@code bytes[offset...]}; how many
   * were read.
   */
  int read(FileChannel file, long position, byte[] bytes, int offset, int length) {
    if (closed) {
      throw new IllegalStateException(
          "the audit's temporary files are deleted: findings are read before the spill "
              + "is closed");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
    try {
      while (buffer.hasRemaining()) {
        if (file.read(buffer, position + buffer.position() - offset) < 0) {
          break;
        }
      }
    } catch (IOException e) {
      throw failed(e);
    }
    return buffer.position() - offset;
  }

  private UsageException failed(IOException e) {
    Path where = directory != null ? directory : parent;
    String why = e.getMessage();
    if (e instanceof FileSystemException failure) {
      // NIO's message is mostly the path again; the reason says what happened to it.
      why =
          (failure.getReason() != null ? failure.getReason() : "cannot be created or written")
              + (where.toString().equals(failure.getFile()) ? "" : " (" + failure.getFile() + ")");
    }
    return new UsageException(
        "Could not keep the audit's findings in temporary files under "
            + where
            + ": "
            + why
            + "; point java.io.tmpdir at a writable directory with room (java -Djava.io.tmpdir=DIR"
            + " -jar ..., MAVEN_OPTS for Maven)",
        e);
  }

  /** Deletes the files; the findings can no longer be read. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (FileChannel file : files) {
      try {
        file.close();
      } catch (IOException e) {
        // Deleting it below is what matters.
      }
    }
    if (directory != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // The JVM is shutting down; the hook deletes the same directory.
      }
      IOException failure = delete(directory);
      if (failure != null) {
        throw new UsageException(
            "Could not delete the audit's temporary files in "
                + directory
                + ": "
                + failure.getMessage()
                + "; delete the directory by hand",
            failure);
      }
    }
  }

  /**
   * @return why not everything could be deleted, or null
   */
  private static IOException delete(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
      return null;
    } catch (IOException e) {
      return e;
    }
  }
}
