package dev.iamaudit.rules;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.User;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** A user who has not logged in for more than {@code maxDays}. */
public final class UserInactive extends InactivityRule<User> {
  private static final RuleSpec SPEC =
      new RuleSpec("user-inactive", Severity.MEDIUM, true, Map.of("maxDays", 90L));

  public UserInactive() {
    super(User.class, "logged in");
  }

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
    return "A member who has not logged in for more than maxDays days keeps every access the"
        + " account gave them (FS Cloud AC-2(3): disable accounts inactive for 90 days). A"
        + " user who never logged in is inactive since being added to the account.";
  }

  @Override
  public String remedy() {
    return "Remove the user from the account (ibmcloud account user-remove), or allowlist them with"
        + " a reason.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.REPORT, DataSet.USERS);
  }

  /** An invitation never logged in because it cannot yet: user-invitation-stale judges those. */
  @Override
  protected boolean applies(User user, RuleContext context) {
    return !user.isInvitation();
  }

  @Override
  Instant since(User user) {
    return user.addedOn();
  }

  @Override
  Message fix(Message message, User user) {
    return message
        .text("remove the user with 'ibmcloud account user-remove ")
        .text(user.username() != null ? user.username() : user.id())
        .text("', ");
  }
}
