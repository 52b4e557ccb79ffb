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
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** An API key that has not authenticated for more than {@code maxDays}. Never-used keys are apikey-never-used's. */
public final class ApikeyInactive implements Rule {
  private static final RuleSpec SPEC = new RuleSpec("apikey-inactive", Severity.HIGH, true, Map.of("maxDays", 90L));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key not used recently";
  }

  @Override
  public String description() {
    return "An API key that has not authenticated for more than maxDays days is a standing credential nobody "
        + "watches. Judged from the activity report's last_authn; keys that never authenticated are reported by "
        + "apikey-never-used instead.";
  }

  @Override
  public String remedy() {
    return "Delete the key (ibmcloud iam api-key-delete, or service-api-key-delete for a service ID's key) or, "
        + "if it is kept on purpose, add an allowlist entry with a reason and an expiry date.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.REPORT);
  }

  @Override
  public Stream<Entity> scope(Inventory inventory) {
    return inventory.apiKeys().stream().map(ApiKey::entity);
  }

  @Override
  public OptionalLong inactivityThresholdDays(RuleConfig config) {
    return OptionalLong.of(config.param("maxDays"));
  }

  @Override
  public RuleOutcome evaluate(Inventory inventory, RuleConfig config) {
    long maxDays = config.param("maxDays");
    List<Violation> violations = new ArrayList<>();
    for (ApiKey key : inventory.apiKeys()) {
      if (key.activity().kind() != Activity.Kind.INACTIVE) {
        continue;
      }
      if (Inactivity.isOver(key.activity(), key.createdAt(), inventory.asOf(), maxDays)) {
        Entity entity = key.entity();
        Instant asOf = inventory.asOf();
        violations.add(new Violation(entity, out -> {
          Inactivity.seen(Remedies.owner(entity.describeTo(out), key).append(' '), key.activity(), key.createdAt(),
              asOf, maxDays, "authenticated");
          Remedies.allowlist(Remedies.deleteKey(out.append(". Fix: delete it with "), key).append(", "), entity, id())
              .append('.');
        }));
      }
    }
    return RuleOutcome.of(violations);
  }
}
