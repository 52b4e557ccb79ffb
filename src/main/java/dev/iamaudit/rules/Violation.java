package dev.iamaudit.rules;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.terraform.SourceLine;
import java.util.Objects;

/**
 * A rule's verdict on one identity: what was seen and how to fix it, in one message.
 *
 * <p>The message is written when a report asks for it, not when the rule runs (see {@link
 * MessageText}).
 *
 * @param subject what tells this finding apart from the rule's other findings on the same entity
 *     (the account setting a drift is about), for its fingerprint; null when the entity alone does
 * @param at the Terraform line the finding is about (the argument of an account setting), when the
 *     rule knows one; else the finding points at the identity's declaration, if any
 */
public record Violation(Entity entity, MessageText text, String subject, SourceLine at) {
  public Violation {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(text, "text");
  }

  public Violation(Entity entity, MessageText text) {
    this(entity, text, null, null);
  }

  public Violation(Entity entity, String message) {
    this(entity, MessageText.of(message));
  }

  public String message() {
    return text.build();
  }
}
