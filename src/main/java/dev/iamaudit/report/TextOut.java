package dev.iamaudit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Text appended in place and put out as UTF-8 a block at a time. Writers of one line per finding or
 * identity build each line in this one buffer instead of a String per cell, escaped copy and line:
 * for an account of hundreds of thousands of identities, those Strings were most of what the run
 * allocated. One per thread.
 */
final class TextOut {
  private static final int BLOCK = 1 << 13;

  private final Writer out;
  private final StringBuilder text = new StringBuilder(2 * BLOCK);
  private final CharScratch scratch = new CharScratch(2 * BLOCK);

  TextOut(OutputStream out) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  /**
   * Where to append; what is there goes out at the first {@link #endLine} past a block, or at
   * {@link #flush}.
   */
  StringBuilder text() {
    return text;
  }

  void endLine() throws IOException {
    if (text.length() >= BLOCK) {
      drain();
    }
  }

  void flush() throws IOException {
    drain();
    out.flush();
  }

  private void drain() throws IOException {
    out.write(scratch.copy(text), 0, text.length());
    text.setLength(0);
  }
}
