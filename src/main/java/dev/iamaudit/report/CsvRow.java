package dev.iamaudit.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One RFC 4180 record: fields holding a comma, quote, CR or LF are quoted with inner quotes doubled; records end
 * in CRLF. A field that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, CR
 * first) gets a leading apostrophe, since identity names are chosen by whoever may create an identity (OWASP CSV
 * injection).
 */
final class CsvRow {
  private CsvRow() {}

  static void write(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(fields.get(i)));
    }
    out.write("\r\n");
  }

  static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
        || safe.indexOf('\n') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
