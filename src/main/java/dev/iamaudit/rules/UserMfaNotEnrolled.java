package dev.iamaudit.rules;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.inventory.MfaEnrollment;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A user required to use MFA who is not enrolled for it, from IBM's MFA enrollment status report:
 * {@code id_based_mfa.complies} or {@code account_based_mfa.complies} is false.
 */
public final class UserMfaNotEnrolled implements Rule {
  private static final RuleSpec SPEC =
      new RuleSpec("user-mfa-not-enrolled", Severity.HIGH, true, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "User not enrolled for the MFA required";
  }

  @Override
  public String description() {
    return "A user is asked to set up the required MFA factor only when logging in. Until then the"
        + " account's MFA requirement does not protect that user: whoever learns the"
        + " password enrolls their own factor. Judged from IBM's MFA enrollment status"
        + " report, which needs the Administrator role on the IAM Identity Service.";
  }

  @Override
  public String remedy() {
    return "Ask the user to log in and set up the factor (console: Manage > Access (IAM) > MFA"
        + " status), or remove the user from the account.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.MFA_REPORT);
  }

  @Override
  public Check start(RuleContext context, RuleConfig config) {
    String missing = context.lacking(DataSet.MFA_REPORT);
    return missing != null ? Check.notEvaluated(missing) : new Judging(context);
  }

  /**
   * Judges the report's users once, at the end: the report, not the identity listings, knows their
   * enrollment.
   */
  private final class Judging implements Check {
    private final RuleContext context;

    Judging(RuleContext context) {
      this.context = context;
    }

    @Override
    public void judge(Identity identity, Consumer<Violation> out) {}

    @Override
    public void finish(Consumer<Violation> out) {
      for (MfaEnrollment enrollment : context.mfaEnrollments()) {
        if (!enrollment.complies()) {
          out.accept(violation(enrollment));
        }
      }
    }

    private Violation violation(MfaEnrollment user) {
      String name = user.name() != null && !user.name().isEmpty() ? user.name() : user.username();
      Entity entity = new Entity(IdentityType.USER, user.iamId(), user.iamId(), name);
      return new Violation(
          entity,
          text -> {
            Message message =
                Message.to(text)
                    .identity(entity)
                    .text(" has not enrolled for the MFA required of them (");
            if (Boolean.FALSE.equals(user.idBasedComplies())) {
              message
                  .text("id_based_mfa: ")
                  .text(user.trait() == null ? "" : user.trait() + ", ")
                  .text("complies false");
            }
            if (Boolean.FALSE.equals(user.accountBasedComplies())) {
              message
                  .text(Boolean.FALSE.equals(user.idBasedComplies()) ? "; " : "")
                  .text("account_based_mfa: complies false");
            }
            message
                .text(
                    "). Fix: ask them to log in and set up the factor, which IBM Cloud asks for at"
                        + " the next login (console: Manage > Access (IAM) > MFA status), or remove"
                        + " the user with 'ibmcloud account user-remove ")
                .text(user.username() != null ? user.username() : user.iamId())
                .text("', ")
                .allowlist(entity, id())
                .text('.');
          });
    }

    @Override
    public String note() {
      return null;
    }

    @Override
    public long checked() {
      return context.mfaEnrollments().size();
    }
  }
}
