package dev.iamaudit.report;

/**
 * Text that XML 1.0 can carry. Identity names come from the cloud account and may hold control characters that no
 * XML parser accepts, even escaped; they become U+FFFD. Attribute values also lose their line breaks, which parsers
 * would turn into spaces anyway, so the file reads the same as what a CI server shows.
 */
final class XmlText {
  private XmlText() {}

  static String content(String text) {
    StringBuilder clean = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = isAllowed(c) || isPairedSurrogate(text, i);
      if (!allowed && clean == null) {
        clean = new StringBuilder(text.substring(0, i));
      }
      if (clean != null) {
        clean.append(allowed ? c : '\uFFFD');
      }
    }
    return clean == null ? text : clean.toString();
  }

  static String attribute(String text) {
    return content(text).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
  }

  /** Whether XML 1.0 allows {@code c}; a surrogate is allowed only as half of a pair, which one char cannot show. */
  static boolean isAllowed(char c) {
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
  }

  private static boolean isPairedSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
