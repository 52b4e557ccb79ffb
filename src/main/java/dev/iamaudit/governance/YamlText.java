package dev.iamaudit.governance;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values written into the user's YAML so that they read back as the very same text. Ids and names
 * come from IBM's data and owners from the user: a quote, a colon, a line break or a word YAML
 * takes for a boolean must not change what an entry says, or end it early.
 */
final class YamlText {
  /**
   * What a plain scalar may be, in a flow mapping too, and still read back as text: no indicator,
   * no number.
   */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._@/+-]*");

  /** The words YAML 1.1, which SnakeYAML reads, takes for booleans and null. */
  private static final Set<String> WORDS =
      Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * A comment longer than this is cut: an identity's name is IBM's data, and a line has a size
   * limit.
   */
  static final int MAX_COMMENT = 120;

  private YamlText() {}

  /** {@code value} plain where that reads back as the same text, else double-quoted. */
  static String scalar(String value) {
    return PLAIN.matcher(value).matches() && !WORDS.contains(value.toLowerCase(Locale.ROOT))
        ? value
        : quoted(value);
  }

  /**
   * {@code value} double-quoted, with every character YAML or a reviewer's screen would act on
   * escaped.
   */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    escape(value, out, true);
    return out.append('"').toString();
  }

  /**
   * {@code text} as one comment line's text: what would end the line or hide in it escaped, cut at
   * {@value #MAX_COMMENT} characters.
   */
  static String comment(String text) {
    StringBuilder out = new StringBuilder();
    escape(text.length() > MAX_COMMENT ? text.substring(0, MAX_COMMENT) + "..." : text, out, false);
    return out.toString();
  }

  private static void escape(String value, StringBuilder out, boolean quotes) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quotes && (c == '"' || c == '\\')) {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t' && quotes) {
        out.append("\\t");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (escaped(c)) {
        out.append("\\u")
            .append(HEX[c >> 12])
            .append(HEX[(c >> 8) & 15])
            .append(HEX[(c >> 4) & 15])
            .append(HEX[c & 15]);
      } else {
        out.append(c);
      }
    }
  }

  /**
   * Controls, the characters YAML refuses in a file, the ones it takes for line breaks, and the
   * bidi controls that would show a reviewer text in another order than the file holds it.
   */
  private static boolean escaped(char c) {
    return (c < 0x20 && c != '\t')
        || (c >= 0x7f && c <= 0x9f)
        || Character.isSurrogate(c)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\ufeff'
        || c == '\ufffe'
        || c == '\uffff'
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
