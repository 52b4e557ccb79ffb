package dev.iamaudit.audit;

import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads the length-prefixed records of a stretch of a spill file through a window of a few KB, so
 * that reading a file of any size holds one window.
 */
final class RecordWindow {
  private final Spill spill;
  private final FileChannel file;
  private final long end;

  /** The file position of {@code window[0]}. */
  private long position;

  private byte[] window;
  private int at;
  private int limit;

  RecordWindow(Spill spill, FileChannel file, long start, long end, int size) {
    this.spill = spill;
    this.file = file;
    this.position = start;
    this.end = end;
    this.window = new byte[size];
  }

  boolean hasNext() {
    return at < limit || position + limit < end;
  }

  /** The window, which holds the record {@link #next()} returned, until the next call. */
  byte[] bytes() {
    return window;
  }

  /** Moves to the next record; the offset of its length field in {@link #bytes()}. */
  int next() {
    while (limit - at < 4 || limit - at < 4 + length(at)) {
      refill();
    }
    int record = at;
    at += 4 + length(at);
    return record;
  }

  private int length(int offset) {
    return (window[offset] & 0xff) << 24
        | (window[offset + 1] & 0xff) << 16
        | (window[offset + 2] & 0xff) << 8
        | (window[offset + 3] & 0xff);
  }

  /**
   * Moves the unread rest to the front and reads on, growing the window for a record longer than
   * it.
   */
  private void refill() {
    int rest = limit - at;
    System.arraycopy(window, at, window, 0, rest);
    position += at;
    at = 0;
    limit = rest;
    if (rest >= 4 && 4 + length(0) > window.length) {
      window = Arrays.copyOf(window, 4 + length(0));
    }
    long unread = end - (position + limit);
    if (unread <= 0) {
      throw new IllegalStateException("a spill file ends inside a record");
    }
    limit +=
        spill.read(
            file, position + limit, window, limit, (int) Math.min(window.length - limit, unread));
  }
}
