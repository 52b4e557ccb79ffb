package dev.iamaudit.rules;

import dev.iamaudit.inventory.Entity;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A rule's verdict on one identity: what was seen and how to fix it, in one message.
 *
 * <p>The message is built when a report asks for it, not when the rule runs: an account with hundreds of thousands
 * of findings would otherwise hold all their sentences in memory at once.
 */
public record Violation(Entity entity, Supplier<String> text) {
  public Violation {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(text, "text");
  }

  public Violation(Entity entity, String message) {
    this(entity, () -> message);
  }

  public String message() {
    return text.get();
  }
}
