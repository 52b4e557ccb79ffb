package dev.iamaudit.rules;

import dev.iamaudit.inventory.Activity;
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

/** An API key that never authenticated and was created more than {@code graceDays} ago. */
public final class ApikeyNeverUsed implements Rule {
  private static final RuleSpec SPEC =
      new RuleSpec("apikey-never-used", Severity.HIGH, true, Map.of("graceDays", 30L));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key never used";
  }

  @Override
  public String description() {
    return "An API key that never authenticated since it was created more than graceDays days ago was most "
        + "likely forgotten, yet it still grants its owner's access to whoever holds it. Without a creation date "
        + "(a saved report alone has none) the key counts as past its grace period.";
  }

  @Override
  public String remedy() {
    return "Delete the key, or add an allowlist entry with a reason and an expiry date.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.REPORT, DataSet.API_KEYS);
  }

  @Override
  public Stream<Entity> scope(Inventory inventory) {
    return inventory.apiKeys().stream().map(ApiKey::entity);
  }

  private static StringBuilder seen(StringBuilder out, ApiKey key, Instant asOf, long graceDays) {
    if (key.createdAt() == null) {
      out.append("never authenticated and its creation date is unknown, so it counts as past the grace period"
          + " (fail closed)");
    } else {
      Ages.ago(out.append("never authenticated; created "), key.createdAt(), asOf);
    }
    return Ages.count(out.append("; grace period "), graceDays);
  }

  @Override
  public RuleOutcome evaluate(Inventory inventory, RuleConfig config) {
    long graceDays = config.param("graceDays");
    List<Violation> violations = new ArrayList<>();
    for (ApiKey key : inventory.apiKeys()) {
      if (key.activity().kind() != Activity.Kind.NEVER) {
        continue;
      }
      if (key.createdAt() != null && Ages.days(key.createdAt(), inventory.asOf()) <= graceDays) {
        continue;
      }
      Entity entity = key.entity();
      Instant asOf = inventory.asOf();
      violations.add(new Violation(entity, out -> {
        seen(Remedies.owner(entity.describeTo(out), key).append(' '), key, asOf, graceDays);
        Remedies.allowlist(Remedies.deleteKey(out.append(". Fix: delete it with "), key).append(", "), entity, id())
            .append('.');
      }));
    }
    return inventory.has(DataSet.API_KEYS)
        ? RuleOutcome.of(violations)
        : RuleOutcome.of(violations, "creation dates unknown without the API key listing: every never-used key"
            + " counts as past the grace period");
  }
}
