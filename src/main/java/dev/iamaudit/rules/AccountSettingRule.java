package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.policy.RuleConfig;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A check of one account identity setting: the account is the only identity in scope. */
abstract class AccountSettingRule implements Rule {
  @Override
  public final Set<DataSet> needs() {
    return Set.of(DataSet.SETTINGS);
  }

  @Override
  public final Stream<Entity> scope(Inventory inventory) {
    return Stream.of(inventory.accountEntity());
  }

  @Override
  public final RuleOutcome evaluate(Inventory inventory, RuleConfig config) {
    if (!inventory.has(DataSet.SETTINGS)) {
      return RuleOutcome.missing(DataSet.SETTINGS);
    }
    String problem = problem(inventory.settings());
    if (problem == null) {
      return RuleOutcome.of(List.of());
    }
    Entity account = inventory.accountEntity();
    return RuleOutcome.of(List.of(new Violation(account, "Account " + account.id() + " " + problem + ". Fix: "
        + fix() + ", " + Remedies.allowlist(account, id()) + ".")));
  }

  /** What is wrong with the settings, as the middle of the message, or null when they pass. */
  abstract String problem(AccountSettings settings);

  /** The console place and Terraform attribute that fix it. */
  abstract String fix();
}
