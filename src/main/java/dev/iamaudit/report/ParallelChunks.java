package dev.iamaudit.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Formats a long list in chunks on every core and writes the chunks in order. A report of hundreds of thousands of
 * findings spends most of its time turning them into text; one thread doing that left the other cores idle.
 *
 * <p>Memory stays bounded: a fixed set of formatters, each with its own buffer, is handed round, so at most that many
 * chunks exist at once and their buffers are reused rather than allocated per chunk.
 */
final class ParallelChunks {
  static final int CHUNK = 2048;

  /**
   * Writes items {@code from} to {@code to} of a list, flushed, to the stream it was made for. One instance is used
   * by one thread at a time, so it may keep a generator and buffers of its own.
   */
  interface Formatter<T> {
    void format(List<T> items, int from, int to) throws IOException;
  }

  private ParallelChunks() {}

  /** @param formatters makes a formatter that writes to the given stream */
  static <T> void write(List<T> items, Function<OutputStream, Formatter<T>> formatters, OutputStream out)
      throws IOException {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), (items.size() + CHUNK - 1) / CHUNK);
    if (threads <= 1) {
      formatters.apply(out).format(items, 0, items.size());
      return;
    }
    int slots = 2 * threads;
    BlockingQueue<Slot<T>> free = new ArrayBlockingQueue<>(slots);
    for (int i = 0; i < slots; i++) {
      free.add(new Slot<>(formatters));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "iam-audit-report");
      thread.setDaemon(true);
      return thread;
    });
    try {
      ArrayDeque<CompletableFuture<Slot<T>>> pending = new ArrayDeque<>();
      for (int from = 0; from < items.size(); from += CHUNK) {
        if (pending.size() == slots) {
          drain(pending.poll(), free, out);
        }
        Slot<T> slot = take(free);
        int start = from;
        int end = Math.min(items.size(), from + CHUNK);
        pending.add(CompletableFuture.supplyAsync(() -> slot.fill(items, start, end), pool));
      }
      while (!pending.isEmpty()) {
        drain(pending.poll(), free, out);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> void drain(CompletableFuture<Slot<T>> next, BlockingQueue<Slot<T>> free, OutputStream out)
      throws IOException {
    Slot<T> slot;
    try {
      slot = next.join();
    } catch (CompletionException e) {
      // What the formatter threw, as if it had run on this thread.
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
    slot.buffer.writeTo(out);
    free.add(slot);
  }

  private static <T> Slot<T> take(BlockingQueue<Slot<T>> free) throws IOException {
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing a report");
    }
  }

  private static final class Slot<T> {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
    private final Formatter<T> formatter;

    Slot(Function<OutputStream, Formatter<T>> formatters) {
      this.formatter = formatters.apply(buffer);
    }

    Slot<T> fill(List<T> items, int from, int to) {
      buffer.reset();
      try {
        formatter.format(items, from, to);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }
  }
}
