package dev.iamaudit.audit;

import java.util.Arrays;

/**
 * Records appended to a growing byte array, in the spill's encoding: unsigned varints, and texts as
 * their length plus one (0 for null) followed by each char in one to three bytes. A char is encoded
 * on its own, surrogates too, so any Java string comes back exactly as it went in, even half a
 * surrogate pair, which reports then treat as they always did.
 */
final class RecordBuffer {
  private byte[] bytes;
  private int length;
  private char[] scratch = new char[256];

  RecordBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  int length() {
    return length;
  }

  byte[] bytes() {
    return bytes;
  }

  void clear() {
    length = 0;
  }

  void writeByte(int b) {
    ensure(1);
    bytes[length++] = (byte) b;
  }

  void writeBytes(byte[] source, int offset, int count) {
    ensure(count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  void writeVarint(long value) {
    ensure(10);
    while ((value & ~0x7fL) != 0) {
      bytes[length++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    bytes[length++] = (byte) value;
  }

  void writeText(CharSequence text) {
    if (text == null) {
      writeVarint(0);
      return;
    }
    int count = text.length();
    char[] chars = copy(text);
    int ascii = 0;
    while (ascii < count && chars[ascii] < 0x80) {
      ascii++;
    }
    if (ascii == count) {
      // Nearly every text: a byte a char, so its length is known without measuring it first.
      writeVarint(count + 1L);
      ensure(count);
      for (int i = 0; i < count; i++) {
        bytes[length + i] = (byte) chars[i];
      }
      length += count;
      return;
    }
    int bytesNeeded = ascii;
    for (int i = ascii; i < count; i++) {
      char c = chars[i];
      bytesNeeded += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    writeVarint(bytesNeeded + 1L);
    ensure(bytesNeeded);
    for (int i = 0; i < count; i++) {
      char c = chars[i];
      if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else if (c < 0x800) {
        bytes[length++] = (byte) (0xc0 | c >> 6);
        bytes[length++] = (byte) (0x80 | (c & 0x3f));
      } else {
        bytes[length++] = (byte) (0xe0 | c >> 12);
        bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        bytes[length++] = (byte) (0x80 | (c & 0x3f));
      }
    }
  }

  /** The chars of {@code text} in a scratch array of this buffer's, which one bulk copy fills. */
  private char[] copy(CharSequence text) {
    int count = text.length();
    if (scratch.length < count) {
      scratch = new char[Math.max(count, 2 * scratch.length)];
    }
    if (text instanceof String string) {
      string.getChars(0, count, scratch, 0);
    } else if (text instanceof StringBuilder builder) {
      builder.getChars(0, count, scratch, 0);
    } else {
      for (int i = 0; i < count; i++) {
        scratch[i] = text.charAt(i);
      }
    }
    return scratch;
  }

  /**
   * Begins a record with room for its length, which {@link #writeLength} fills in once the record
   * is written.
   */
  int reserveLength() {
    ensure(4);
    int start = length;
    length += 4;
    return start;
  }

  /**
   * @param start what {@link #reserveLength()} returned
   */
  void writeLength(int start) {
    int value = length - start - 4;
    bytes[start] = (byte) (value >>> 24);
    bytes[start + 1] = (byte) (value >>> 16);
    bytes[start + 2] = (byte) (value >>> 8);
    bytes[start + 3] = (byte) value;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
    }
  }
}
