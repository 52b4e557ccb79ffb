package dev.iamaudit.terraform;

/**
 * One token of HCL's native syntax and where it starts.
 *
 * @param text an identifier, a number, an operator, or a string literal with its escapes decoded;
 *     null for a template string, a heredoc, a new line and the end of the file
 */
record HclToken(Type type, String text, int line, int column) {
  enum Type {
    IDENT,
    NUMBER,
    /** A quoted string without interpolation. */
    STRING,
    /**
     * A quoted string with {@code ${...}} or {@code %{...}}: its value is only known when Terraform
     * runs.
     */
    TEMPLATE,
    HEREDOC,
    NEWLINE,
    LBRACE,
    RBRACE,
    LBRACK,
    RBRACK,
    LPAREN,
    RPAREN,
    ASSIGN,
    COMMA,
    DOT,
    OPERATOR,
    EOF
  }

  /** How an error message names the token. */
  String describe() {
    return switch (type) {
      case IDENT, NUMBER, OPERATOR -> "'" + text + "'";
      case STRING, TEMPLATE -> "a string";
      case HEREDOC -> "a heredoc";
      case NEWLINE -> "the end of the line";
      case EOF -> "the end of the file";
      case LBRACE -> "'{'";
      case RBRACE -> "'}'";
      case LBRACK -> "'['";
      case RBRACK -> "']'";
      case LPAREN -> "'('";
      case RPAREN -> "')'";
      case ASSIGN -> "'='";
      case COMMA -> "','";
      case DOT -> "'.'";
    };
  }
}
