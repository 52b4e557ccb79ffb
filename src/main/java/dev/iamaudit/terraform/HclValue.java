package dev.iamaudit.terraform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The value of a Terraform argument as written in the files: a literal, or why it is not one.
 * Nothing is guessed: an interpolated string, a function call or a reference iam-audit cannot
 * follow is {@link Unresolved}.
 */
public sealed interface HclValue {
  /**
   * The value as IBM's API shows a scalar setting ({@code TOTP4ALL}, {@code 3600}, {@code true});
   * null for a list, null or an unresolved value.
   */
  String scalarText();

  /** A string literal, escapes decoded. */
  record Text(String text) implements HclValue {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String scalarText() {
      return text;
    }
  }

  /** A number literal. */
  record Number(BigDecimal value) implements HclValue {
    public Number {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String scalarText() {
      return value.toPlainString();
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements HclValue {
    @Override
    public String scalarText() {
      return Boolean.toString(value);
    }
  }

  /** {@code null}: Terraform treats the argument as not set. */
  record Null() implements HclValue {
    @Override
    public String scalarText() {
      return null;
    }
  }

  /** A list of literals, such as {@code ["a", "b"]}. */
  record ListOf(List<HclValue> items) implements HclValue {
    public ListOf {
      items = List.copyOf(items);
    }

    @Override
    public String scalarText() {
      return null;
    }

    @Override
    public String toString() {
      return items.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
  }

  /**
   * Not a literal iam-audit can read.
   *
   * @param reason completes "the name ...": "is an interpolated string, which iam-audit does not
   *     evaluate"
   */
  record Unresolved(String reason) implements HclValue {
    public Unresolved {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String scalarText() {
      return null;
    }
  }
}
