package dev.iamaudit.audit;

import java.nio.charset.StandardCharsets;

/** Reads what {@link RecordBuffer} wrote, from a byte array the caller fills. */
final class RecordReader {
  private byte[] bytes;
  private int position;
  private char[] chars = new char[256];

  /** Reads from {@code position} of {@code bytes}. */
  RecordReader at(byte[] source, int start) {
    bytes = source;
    position = start;
    return this;
  }

  int position() {
    return position;
  }

  void skip(int count) {
    position += count;
  }

  int readByte() {
    return bytes[position++] & 0xff;
  }

  long readVarint() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[position++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  String readText() {
    int count = (int) readVarint() - 1;
    if (count < 0) {
      return null;
    }
    int start = position;
    position += count;
    boolean ascii = true;
    for (int i = start; i < position; i++) {
      if (bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, start, count, StandardCharsets.ISO_8859_1);
    }
    if (chars.length < count) {
      chars = new char[Math.max(count, 2 * chars.length)];
    }
    int n = 0;
    for (int i = start; i < position; ) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        chars[n++] = (char) b;
        i++;
      } else if (b < 0xe0) {
        chars[n++] = (char) ((b & 0x1f) << 6 | (bytes[i + 1] & 0x3f));
        i += 2;
      } else {
        chars[n++] = (char) ((b & 0x0f) << 12 | (bytes[i + 1] & 0x3f) << 6 | (bytes[i + 2] & 0x3f));
        i += 3;
      }
    }
    return new String(chars, 0, n);
  }
}
