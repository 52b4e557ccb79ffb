package dev.iamaudit.inventory;

import java.util.Objects;

/**
 * A range of a char array seen as a {@link CharSequence} and moved from value to value, so that
 * text in Jackson's buffer can be read without first being copied into a string. It shows the
 * buffer as it is now: it is good only until the parser moves on.
 */
final class CharWindow implements CharSequence {
  private char[] chars = new char[0];
  private int offset;
  private int length;

  CharWindow set(char[] chars, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, chars.length);
    this.chars = chars;
    this.offset = offset;
    this.length = length;
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    Objects.checkIndex(index, length);
    return chars[offset + index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    Objects.checkFromToIndex(start, end, length);
    return new String(chars, offset + start, end - start);
  }

  @Override
  public String toString() {
    return new String(chars, offset, length);
  }
}
