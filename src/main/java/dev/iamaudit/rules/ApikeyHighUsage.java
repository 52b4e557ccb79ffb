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

/** An API key that authenticated more than {@code maxAuthnCount} times. Off by default: one call per key. */
public final class ApikeyHighUsage implements Rule {
  private static final RuleSpec SPEC =
      new RuleSpec("apikey-high-usage", Severity.MEDIUM, false, Map.of("maxAuthnCount", 10000L));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key used unusually often";
  }

  @Override
  public String description() {
    return "An authentication count above maxAuthnCount can mean a key is shared by many systems or abused. "
        + "Needs one activity call per key, so the rule is off unless the policy enables it.";
  }

  @Override
  public String remedy() {
    return "Find out who uses the key; give each consumer its own service ID and key.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.API_KEYS, DataSet.KEY_ACTIVITY);
  }

  @Override
  public Stream<Entity> scope(Inventory inventory) {
    return inventory.apiKeys().stream().map(ApiKey::entity);
  }

  @Override
  public RuleOutcome evaluate(Inventory inventory, RuleConfig config) {
    if (!inventory.has(DataSet.KEY_ACTIVITY)) {
      return RuleOutcome.missing(DataSet.KEY_ACTIVITY);
    }
    long max = config.param("maxAuthnCount");
    List<Violation> violations = new ArrayList<>();
    for (ApiKey key : inventory.apiKeys()) {
      if (key.authnCount() != null && key.authnCount() > max) {
        Entity entity = key.entity();
        violations.add(new Violation(entity, out -> {
          Remedies.owner(entity.describeTo(out), key).append(" authenticated ").append(key.authnCount())
              .append(" times; threshold ").append(max)
              .append(". Fix: find out who uses it and give each consumer its own service ID and key, ");
          Remedies.allowlist(out, entity, id()).append('.');
        }));
      }
    }
    return RuleOutcome.of(violations);
  }
}
