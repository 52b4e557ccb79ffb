package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** An API key older than {@code maxDays}: due for rotation. */
public final class ApikeyTooOld implements Rule {
  private static final RuleSpec SPEC = new RuleSpec("apikey-too-old", Severity.MEDIUM, true, Map.of("maxDays", 365L));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key not rotated";
  }

  @Override
  public String description() {
    return "An API key created more than maxDays days ago has had that long to leak. Rotating keys limits the "
        + "damage of an unnoticed leak (FS Cloud IA-5: 365 days for system-to-system authenticators).";
  }

  @Override
  public String remedy() {
    return "Create a new key, move its users to it, then delete the old key.";
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
    long maxDays = config.param("maxDays");
    List<Violation> violations = new ArrayList<>();
    for (ApiKey key : inventory.apiKeys()) {
      if (key.createdAt() != null && Ages.days(key.createdAt(), inventory.asOf()) > maxDays) {
        Entity entity = key.entity();
        Instant asOf = inventory.asOf();
        violations.add(new Violation(entity, out -> {
          Ages.ago(Remedies.owner(entity.describeTo(out), key).append(" was created "), key.createdAt(), asOf)
              .append("; keys older than ");
          Ages.count(out, maxDays)
              .append(" must be rotated. Fix: create a new key, move its users to it, then delete this one with ");
          Remedies.allowlist(Remedies.deleteKey(out, key).append(", "), entity, id()).append('.');
        }));
      }
    }
    return RuleOutcome.of(violations);
  }
}
