package dev.iamaudit.rules;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.Profile;
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

/** A trusted profile that has not been used for more than {@code maxDays}. */
public final class ProfileInactive implements Rule {
  private static final RuleSpec SPEC = new RuleSpec("profile-inactive", Severity.MEDIUM, true, Map.of("maxDays", 90L));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Trusted profile not used recently";
  }

  @Override
  public String description() {
    return "A trusted profile nobody assumed for more than maxDays days still lets its linked compute resources "
        + "and federated users in.";
  }

  @Override
  public String remedy() {
    return "Delete the trusted profile (ibmcloud iam trusted-profile-delete), or allowlist it with a reason.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.REPORT, DataSet.PROFILES);
  }

  @Override
  public Stream<Entity> scope(Inventory inventory) {
    return inventory.profiles().stream().map(Profile::entity);
  }

  @Override
  public OptionalLong inactivityThresholdDays(RuleConfig config) {
    return OptionalLong.of(config.param("maxDays"));
  }

  @Override
  public RuleOutcome evaluate(Inventory inventory, RuleConfig config) {
    long maxDays = config.param("maxDays");
    List<Violation> violations = new ArrayList<>();
    for (Profile profile : inventory.profiles()) {
      if (Inactivity.isOver(profile.activity(), profile.createdAt(), inventory.asOf(), maxDays)) {
        Entity entity = profile.entity();
        Instant asOf = inventory.asOf();
        violations.add(new Violation(entity, out -> {
          Inactivity.seen(entity.describeTo(out).append(' '), profile.activity(), profile.createdAt(), asOf, maxDays,
              "used");
          out.append(". Fix: delete it with 'ibmcloud iam trusted-profile-delete ").append(profile.id()).append("', ");
          Remedies.allowlist(out, entity, id()).append('.');
        }));
      }
    }
    return RuleOutcome.of(violations);
  }
}
