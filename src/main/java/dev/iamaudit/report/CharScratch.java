package dev.iamaudit.report;

/**
 * One reused array that text is copied into for the APIs that take a char range (Jackson's
 * writeString, a Writer, the escapers), so writers that put out a message per finding do not make a
 * String of each. Not for sharing between threads.
 */
final class CharScratch {
  private char[] chars;

  CharScratch(int capacity) {
    chars = new char[capacity];
  }

  /**
   * The chars of {@code text} from index 0, valid until the next call; the array may be longer than
   * the text.
   */
  char[] copy(CharSequence text) {
    int length = text.length();
    if (length > chars.length) {
      chars = new char[Math.max(length, 2 * chars.length)];
    }
    if (text instanceof String string) {
      string.getChars(0, length, chars, 0);
    } else if (text instanceof StringBuilder builder) {
      builder.getChars(0, length, chars, 0);
    } else {
      for (int i = 0; i < length; i++) {
        chars[i] = text.charAt(i);
      }
    }
    return chars;
  }
}
