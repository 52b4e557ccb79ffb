package dev.iamaudit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.Fingerprints;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes findings' messages and fingerprints into JSON through one reused buffer, without a String for each: a
 * report of hundreds of thousands of findings would otherwise allocate more than the whole inventory it describes.
 * One per report being written; not for sharing between threads.
 */
final class MessageBuffer {
  private final StringBuilder text = new StringBuilder(512);
  private final CharScratch scratch = new CharScratch(512);

  void writeMessage(JsonGenerator json, Finding finding) throws IOException {
    finding.appendMessage(start());
    write(json);
  }

  /** The buffer, emptied, for a value that {@link #write} then puts out. */
  StringBuilder start() {
    text.setLength(0);
    return text;
  }

  void write(JsonGenerator json) throws IOException {
    json.writeString(scratch.copy(text), 0, text.length());
  }

  /**
   * A generator for one of {@link ParallelChunks}' buffers: the findings of a chunk are written at its root, and the
   * formatter puts in the separators, so the generator puts none between them.
   */
  static JsonGenerator chunkGenerator(JsonFactory factory, OutputStream chunk) {
    try {
      JsonGenerator json = factory.createGenerator(chunk, JsonEncoding.UTF8);
      json.setRootValueSeparator(null);
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeFingerprint(JsonGenerator json, Finding finding) throws IOException {
    json.writeString(finding.fingerprintChars(), 0, Fingerprints.LENGTH);
  }
}
