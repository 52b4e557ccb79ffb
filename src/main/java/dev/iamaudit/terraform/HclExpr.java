package dev.iamaudit.terraform;

/**
 * An argument's expression as far as iam-audit reads it: a literal, {@code var.NAME}, or something
 * else.
 */
sealed interface HclExpr {
  record Literal(HclValue value) implements HclExpr {}

  /**
   * Exactly {@code var.NAME}: a module input or a variable's value, which can be followed to a
   * literal.
   */
  record Variable(String name) implements HclExpr {}

  /**
   * @param what names the kind of expression for a message: "an interpolated string", "a function
   *     call"
   */
  record Opaque(String what) implements HclExpr {}
}
