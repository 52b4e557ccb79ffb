package dev.iamaudit.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.util.ArrayList;
import java.util.List;

/** Shorthand for running one rule over an inventory, as the engine does. */
final class RuleAssertions {
  /** What one check reported. */
  record Outcome(boolean evaluated, List<Violation> violations, String note, long checked) {}

  private RuleAssertions() {}

  static Outcome run(Rule rule, Inventory inventory) {
    return run(rule, inventory, rule.spec().defaults());
  }

  static Outcome run(Rule rule, Inventory inventory, RuleConfig config) {
    return run(rule, inventory, config, TerraformDeclarations.none());
  }

  static Outcome run(
      Rule rule, Inventory inventory, RuleConfig config, TerraformDeclarations terraform) {
    Check check = rule.start(RuleContext.of(inventory, terraform), config);
    List<Violation> violations = new ArrayList<>();
    inventory.identities().forEach(identity -> check.judge(identity, violations::add));
    check.finish(violations::add);
    return new Outcome(check.evaluated(), violations, check.note(), check.checked());
  }

  static List<String> messages(Rule rule, Inventory inventory) {
    Outcome outcome = run(rule, inventory);
    assertTrue(outcome.evaluated(), () -> rule.id() + " was not evaluated: " + outcome.note());
    return outcome.violations().stream().map(Violation::message).toList();
  }

  static List<String> ids(Rule rule, Inventory inventory) {
    return run(rule, inventory).violations().stream().map(v -> v.entity().id()).toList();
  }
}
