package dev.iamaudit.rules;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.User;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** An invitation to the account pending for more than {@code maxDays}. */
public final class UserInvitationStale extends IdentityRule<User> {
  private static final RuleSpec SPEC =
      new RuleSpec("user-invitation-stale", Severity.LOW, true, Map.of("maxDays", 30L));

  public UserInvitationStale() {
    super(User.class);
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Invitation pending too long";
  }

  @Override
  public String description() {
    return "An invitation nobody accepted for more than maxDays days was most likely sent to the"
        + " wrong address or is no longer wanted; whoever gets hold of that mailbox can"
        + " still join the account with the access the invitation grants. Pending users are"
        + " invitations, so user-inactive leaves them to this rule.";
  }

  @Override
  public String remedy() {
    return "Cancel the invitation (console: Manage > Access (IAM) > Users, the user's Actions menu"
        + " > Cancel invitation) and invite again when the person needs access.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.USERS);
  }

  @Override
  protected String missing(RuleContext context) {
    return context.lacking(DataSet.USERS);
  }

  @Override
  protected boolean applies(User user, RuleContext context) {
    return user.isInvitation();
  }

  @Override
  protected void judge(User user, RuleContext context, RuleConfig config, Consumer<Violation> out) {
    long maxDays = config.param("maxDays");
    Instant asOf = context.asOf();
    Instant invited = user.addedOn();
    if (invited != null && Ages.days(invited, asOf) <= maxDays) {
      return;
    }
    Entity entity = user.entity();
    out.accept(
        new Violation(
            entity,
            text -> {
              Message message = Message.to(text).identity(entity);
              if (invited == null) {
                message
                    .text(" has not joined (state: ")
                    .text(user.state())
                    .text(
                        ") and the invitation's date is unknown, so it counts as stale (fail"
                            + " closed)");
              } else {
                message
                    .text(" was invited ")
                    .ago(invited, asOf)
                    .text(", and has not joined (state: ")
                    .text(user.state())
                    .text(')');
              }
              message
                  .text("; threshold ")
                  .days(maxDays)
                  .text(
                      ". Fix: cancel the invitation (console: Manage > Access (IAM) > Users, the"
                          + " user's Actions menu > Cancel invitation), ")
                  .allowlist(entity, id())
                  .text('.');
            }));
  }
}
