package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Map;

/** The account does not require multifactor authentication ({@code mfa} is NONE). */
public final class AccountMfaDisabled extends AccountSettingRule {
  private static final RuleSpec SPEC = new RuleSpec("account-mfa-disabled", Severity.HIGH, true, Map.of());

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
    return "With the account's MFA setting at NONE a stolen password is enough to log in (CIS IBM 1.9, FS Cloud "
        + "IA-2(1)).";
  }

  @Override
  public String remedy() {
    return "Require MFA for all users (console: Manage > Access (IAM) > Settings > Authentication).";
  }

  @Override
  String problem(AccountSettings settings) {
    return "NONE".equals(settings.mfa()) ? "does not require multifactor authentication (mfa: NONE)" : null;
  }

  @Override
  String fix() {
    return "require MFA for all users (console: Manage > Access (IAM) > Settings > Authentication) or set "
        + "mfa = \"TOTP4ALL\" in ibm_iam_account_settings";
  }

  @Override
  String argument() {
    return "mfa";
  }
}
