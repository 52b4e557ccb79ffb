package dev.iamaudit.rules;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.User;
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

/** A user who has not logged in for more than {@code maxDays}. */
public final class UserInactive implements Rule {
  private static final RuleSpec SPEC = new RuleSpec("user-inactive", Severity.MEDIUM, true, Map.of("maxDays", 90L));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "User not logged in recently";
  }

  @Override
  public String description() {
    return "A member who has not logged in for more than maxDays days keeps every access the account gave "
        + "them (FS Cloud AC-2(3): disable accounts inactive for 90 days). A user who never logged in is "
        + "inactive since being added to the account.";
  }

  @Override
  public String remedy() {
    return "Remove the user from the account (ibmcloud account user-remove), or allowlist them with a reason.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.REPORT, DataSet.USERS);
  }

  @Override
  public Stream<Entity> scope(Inventory inventory) {
    return inventory.users().stream().map(User::entity);
  }

  @Override
  public OptionalLong inactivityThresholdDays(RuleConfig config) {
    return OptionalLong.of(config.param("maxDays"));
  }

  @Override
  public RuleOutcome evaluate(Inventory inventory, RuleConfig config) {
    long maxDays = config.param("maxDays");
    List<Violation> violations = new ArrayList<>();
    for (User user : inventory.users()) {
      if (Inactivity.isOver(user.activity(), user.addedOn(), inventory.asOf(), maxDays)) {
        Entity entity = user.entity();
        Instant asOf = inventory.asOf();
        violations.add(new Violation(entity, out -> {
          Inactivity.seen(entity.describeTo(out).append(' '), user.activity(), user.addedOn(), asOf, maxDays,
              "logged in");
          out.append(". Fix: remove the user with 'ibmcloud account user-remove ")
              .append(user.username() != null ? user.username() : user.iamId()).append("', ");
          Remedies.allowlist(out, entity, id()).append('.');
        }));
      }
    }
    return RuleOutcome.of(violations);
  }
}
