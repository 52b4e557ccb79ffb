package dev.iamaudit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * Writes XML as UTF-8, escaped as the JDK's XMLStreamWriter escapes it, in one pass from the
 * caller's characters into a byte buffer.
 *
 * <p>Identity names come from the cloud account and may hold control characters that no XML parser
 * accepts, even escaped: they become U+FFFD, and so does half a surrogate pair. Attribute values
 * also lose their line breaks and tabs to spaces, which parsers would make of them anyway, so the
 * file reads the same as what a CI server shows.
 *
 * <p>XMLStreamWriter takes attribute values only as Strings, so a JUnit report of hundreds of
 * thousands of test cases built a name and a message String for each just to hand them over; this
 * writer takes a {@link StringBuilder} the caller reuses. Its markup is the same: {@code <a
 * x="1"/>} for an empty element, {@code &lt; &gt; &amp;} in text, and {@code &quot;} too in
 * attribute values.
 */
final class XmlWriter {
  /** The longest any one char becomes: "&quot;". */
  private static final int MAX_BYTES_PER_CHAR = 6;

  /** The ASCII chars written as they are in text and attribute values alike. */
  private static final boolean[] PLAIN = new boolean[0x80];

  static {
    for (char c = ' '; c < 0x80; c++) {
      PLAIN[c] = c != '&' && c != '<' && c != '>' && c != '"';
    }
  }

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 16];
  private final ArrayDeque<String> open = new ArrayDeque<>();
  private final CharScratch scratch = new CharScratch(1024);
  private int position;
  private Tag pending = Tag.NONE;

  /** The start tag being written, closed by whatever comes next. */
  private enum Tag {
    NONE,
    START,
    EMPTY
  }

  XmlWriter(OutputStream out) {
    this.out = out;
  }

  XmlWriter declaration() throws IOException {
    markup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    return this;
  }

  XmlWriter start(String element) throws IOException {
    closeTag();
    markup("<");
    markup(element);
    open.push(element);
    pending = Tag.START;
    return this;
  }

  /** An element without content: {@code <element .../>}. */
  XmlWriter empty(String element) throws IOException {
    closeTag();
    markup("<");
    markup(element);
    pending = Tag.EMPTY;
    return this;
  }

  XmlWriter attribute(String name, CharSequence value) throws IOException {
    if (pending == Tag.NONE) {
      throw new IllegalStateException("attribute " + name + " outside a start tag");
    }
    markup(" ");
    markup(name);
    markup("=\"");
    escape(value, true);
    markup("\"");
    return this;
  }

  XmlWriter text(CharSequence text) throws IOException {
    closeTag();
    escape(text, false);
    return this;
  }

  XmlWriter end() throws IOException {
    closeTag();
    markup("</");
    markup(open.pop());
    markup(">");
    return this;
  }

  /** Writes what is buffered to the stream, and flushes that. */
  void flush() throws IOException {
    drain();
    out.flush();
  }

  private void closeTag() throws IOException {
    if (pending == Tag.START) {
      markup(">");
    } else if (pending == Tag.EMPTY) {
      markup("/>");
    }
    pending = Tag.NONE;
  }

  /** Names and punctuation this class writes: ASCII that needs no escaping. */
  private void markup(String ascii) throws IOException {
    int length = ascii.length();
    if (position + length > buffer.length) {
      drain();
    }
    for (int i = 0; i < length; i++) {
      buffer[position++] = (byte) ascii.charAt(i);
    }
  }

  private void escape(CharSequence text, boolean attribute) throws IOException {
    escape(scratch.copy(text), text.length(), attribute);
  }

  private void escape(char[] text, int length, boolean attribute) throws IOException {
    int i = 0;
    while (i < length) {
      if (buffer.length - position <= MAX_BYTES_PER_CHAR) {
        drain();
      }
      // Most text is ASCII that needs no escaping: copied as it is, as far as the buffer has room.
      int end = Math.min(length, i + buffer.length - position - MAX_BYTES_PER_CHAR);
      char c;
      while (i < end && (c = text[i]) < 0x80 && PLAIN[c]) {
        buffer[position++] = (byte) c;
        i++;
      }
      if (i < end) {
        i = special(text, i, length, attribute);
      }
    }
  }

  /** Writes the char at {@code i}, which is not plain ASCII, and returns the index of the next. */
  private int special(char[] text, int i, int length, boolean attribute) {
    char c = text[i];
    switch (c) {
      case '&' -> ascii("&amp;");
      case '<' -> ascii("&lt;");
      case '>' -> ascii("&gt;");
      case '"' -> ascii(attribute ? "&quot;" : "\"");
      case '\t', '\n' -> buffer[position++] = (byte) (attribute ? ' ' : c);
      case '\r' -> {
        buffer[position++] = (byte) (attribute ? ' ' : c);
        if (attribute && i + 1 < length && text[i + 1] == '\n') {
          return i + 2;
        }
      }
      default -> {
        if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(text[i + 1])) {
          int code = Character.toCodePoint(c, text[i + 1]);
          buffer[position++] = (byte) (0xF0 | (code >> 18));
          buffer[position++] = (byte) (0x80 | ((code >> 12) & 0x3F));
          buffer[position++] = (byte) (0x80 | ((code >> 6) & 0x3F));
          buffer[position++] = (byte) (0x80 | (code & 0x3F));
          return i + 2;
        }
        utf8(isAllowed(c) ? c : '\uFFFD');
      }
    }
    return i + 1;
  }

  /**
   * Whether XML 1.0 allows {@code c}; a surrogate is allowed only as half of a pair, which one char
   * cannot show.
   */
  private static boolean isAllowed(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }

  private void ascii(String entity) {
    for (int i = 0; i < entity.length(); i++) {
      buffer[position++] = (byte) entity.charAt(i);
    }
  }

  /** A char of the Basic Multilingual Plane that is not a surrogate. */
  private void utf8(char c) {
    if (c < 0x80) {
      buffer[position++] = (byte) c;
    } else if (c < 0x800) {
      buffer[position++] = (byte) (0xC0 | (c >> 6));
      buffer[position++] = (byte) (0x80 | (c & 0x3F));
    } else {
      buffer[position++] = (byte) (0xE0 | (c >> 12));
      buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      buffer[position++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  /**
   * Writes what is buffered to the stream, without flushing that: before someone else writes to it.
   */
  void drain() throws IOException {
    out.write(buffer, 0, position);
    position = 0;
  }
}
