package dev.iamaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.Fingerprints;
import java.io.IOException;

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

  static void writeFingerprint(JsonGenerator json, Finding finding) throws IOException {
    json.writeString(finding.fingerprintChars(), 0, Fingerprints.LENGTH);
  }
}
