package dev.iamaudit.terraform;

import dev.iamaudit.terraform.HclToken.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits HCL's native syntax into tokens. A quoted string is one token whatever its {@code ${...}}
 * interpolations hold (they are skipped token by token, so nested strings and braces are balanced);
 * a heredoc is one token up to its closing marker. Comments ({@code #}, {@code //}, {@code /*
 * *}{@code /}) are dropped; new lines are kept, since they end arguments.
 */
final class HclLexer {
  private static final String STRING_NOT_CLOSED =
      "the string is not closed on its line; add the closing \"";

  private final String src;
  private int pos;
  private int line = 1;
  private int lineStart;

  HclLexer(String src) {
    this.src = src;
    if (src.startsWith("\uFEFF")) {
      pos = 1;
      lineStart = 1;
    }
  }

  List<HclToken> tokens() {
    List<HclToken> tokens = new ArrayList<>();
    HclToken token;
    do {
      token = next();
      tokens.add(token);
    } while (token.type() != Type.EOF);
    return tokens;
  }

  private HclToken next() {
    skipSpaceAndComments();
    int startLine = line;
    int startColumn = column();
    if (pos >= src.length()) {
      return new HclToken(Type.EOF, null, startLine, startColumn);
    }
    char c = src.charAt(pos);
    if (c == '\n') {
      pos++;
      line++;
      lineStart = pos;
      return new HclToken(Type.NEWLINE, null, startLine, startColumn);
    }
    if (c == '"') {
      return quoted(startLine, startColumn);
    }
    Type bracket =
        switch (c) {
          case '{' -> Type.LBRACE;
          case '}' -> Type.RBRACE;
          case '[' -> Type.LBRACK;
          case ']' -> Type.RBRACK;
          case '(' -> Type.LPAREN;
          case ')' -> Type.RPAREN;
          case ',' -> Type.COMMA;
          default -> null;
        };
    if (bracket != null) {
      return single(bracket, startLine, startColumn);
    }
    if (c == '<' && heredocAhead()) {
      return heredoc(startLine, startColumn);
    }
    if (c >= '0' && c <= '9') {
      return number(startLine, startColumn);
    }
    int codePoint = src.codePointAt(pos);
    if (Character.isUnicodeIdentifierStart(codePoint) || c == '_') {
      return identifier(startLine, startColumn);
    }
    return operator(c, startLine, startColumn);
  }

  private HclToken single(Type type, int startLine, int startColumn) {
    pos++;
    return new HclToken(type, null, startLine, startColumn);
  }

  private HclToken operator(char c, int startLine, int startColumn) {
    if (src.startsWith("...", pos)) {
      return op("...", startLine, startColumn);
    }
    String two = pos + 1 < src.length() ? src.substring(pos, pos + 2) : "";
    if (List.of("==", "!=", "<=", ">=", "&&", "||", "=>").contains(two)) {
      return op(two, startLine, startColumn);
    }
    if (c == '=') {
      return single(Type.ASSIGN, startLine, startColumn);
    }
    if (c == '.') {
      return single(Type.DOT, startLine, startColumn);
    }
    if ("+-*/%!<>?:~".indexOf(c) >= 0) {
      return op(String.valueOf(c), startLine, startColumn);
    }
    throw new HclSyntaxException(
        startLine, startColumn, "unexpected character " + shown(src.codePointAt(pos)));
  }

  private HclToken op(String text, int startLine, int startColumn) {
    pos += text.length();
    return new HclToken(Type.OPERATOR, text, startLine, startColumn);
  }

  private static String shown(int codePoint) {
    if (codePoint > 0x20 && codePoint < 0x7f) {
      return "'" + (char) codePoint + "'";
    }
    return String.format("U+%04X", codePoint);
  }

  private HclToken number(int startLine, int startColumn) {
    int start = pos;
    digits();
    if (pos + 1 < src.length() && src.charAt(pos) == '.' && isDigit(src.charAt(pos + 1))) {
      pos++;
      digits();
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int mark = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < src.length() && isDigit(src.charAt(pos))) {
        digits();
      } else {
        pos = mark;
      }
    }
    return new HclToken(Type.NUMBER, src.substring(start, pos), startLine, startColumn);
  }

  private void digits() {
    while (pos < src.length() && isDigit(src.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private HclToken identifier(int startLine, int startColumn) {
    int start = pos;
    pos += Character.charCount(src.codePointAt(pos));
    while (pos < src.length()) {
      int codePoint = src.codePointAt(pos);
      if (!Character.isUnicodeIdentifierPart(codePoint) && codePoint != '-') {
        break;
      }
      pos += Character.charCount(codePoint);
    }
    return new HclToken(Type.IDENT, src.substring(start, pos), startLine, startColumn);
  }

  /**
   * A quoted template. {@code $${} and {@code %%{} are the literal {@code ${} and {@code %{}; any other
   * {@code ${...}} or {@code %{...}} makes it a template whose value only Terraform knows.
   */
  private HclToken quoted(int startLine, int startColumn) {
    pos++;
    StringBuilder text = new StringBuilder();
    boolean template = false;
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw new HclSyntaxException(startLine, startColumn, STRING_NOT_CLOSED);
      }
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\') {
        escape(text);
      } else if ((c == '$' || c == '%') && src.startsWith(c + "" + c + "{", pos)) {
        text.append(c).append('{');
        pos += 3;
      } else if ((c == '$' || c == '%') && src.startsWith(c + "{", pos)) {
        int interpolationLine = line;
        int interpolationColumn = column();
        pos += 2;
        skipInterpolation(interpolationLine, interpolationColumn, c);
        template = true;
      } else {
        text.append(c);
        pos++;
      }
    }
    return template
        ? new HclToken(Type.TEMPLATE, null, startLine, startColumn)
        : new HclToken(Type.STRING, text.toString(), startLine, startColumn);
  }

  private void escape(StringBuilder text) {
    int escapeColumn = column();
    if (pos + 1 >= src.length()) {
      throw new HclSyntaxException(line, escapeColumn, STRING_NOT_CLOSED);
    }
    char e = src.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case 'n' -> text.append('\n');
      case 'r' -> text.append('\r');
      case 't' -> text.append('\t');
      case '"' -> text.append('"');
      case '\\' -> text.append('\\');
      case 'u' -> text.appendCodePoint(hex(4, escapeColumn));
      case 'U' -> text.appendCodePoint(hex(8, escapeColumn));
      default ->
          throw new HclSyntaxException(
              line, escapeColumn, "unknown escape \\" + e + "; write \\\\ for a backslash");
    }
  }

  private int hex(int digits, int escapeColumn) {
    if (pos + digits > src.length()) {
      throw badUnicodeEscape(escapeColumn, digits);
    }
    try {
      int codePoint = Integer.parseInt(src.substring(pos, pos + digits), 16);
      if (!Character.isValidCodePoint(codePoint)) {
        throw badUnicodeEscape(escapeColumn, digits);
      }
      pos += digits;
      return codePoint;
    } catch (NumberFormatException e) {
      throw badUnicodeEscape(escapeColumn, digits);
    }
  }

  private HclSyntaxException badUnicodeEscape(int escapeColumn, int digits) {
    return new HclSyntaxException(
        line,
        escapeColumn,
        "a \\" + (digits == 4 ? "u" : "U") + " escape needs " + digits + " hexadecimal digits");
  }

  /** Skips the tokens of one {@code ${...}} or {@code %{...}}, up to the brace that closes it. */
  private void skipInterpolation(int openLine, int openColumn, char sigil) {
    int depth = 0;
    while (true) {
      HclToken token = next();
      switch (token.type()) {
        case EOF ->
            throw new HclSyntaxException(
                openLine, openColumn, "the " + sigil + "{ is not closed; add its closing }");
        case LBRACE -> depth++;
        case RBRACE -> {
          if (depth == 0) {
            return;
          }
          depth--;
        }
        default -> {
          // an interpolation's inner tokens do not matter: its value is unknown anyway
        }
      }
    }
  }

  private boolean heredocAhead() {
    int p = pos + 2;
    if (!src.startsWith("<<", pos)) {
      return false;
    }
    if (p < src.length() && src.charAt(p) == '-') {
      p++;
    }
    int markerStart = p;
    while (p < src.length() && isMarkerPart(src.charAt(p), p == markerStart)) {
      p++;
    }
    if (p == markerStart) {
      return false;
    }
    if (p < src.length() && src.charAt(p) == '\r') {
      p++;
    }
    return p < src.length() && src.charAt(p) == '\n';
  }

  private static boolean isMarkerPart(char c, boolean first) {
    return Character.isLetterOrDigit(c) || c == '_' || (!first && c == '-');
  }

  /** {@code <<EOT} or {@code <<-EOT}, then lines up to one that holds the marker alone. */
  private HclToken heredoc(int startLine, int startColumn) {
    pos += 2;
    if (src.charAt(pos) == '-') {
      pos++;
    }
    int markerStart = pos;
    while (src.charAt(pos) != '\r' && src.charAt(pos) != '\n') {
      pos++;
    }
    String marker = src.substring(markerStart, pos);
    pos = src.indexOf('\n', pos);
    while (true) {
      pos++;
      line++;
      lineStart = pos;
      int end = src.indexOf('\n', pos);
      String content = src.substring(pos, end < 0 ? src.length() : end);
      if (content.strip().equals(marker)) {
        pos += content.length();
        return new HclToken(Type.HEREDOC, null, startLine, startColumn);
      }
      if (end < 0) {
        throw new HclSyntaxException(
            startLine,
            startColumn,
            "the heredoc <<" + marker + " is not closed; add a line with " + marker + " alone");
      }
      pos = end;
    }
  }

  private void skipSpaceAndComments() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#' || src.startsWith("//", pos)) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (src.startsWith("/*", pos)) {
        blockComment();
      } else {
        return;
      }
    }
  }

  private void blockComment() {
    int startLine = line;
    int startColumn = column();
    int end = src.indexOf("*/", pos + 2);
    if (end < 0) {
      throw new HclSyntaxException(startLine, startColumn, "the /* comment is not closed; add */");
    }
    for (int p = pos; p < end; p++) {
      if (src.charAt(p) == '\n') {
        line++;
        lineStart = p + 1;
      }
    }
    pos = end + 2;
  }

  private int column() {
    return pos - lineStart + 1;
  }
}
