package dev.iamaudit.rules;

import dev.iamaudit.inventory.Entity;
import java.util.Objects;

/** A rule's verdict on one identity: what was seen and how to fix it, in one message. */
public record Violation(Entity entity, String message) {
  public Violation {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(message, "message");
  }
}
