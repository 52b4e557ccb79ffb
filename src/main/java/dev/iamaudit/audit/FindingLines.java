package dev.iamaudit.audit;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a finding as one line, for a report that lists findings a line each ({@code
 * iam-audit.json}). The audit writes each finding's line as it keeps the finding, on its own thread
 * while the source is still being read, and the report then copies the lines in order ({@link
 * Findings#writeLines}) instead of reading every finding back.
 */
@FunctionalInterface
public interface FindingLines {
  /** A writer of lines into {@code out}, used from one thread. */
  Writer open(OutputStream out);

  /** Writes findings' lines. */
  interface Writer {
    /** Writes the finding's line, without a separator, and flushes it to the stream. */
    void write(Finding finding) throws IOException;
  }
}
