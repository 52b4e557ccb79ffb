package dev.iamaudit.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.inventory.Inventory;
import java.util.List;

/** Shorthand for running one rule with its default settings. */
final class RuleAssertions {
  private RuleAssertions() {}

  static RuleOutcome run(Rule rule, Inventory inventory) {
    return rule.evaluate(inventory, rule.spec().defaults());
  }

  static List<String> messages(Rule rule, Inventory inventory) {
    RuleOutcome outcome = run(rule, inventory);
    assertTrue(outcome.evaluated(), () -> rule.id() + " was not evaluated: " + outcome.note());
    return outcome.violations().stream().map(Violation::message).toList();
  }

  static List<String> ids(Rule rule, Inventory inventory) {
    return run(rule, inventory).violations().stream().map(v -> v.entity().id()).toList();
  }
}
