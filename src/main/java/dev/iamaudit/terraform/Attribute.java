package dev.iamaudit.terraform;

import java.util.Objects;

/**
 * One argument of a declaration: {@code mfa = "TOTP4ALL"}.
 *
 * @param line the line of the argument in the declaration's file
 * @param value the literal, followed through {@code var.NAME} to a module input, a {@code
 *     terraform.tfvars} value or a variable's default; {@link HclValue.Unresolved} when it is not a
 *     literal
 * @param valueAt where the literal is written (the argument itself, a module block, a tfvars file
 *     or a variable's default); null when the value is unresolved
 */
public record Attribute(String name, int line, HclValue value, SourceLine valueAt) {
  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (line < 1) {
      throw new IllegalArgumentException("lines count from 1: " + line);
    }
    if ((valueAt == null) != (value instanceof HclValue.Unresolved)) {
      throw new IllegalArgumentException("a literal has a place, an unresolved value none");
    }
  }
}
