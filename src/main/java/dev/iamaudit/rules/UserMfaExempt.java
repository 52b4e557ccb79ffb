package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.inventory.UserMfa;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A user exempted from the account's MFA requirement: a {@code user_mfa} entry of NONE or
 * NONE_NO_ROPC.
 */
public final class UserMfaExempt implements Rule {
  private static final RuleSpec SPEC =
      new RuleSpec("user-mfa-exempt", Severity.MEDIUM, true, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "User exempt from the account's MFA";
  }

  @Override
  public String description() {
    return "An account that requires MFA can exempt single users (user_mfa), typically a functional"
        + " user that logs in to the CLI with a password. That user's password alone then"
        + " opens the account.";
  }

  @Override
  public String remedy() {
    return "Remove the exemption (console: Manage > Access (IAM) > Users, the user's authentication"
        + " settings); automation should use a service ID's API key or a trusted profile.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.SETTINGS);
  }

  @Override
  public Check start(RuleContext context, RuleConfig config) {
    String missing = context.lacking(DataSet.SETTINGS);
    return missing != null ? Check.notEvaluated(missing) : new Judging(context);
  }

  /** Judges the settings' exemptions once, at the end: they are not identities the source lists. */
  private final class Judging implements Check {
    private final RuleContext context;

    Judging(RuleContext context) {
      this.context = context;
    }

    @Override
    public void judge(Identity identity, Consumer<Violation> out) {}

    @Override
    public void finish(Consumer<Violation> out) {
      AccountSettings settings = context.settings();
      if (AccountSettings.noMfa(settings.mfa())) {
        return;
      }
      for (UserMfa exemption : settings.userMfa()) {
        if (AccountSettings.noMfa(exemption.mfa())) {
          out.accept(violation(exemption, settings.mfa()));
        }
      }
    }

    private Violation violation(UserMfa exemption, String accountMfa) {
      String name =
          exemption.name() != null && !exemption.name().isEmpty()
              ? exemption.name()
              : exemption.userName();
      Entity user = new Entity(IdentityType.USER, exemption.iamId(), exemption.iamId(), name);
      return new Violation(
          user,
          text ->
              Message.to(text)
                  .identity(user)
                  .text(" is exempt from the account's MFA requirement (its user_mfa is ")
                  .text(exemption.mfa())
                  .text(" while the account's mfa is ")
                  .text(accountMfa)
                  .text(
                      "). Fix: remove the exemption (console: Manage > Access (IAM) > Users, the"
                          + " user's authentication settings) or its user_mfa entry in"
                          + " ibm_iam_account_settings, ")
                  .allowlist(user, id())
                  .text('.'));
    }

    @Override
    public String note() {
      AccountSettings settings = context.settings();
      String fallback = AccountSettingRule.fallbackNote(settings);
      if (fallback != null) {
        return fallback;
      }
      return AccountSettings.noMfa(settings.mfa())
          ? "the account requires no MFA (mfa: "
              + AccountSettingRule.show(settings.mfa())
              + "), so no user is "
              + "exempt from it; see account-mfa-disabled"
          : null;
    }

    @Override
    public long checked() {
      return context.settings().userMfa().size();
    }
  }
}
