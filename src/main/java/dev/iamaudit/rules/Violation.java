package dev.iamaudit.rules;

import dev.iamaudit.inventory.Entity;
import java.util.Objects;

/**
 * A rule's verdict on one identity: what was seen and how to fix it, in one message.
 *
 * <p>The message is written when a report asks for it, not when the rule runs (see {@link MessageText}).
 */
public record Violation(Entity entity, MessageText text) {
  public Violation {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(text, "text");
  }

  public Violation(Entity entity, String message) {
    this(entity, MessageText.of(message));
  }

  public String message() {
    return text.build();
  }
}
