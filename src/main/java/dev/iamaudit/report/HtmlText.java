package dev.iamaudit.report;

/**
 * Text and attribute values for HTML: every character that could open markup or end an attribute is
 * escaped.
 */
final class HtmlText {
  private HtmlText() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder html = new StringBuilder(text.length() + 16);
    escape(text, html);
    return html.toString();
  }

  /**
   * Appends {@code text} escaped to {@code html}, for rows built in place; null appends nothing.
   */
  static void escape(String text, StringBuilder html) {
    if (text == null) {
      return;
    }
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      String entity = entity(text.charAt(i));
      if (entity != null) {
        html.append(text, run, i).append(entity);
        run = i + 1;
      }
    }
    html.append(text, run, text.length());
  }

  /**
   * Appends {@code text[from, to)} escaped to {@code html}: text built in a buffer (a message) is
   * escaped from its characters, and the runs between escapes are copied whole, since a report
   * escapes every one of its messages.
   */
  static void escape(char[] text, int from, int to, StringBuilder html) {
    int run = from;
    for (int i = from; i < to; i++) {
      String entity = entity(text[i]);
      if (entity != null) {
        html.append(text, run, i - run).append(entity);
        run = i + 1;
      }
    }
    html.append(text, run, to - run);
  }

  private static String entity(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#39;";
      default -> null;
    };
  }
}
