package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** An API key whose {@code action_when_leaked} is {@code none}. */
public final class ApikeyLeakActionNone implements Rule {
  private static final RuleSpec SPEC = new RuleSpec("apikey-leak-action-none", Severity.LOW, true, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key stays valid when leaked";
  }

  @Override
  public String description() {
    return "When IBM Cloud detects a leaked API key it disables or deletes it, unless the key's "
        + "action_when_leaked is none: then a leaked key keeps working.";
  }

  @Override
  public String remedy() {
    return "Set the key's leaked action to disable or delete (console: Manage > Access (IAM) > API keys > "
        + "Edit).";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.API_KEYS);
  }

  @Override
  public Stream<Entity> scope(Inventory inventory) {
    return inventory.apiKeys().stream().map(ApiKey::entity);
  }

  @Override
  public RuleOutcome evaluate(Inventory inventory, RuleConfig config) {
    if (!inventory.has(DataSet.API_KEYS)) {
      return RuleOutcome.missing(DataSet.API_KEYS);
    }
    List<Violation> violations = new ArrayList<>();
    for (ApiKey key : inventory.apiKeys()) {
      if ("none".equalsIgnoreCase(key.actionWhenLeaked())) {
        Entity entity = key.entity();
        violations.add(new Violation(entity, out -> {
          Remedies.owner(entity.describeTo(out), key)
              .append(" keeps working if it leaks (action_when_leaked: none). Fix: set its leaked action to disable"
                  + " or delete (console: Manage > Access (IAM) > API keys > Edit), ");
          Remedies.allowlist(out, entity, id()).append('.');
        }));
      }
    }
    return RuleOutcome.of(violations);
  }
}
