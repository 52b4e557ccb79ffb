package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Map;

/**
 * The account does not require multifactor authentication ({@code mfa} is NONE or NONE_NO_ROPC).
 */
public final class AccountMfaDisabled extends AccountSettingRule {
  private static final RuleSpec SPEC =
      new RuleSpec("account-mfa-disabled", Severity.HIGH, true, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Account does not require MFA";
  }

  @Override
  public String description() {
    return "With the account's MFA setting at NONE, or NONE_NO_ROPC (which only stops CLI logins"
        + " with a bare password), a stolen password is enough to log in to the console (CIS"
        + " IBM 1.9, FS Cloud IA-2(1)).";
  }

  @Override
  public String remedy() {
    return "Require MFA for all users (console: Manage > Access (IAM) > Settings >"
        + " Authentication).";
  }

  @Override
  String field() {
    return "mfa";
  }

  @Override
  String value(AccountSettings settings) {
    return settings.mfa();
  }

  @Override
  String problem(AccountSettings settings) {
    if (!AccountSettings.noMfa(settings.mfa())) {
      return null;
    }
    return "NONE_NO_ROPC".equals(settings.mfa())
        ? "does not require multifactor authentication (mfa: NONE_NO_ROPC, which only stops CLI"
            + " logins with a password alone)"
        : "does not require multifactor authentication (mfa: " + show(settings.mfa()) + ")";
  }

  @Override
  String fix() {
    return "require MFA for all users (console: Manage > Access (IAM) > Settings > Authentication)"
        + " or set mfa = \"TOTP4ALL\" in ibm_iam_account_settings";
  }
}
