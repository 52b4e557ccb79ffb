package dev.iamaudit;

/**
 * Text from outside (identity names, file contents, IBM's messages) made safe for a console or a
 * build log: every character a terminal or a log reader acts on is written as an escape. A key
 * named {@code "ci\n::error ..."} then cannot start a line of its own (a GitHub Actions workflow
 * command, a fake "Gate passed"), move the cursor, ring the bell, or reorder the text around it.
 *
 * <p>Escaped: C0 controls but the tab, DEL, C1 controls, the Unicode line and paragraph separators,
 * and the bidi marks, embeddings, overrides and isolates. A backslash stays as it is, so Windows
 * paths read as they are.
 */
public final class PrintableText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PrintableText() {}

  /**
   * {@code text} with each such character as a backslash escape: n, r, or u and four hex digits.
   */
  public static String escape(CharSequence text) {
    int first = 0;
    while (first < text.length() && !escaped(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text.toString();
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!escaped(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else {
        out.append("\\u")
            .append(HEX[c >> 12])
            .append(HEX[(c >> 8) & 15])
            .append(HEX[(c >> 4) & 15])
            .append(HEX[c & 15]);
      }
    }
    return out.toString();
  }

  static boolean escaped(char c) {
    return (c < 0x20 && c != '\t')
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
