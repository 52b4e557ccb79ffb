package dev.iamaudit.iam;

import java.util.Objects;

/**
 * An API key or token. It prints as {@code [redacted]} everywhere (logs, exceptions, records'
 * toString), so the only way to the value is {@link #reveal()}, called where it goes on the wire.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret must not be blank");
    }
    this.value = value.trim();
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "[redacted]";
  }
}
