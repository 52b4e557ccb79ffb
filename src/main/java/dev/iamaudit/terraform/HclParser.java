package dev.iamaudit.terraform;

import dev.iamaudit.terraform.HclToken.Type;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads the structure of an HCL file: arguments and blocks, nested to any depth, each with its
 * lines. An argument's expression is read to its end (new lines inside brackets included) and
 * classified; only literals and {@code var.NAME} are kept, so any valid expression is accepted
 * without being understood.
 */
final class HclParser {
  private final List<HclToken> tokens;
  private int next;

  private HclParser(List<HclToken> tokens) {
    this.tokens = tokens;
  }

  /**
   * @throws HclSyntaxException at the first place the text is not HCL
   */
  static HclBody parse(String text) {
    HclParser parser = new HclParser(new HclLexer(text).tokens());
    return parser.body(null);
  }

  private HclToken peek() {
    return tokens.get(next);
  }

  private HclToken take() {
    return tokens.get(next++);
  }

  /**
   * @param open the brace of the enclosing block; null for the file itself
   */
  private HclBody body(HclToken open) {
    List<HclBody.Attribute> attributes = new ArrayList<>();
    List<HclBody.Block> blocks = new ArrayList<>();
    while (true) {
      HclToken token = peek();
      switch (token.type()) {
        case NEWLINE -> take();
        case EOF -> {
          if (open != null) {
            throw error(open, "the block opened here is not closed; add its closing }");
          }
          return new HclBody(attributes, blocks);
        }
        case RBRACE -> {
          if (open != null) {
            return new HclBody(attributes, blocks);
          }
          throw error(token, "this } closes no block; remove it or add the block it should close");
        }
        case IDENT -> item(attributes, blocks);
        default -> throw error(token, "expected an argument or a block, found " + token.describe());
      }
    }
  }

  private void item(List<HclBody.Attribute> attributes, List<HclBody.Block> blocks) {
    HclToken name = take();
    if (peek().type() == Type.ASSIGN) {
      take();
      for (HclBody.Attribute earlier : attributes) {
        if (earlier.name().equals(name.text())) {
          throw error(
              name,
              "the argument '"
                  + name.text()
                  + "' is set twice (first at line "
                  + earlier.line()
                  + "); keep only one");
        }
      }
      attributes.add(new HclBody.Attribute(name.text(), name.line(), expression(name)));
      endOfItem();
      return;
    }
    List<String> labels = new ArrayList<>();
    while (peek().type() == Type.STRING || peek().type() == Type.IDENT) {
      labels.add(take().text());
    }
    HclToken brace = peek();
    if (brace.type() == Type.TEMPLATE) {
      throw error(brace, "a block label must be a plain string, without ${...}");
    }
    if (brace.type() != Type.LBRACE) {
      throw error(
          brace, "expected '=' or '{' after '" + name.text() + "', found " + brace.describe());
    }
    take();
    HclBody body = body(brace);
    HclToken close = take();
    blocks.add(new HclBody.Block(name.text(), labels, name.line(), close.line(), body));
    endOfItem();
  }

  private void endOfItem() {
    HclToken token = peek();
    if (token.type() == Type.NEWLINE) {
      take();
    } else if (token.type() != Type.EOF && token.type() != Type.RBRACE) {
      throw error(token, "expected a new line, found " + token.describe());
    }
  }

  /**
   * Reads to the end of the expression: a new line outside brackets (HCL ignores new lines only
   * inside them), the closing brace of a one-line block, or the end of the file.
   */
  private HclExpr expression(HclToken name) {
    int start = next;
    Deque<HclToken> open = new ArrayDeque<>();
    while (true) {
      HclToken token = peek();
      if (token.type() == Type.EOF) {
        if (!open.isEmpty()) {
          throw error(open.peek(), "this " + open.peek().describe() + " is not closed");
        }
        break;
      }
      if (open.isEmpty() && token.type() == Type.RBRACE) {
        break;
      }
      if (open.isEmpty() && token.type() == Type.NEWLINE) {
        break;
      }
      switch (token.type()) {
        case LBRACE, LBRACK, LPAREN -> open.push(token);
        case RBRACE, RBRACK, RPAREN -> close(open, token);
        default -> {
          // part of the expression
        }
      }
      take();
    }
    List<HclToken> expression =
        tokens.subList(start, next).stream().filter(t -> t.type() != Type.NEWLINE).toList();
    if (expression.isEmpty()) {
      throw error(name, "the argument '" + name.text() + "' has no value after '='");
    }
    return classify(expression);
  }

  private void close(Deque<HclToken> open, HclToken token) {
    if (open.isEmpty()) {
      throw error(token, "this " + token.describe() + " closes nothing");
    }
    Type expected =
        switch (open.peek().type()) {
          case LBRACE -> Type.RBRACE;
          case LBRACK -> Type.RBRACK;
          default -> Type.RPAREN;
        };
    if (token.type() != expected) {
      HclToken opened = open.peek();
      throw error(
          token,
          "found "
              + token.describe()
              + " where the "
              + opened.describe()
              + " of line "
              + opened.line()
              + " should be closed");
    }
    open.pop();
  }

  static HclExpr classify(List<HclToken> expression) {
    HclToken first = expression.get(0);
    if (expression.size() == 1) {
      return single(first);
    }
    HclToken last = expression.get(expression.size() - 1);
    if (expression.size() == 2
        && first.type() == Type.OPERATOR
        && first.text().equals("-")
        && last.type() == Type.NUMBER) {
      return new HclExpr.Literal(new HclValue.Number(new BigDecimal(last.text()).negate()));
    }
    if (expression.size() == 3
        && first.type() == Type.IDENT
        && first.text().equals("var")
        && expression.get(1).type() == Type.DOT
        && last.type() == Type.IDENT) {
      return new HclExpr.Variable(last.text());
    }
    if (first.type() == Type.LBRACK && last.type() == Type.RBRACK) {
      return list(expression.subList(1, expression.size() - 1));
    }
    if (first.type() == Type.LBRACE) {
      return new HclExpr.Opaque("an object");
    }
    if (first.type() == Type.IDENT && expression.get(1).type() == Type.LPAREN) {
      return new HclExpr.Opaque("a call of " + first.text() + "()");
    }
    if (isTraversal(expression)) {
      StringBuilder text = new StringBuilder();
      expression.forEach(t -> text.append(t.type() == Type.DOT ? "." : t.text()));
      return new HclExpr.Opaque("the reference " + text);
    }
    return new HclExpr.Opaque("an expression");
  }

  private static HclExpr single(HclToken token) {
    return switch (token.type()) {
      case STRING -> new HclExpr.Literal(new HclValue.Text(token.text()));
      case NUMBER -> new HclExpr.Literal(new HclValue.Number(new BigDecimal(token.text())));
      case TEMPLATE -> new HclExpr.Opaque("an interpolated string");
      case HEREDOC -> new HclExpr.Opaque("a heredoc");
      case IDENT ->
          switch (token.text()) {
            case "true" -> new HclExpr.Literal(new HclValue.Bool(true));
            case "false" -> new HclExpr.Literal(new HclValue.Bool(false));
            case "null" -> new HclExpr.Literal(new HclValue.Null());
            default -> new HclExpr.Opaque("the reference " + token.text());
          };
      default -> new HclExpr.Opaque("an expression");
    };
  }

  private static boolean isTraversal(List<HclToken> expression) {
    for (int i = 0; i < expression.size(); i++) {
      Type type = expression.get(i).type();
      boolean expected =
          i % 2 == 0 ? type == Type.IDENT || (i > 0 && type == Type.NUMBER) : type == Type.DOT;
      if (!expected) {
        return false;
      }
    }
    return expression.size() % 2 == 1;
  }

  /** A list of literals, or opaque when any element is not one. */
  private static HclExpr list(List<HclToken> inner) {
    if (!inner.isEmpty()
        && inner.get(0).type() == Type.IDENT
        && inner.get(0).text().equals("for")) {
      return new HclExpr.Opaque("a for expression");
    }
    List<HclValue> items = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= inner.size(); i++) {
      boolean end = i == inner.size();
      if (!end) {
        Type type = inner.get(i).type();
        if (type == Type.LBRACE || type == Type.LBRACK || type == Type.LPAREN) {
          depth++;
        } else if (type == Type.RBRACE || type == Type.RBRACK || type == Type.RPAREN) {
          depth--;
        }
      }
      if (end || (depth == 0 && inner.get(i).type() == Type.COMMA)) {
        List<HclToken> element = inner.subList(start, i);
        start = i + 1;
        if (element.isEmpty()) {
          if (end) {
            break;
          }
          return new HclExpr.Opaque("an expression");
        }
        if (!(classify(element) instanceof HclExpr.Literal literal)) {
          return new HclExpr.Opaque("a list of expressions");
        }
        items.add(literal.value());
      }
    }
    return new HclExpr.Literal(new HclValue.ListOf(items));
  }

  private static HclSyntaxException error(HclToken at, String problem) {
    return new HclSyntaxException(at.line(), at.column(), problem);
  }
}
