package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelChunksTest {
  /** Writes each number on a line of its own, and fails on the number it is told to. */
  private static ParallelChunks.Formatter<Integer> lines(OutputStream out, int failOn) {
    return (chunk, first) -> {
      for (int item : chunk) {
        if (item == failOn) {
          throw new IOException("disk full at " + failOn);
        }
        out.write((item + "\n").getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  private static String write(List<Integer> items) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ParallelChunks.write(items, items.size(), buffer -> lines(buffer, -1), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<Integer> upTo(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void manyChunksComeOutInOrder() throws IOException {
    List<Integer> items = upTo(ParallelChunks.CHUNK * 9 + 17);
    assertEquals(items.stream().map(i -> i + "\n").collect(Collectors.joining()), write(items));
  }

  @Test
  void aShortListIsWrittenWhole() throws IOException {
    assertEquals("0\n1\n2\n", write(upTo(3)));
    assertEquals("", write(List.of()));
  }

  @Test
  void aFormattersBugSurfacesAsItself() {
    List<Integer> items = upTo(ParallelChunks.CHUNK * 4);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                ParallelChunks.write(
                    items,
                    items.size(),
                    buffer ->
                        (chunk, first) -> {
                          if (first > 0) {
                            throw new IllegalStateException("chunk at " + first);
                          }
                        },
                    new ByteArrayOutputStream()));
    assertEquals("chunk at " + ParallelChunks.CHUNK, e.getMessage());
  }

  @Test
  void aFormatterFailureIsTheWritersFailure() {
    List<Integer> items = upTo(ParallelChunks.CHUNK * 5);
    int failOn = ParallelChunks.CHUNK * 3 + 5;
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                ParallelChunks.write(
                    items,
                    items.size(),
                    buffer -> lines(buffer, failOn),
                    new ByteArrayOutputStream()));
    assertEquals("disk full at " + failOn, e.getMessage());
  }

  @Test
  void runningOutOfMemoryOnAWorkerSurfacesAsItself() {
    List<Integer> items = upTo(ParallelChunks.CHUNK * 4);
    List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    OutOfMemoryError e =
        assertThrows(
            OutOfMemoryError.class,
            () ->
                ParallelChunks.write(
                    items,
                    items.size(),
                    buffer ->
                        (chunk, first) -> {
                          if (first > 0) {
                            threads.add(Thread.currentThread().getName());
                            throw new OutOfMemoryError("Java heap space");
                          }
                        },
                    new ByteArrayOutputStream()));
    assertEquals("Java heap space", e.getMessage());
    assertEquals("iam-audit-report", threads.get(0));
  }
}
