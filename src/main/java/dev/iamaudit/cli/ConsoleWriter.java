package dev.iamaudit.cli;

import dev.iamaudit.PrintableText;
import dev.iamaudit.policy.Severity;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The one way the command line prints what it says: everything written is {@link
 * PrintableText#escape escaped}, whoever builds the message, so no identity name or file content
 * reaches the terminal or the CI log raw. Only the line breaks of {@code println}, the live
 * progress line's own controls ({@link #control}) and the colours of {@link #print(Style, String)}
 * pass through; the text inside a colour is escaped as any other.
 */
final class ConsoleWriter extends PrintWriter {
  /** The colours of the words that carry a verdict, as ANSI SGR parameters. */
  enum Style {
    CRITICAL("1;31"),
    HIGH("31"),
    MEDIUM("33"),
    LOW("36"),
    PASSED("32"),
    FAILED("1;31");

    private final String on;

    Style(String parameters) {
      this.on = "\u001b[" + parameters + "m";
    }

    static Style of(Severity severity) {
      return switch (severity) {
        case CRITICAL -> CRITICAL;
        case HIGH -> HIGH;
        case MEDIUM -> MEDIUM;
        case LOW -> LOW;
      };
    }
  }

  static final String RESET = "\u001b[0m";

  private volatile boolean colour;

  ConsoleWriter(Writer out) {
    super(out, true);
  }

  /**
   * Whether {@link #print(Style, String)} colours; off until asked, so files and CI logs get plain
   * text.
   */
  void colour(boolean on) {
    colour = on;
  }

  /** Prints {@code text}, escaped, in {@code style} when colour is on. */
  void print(Style style, String text) {
    synchronized (lock) {
      if (colour) {
        control(style.on);
      }
      print(text);
      if (colour) {
        control(RESET);
      }
    }
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
