package dev.iamaudit.cli;

import dev.iamaudit.PrintableText;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The one way the command line prints what it says: everything written is {@link PrintableText#escape escaped},
 * whoever builds the message, so no identity name or file content reaches the terminal or the CI log raw. Only the
 * line breaks of {@code println} and the live progress line's own controls ({@link #control}) pass through.
 */
final class ConsoleWriter extends PrintWriter {
  ConsoleWriter(Writer out) {
    super(out, true);
  }

  @Override
  public void write(int c) {
    write(String.valueOf((char) c));
  }

  @Override
  public void write(char[] buf, int off, int len) {
    write(new String(buf, off, len));
  }

  @Override
  public void write(String s, int off, int len) {
    String safe = PrintableText.escape(s.substring(off, off + len));
    super.write(safe, 0, safe.length());
  }

  /** Writes terminal controls of the tool's own ({@code \r}, erase line) as they are. */
  void control(String sequence) {
    synchronized (lock) {
      try {
        out.write(sequence);
      } catch (java.io.IOException e) {
        setError();
      }
    }
  }
}
