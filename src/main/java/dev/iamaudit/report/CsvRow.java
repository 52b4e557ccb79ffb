package dev.iamaudit.report;

import java.time.Instant;

/**
 * RFC 4180 records appended to a buffer: fields holding a comma, quote, CR or LF are quoted with
 * inner quotes doubled; records end in CRLF. A field that a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @}, tab, CR first) gets a leading apostrophe, since
 * identity names are chosen by whoever may create an identity (OWASP CSV injection).
 *
 * <p>Fields are appended as they are read, without a String per field or record: a large account's
 * CSV has millions of fields.
 */
final class CsvRow {
  private final StringBuilder line;

  /** A field that is not text yet: a time, a flag, a count. */
  private final StringBuilder value = new StringBuilder(32);

  private boolean first = true;

  CsvRow(StringBuilder line) {
    this.line = line;
  }

  /** Null and empty are both an empty field. */
  CsvRow add(CharSequence field) {
    if (!first) {
      line.append(',');
    }
    first = false;
    append(line, field);
    return this;
  }

  /** Fields this class wrote before, comma-separated, taken as they are. */
  CsvRow fields(CharSequence written) {
    if (!first) {
      line.append(',');
    }
    first = false;
    line.append(written);
    return this;
  }

  CsvRow blank() {
    return add((CharSequence) null);
  }

  CsvRow blanks(int count) {
    for (int i = 0; i < count; i++) {
      blank();
    }
    return this;
  }

  CsvRow add(Instant instant) {
    if (instant == null) {
      return blank();
    }
    value.setLength(0);
    return add(InstantText.append(value, instant));
  }

  CsvRow add(Boolean flag) {
    return flag == null ? blank() : add(flag ? "true" : "false");
  }

  CsvRow add(Long count) {
    if (count == null) {
      return blank();
    }
    value.setLength(0);
    return add(value.append(count.longValue()));
  }

  void end() {
    line.append("\r\n");
    first = true;
  }

  /** One field as it is written. */
  static String field(String value) {
    StringBuilder field = new StringBuilder();
    append(field, value);
    return field.toString();
  }

  private static void append(StringBuilder out, CharSequence value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    boolean quote = needsQuotes(value);
    if (quote) {
      out.append('"');
    }
    if ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      out.append('\'');
    }
    if (quote) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"') {
          out.append('"');
        }
        out.append(c);
      }
      out.append('"');
    } else {
      out.append(value);
    }
  }

  private static boolean needsQuotes(CharSequence value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
