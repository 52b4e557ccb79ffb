package dev.iamaudit.rules;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.policy.RuleConfig;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** One check of the account's identities. Implementations are stateless. */
public interface Rule extends RuleDescriptor {
  /** The data the rule needs to be fully evaluated; a live pull fetches the union over the enabled rules. */
  Set<DataSet> needs();

  /** The identities the rule checks, so reports can show the compliant ones too. */
  Stream<Entity> scope(Inventory inventory);

  RuleOutcome evaluate(Inventory inventory, RuleConfig config);

  /**
   * The inactivity threshold in days this rule applies under {@code config}, for rules that judge from the activity
   * report: a report whose duration is longer cannot prove it.
   */
  default OptionalLong inactivityThresholdDays(RuleConfig config) {
    return OptionalLong.empty();
  }
}
