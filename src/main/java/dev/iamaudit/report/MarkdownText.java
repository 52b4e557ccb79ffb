package dev.iamaudit.report;

/**
 * Text inside a Markdown table cell: a {@code |} would end the cell, a line break the row, {@code
 * <} and {@code &} would be read as HTML, and emphasis or link characters would restyle a name
 * chosen by whoever created the identity.
 */
final class MarkdownText {
  private MarkdownText() {}

  static String cell(String text) {
    StringBuilder cell = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> cell.append("&lt;");
        case '>' -> cell.append("&gt;");
        case '&' -> cell.append("&amp;");
        case '\r' -> {
          cell.append("<br>");
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> cell.append("<br>");
        case '|', '\\', '`', '*', '_', '[', ']' -> cell.append('\\').append(c);
        default -> cell.append(c);
      }
    }
    return cell.toString();
  }
}
