package dev.iamaudit.rules;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Profile;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** A trusted profile that has not been used for more than {@code maxDays}. */
public final class ProfileInactive extends InactivityRule<Profile> {
  private static final RuleSpec SPEC =
      new RuleSpec("profile-inactive", Severity.MEDIUM, true, Map.of("maxDays", 90L));

  public ProfileInactive() {
    super(Profile.class, "used");
  }

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
    return "A trusted profile nobody assumed for more than maxDays days still lets its linked"
        + " compute resources and federated users in.";
  }

  @Override
  public String remedy() {
    return "Delete the trusted profile (ibmcloud iam trusted-profile-delete), or allowlist it with"
        + " a reason.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.REPORT, DataSet.PROFILES);
  }

  @Override
  Instant since(Profile profile) {
    return profile.createdAt();
  }

  @Override
  Message fix(Message message, Profile profile) {
    return message
        .text("delete it with 'ibmcloud iam trusted-profile-delete ")
        .text(profile.id())
        .text("', ");
  }
}
