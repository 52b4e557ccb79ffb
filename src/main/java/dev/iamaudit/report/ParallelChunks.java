package dev.iamaudit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Formats a long sequence in chunks on every core and writes the chunks in order. A report of
 * hundreds of thousands of findings spends most of its time turning them into text; one thread
 * doing that left the other cores idle.
 *
 * <p>Memory stays bounded: the items are taken from their iterator a chunk at a time, and a fixed
 * set of formatters, each with its own buffer, is handed round, so at most that many chunks exist
 * at once and their buffers are reused rather than allocated per chunk.
 */
final class ParallelChunks {
  /**
   * Items per chunk: few enough that a chunk's text stays well below what the collector treats as a
   * huge array.
   */
  static final int CHUNK = 256;

  /**
   * Writes a chunk of items, flushed, to the stream it was made for. One instance is used by one
   * thread at a time, so it may keep a generator and buffers of its own.
   */
  interface Formatter<T> {
    /**
     * @param first the position of the chunk's first item in the whole sequence
     */
    void format(List<T> chunk, long first) throws IOException;
  }

  private ParallelChunks() {}

  /**
   * A JSON generator for a chunk's buffer: items are written at its root, and the formatter puts in
   * the separators, so the generator puts none between them.
   */
  static JsonGenerator jsonGenerator(JsonFactory factory, OutputStream chunk) {
    try {
      JsonGenerator json = factory.createGenerator(chunk, JsonEncoding.UTF8);
      json.setRootValueSeparator(null);
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param size how many items {@code items} yields
   * @param formatters makes a formatter that writes to the given stream
   */
  static <T> void write(
      Iterable<T> items,
      long size,
      Function<OutputStream, Formatter<T>> formatters,
      OutputStream out)
      throws IOException {
    Iterator<T> iterator = items.iterator();
    int threads =
        (int) Math.min(Runtime.getRuntime().availableProcessors(), (size + CHUNK - 1) / CHUNK);
    if (threads <= 1) {
      Formatter<T> formatter = formatters.apply(out);
      List<T> chunk = new ArrayList<>(CHUNK);
      for (long first = 0; fill(iterator, chunk); first += chunk.size()) {
        formatter.format(chunk, first);
      }
      return;
    }
    int slots = 2 * threads;
    BlockingQueue<Slot<T>> free = new ArrayBlockingQueue<>(slots);
    for (int i = 0; i < slots; i++) {
      free.add(new Slot<>(formatters));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "iam-audit-report");
              thread.setDaemon(true);
              return thread;
            });
    try {
      ArrayDeque<CompletableFuture<Slot<T>>> pending = new ArrayDeque<>();
      long first = 0;
      while (iterator.hasNext()) {
        if (pending.size() == slots) {
          drain(pending.poll(), free, out);
        }
        Slot<T> slot = take(free);
        fill(iterator, slot.chunk);
        long start = first;
        first += slot.chunk.size();
        pending.add(CompletableFuture.supplyAsync(() -> slot.fill(start), pool));
      }
      while (!pending.isEmpty()) {
        drain(pending.poll(), free, out);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Takes the next chunk of items into {@code chunk}, emptied first; false when none were left. */
  private static <T> boolean fill(Iterator<T> iterator, List<T> chunk) {
    chunk.clear();
    while (chunk.size() < CHUNK && iterator.hasNext()) {
      chunk.add(iterator.next());
    }
    return !chunk.isEmpty();
  }

  private static <T> void drain(
      CompletableFuture<Slot<T>> next, BlockingQueue<Slot<T>> free, OutputStream out)
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
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 18);
    private final Formatter<T> formatter;
    private final List<T> chunk = new ArrayList<>(CHUNK);

    Slot(Function<OutputStream, Formatter<T>> formatters) {
      this.formatter = formatters.apply(buffer);
    }

    Slot<T> fill(long first) {
      buffer.reset();
      try {
        formatter.format(chunk, first);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }
  }
}
