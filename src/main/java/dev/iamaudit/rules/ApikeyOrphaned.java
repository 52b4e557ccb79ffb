package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.User;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** A user API key whose owner is not a member of the account. */
public final class ApikeyOrphaned implements Rule {
  private static final RuleSpec SPEC = new RuleSpec("apikey-orphaned", Severity.HIGH, true, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key of a user who left the account";
  }

  @Override
  public String description() {
    return "IBM Cloud deletes a removed user's API keys, so a user API key whose owner is no longer a member of "
        + "the account should not exist; if it does, nobody in the account answers for it.";
  }

  @Override
  public String remedy() {
    return "Delete the key (console: Manage > Access (IAM) > API keys, view all user API keys).";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.API_KEYS, DataSet.USERS);
  }

  @Override
  public Stream<Entity> scope(Inventory inventory) {
    return inventory.apiKeys().stream().filter(key -> key.ownerType() == ApiKey.Owner.USER).map(ApiKey::entity);
  }

  @Override
  public RuleOutcome evaluate(Inventory inventory, RuleConfig config) {
    for (DataSet needed : List.of(DataSet.API_KEYS, DataSet.USERS)) {
      if (!inventory.has(needed)) {
        return RuleOutcome.missing(needed);
      }
    }
    Set<String> members = new HashSet<>();
    inventory.users().stream().map(User::iamId).forEach(members::add);
    List<Violation> violations = new ArrayList<>();
    for (ApiKey key : inventory.apiKeys()) {
      if (key.ownerType() == ApiKey.Owner.USER && key.iamId() != null && !members.contains(key.iamId())) {
        Entity entity = key.entity();
        String account = inventory.accountId();
        violations.add(new Violation(entity, out -> {
          entity.describeTo(out).append(" belongs to ").append(key.iamId())
              .append(", who is not a member of account ").append(account).append(". Fix: delete it with ");
          Remedies.deleteKey(out, key)
              .append(" (console: Manage > Access (IAM) > API keys, view all user API keys), ");
          Remedies.allowlist(out, entity, id()).append('.');
        }));
      }
    }
    return RuleOutcome.of(violations);
  }
}
