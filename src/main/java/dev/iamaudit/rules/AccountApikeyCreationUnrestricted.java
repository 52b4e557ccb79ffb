package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Map;

/**
 * Every member of the account may create API keys ({@code restrict_create_platform_apikey} not
 * RESTRICTED).
 */
public final class AccountApikeyCreationUnrestricted extends AccountSettingRule {
  private static final RuleSpec SPEC =
      new RuleSpec("account-apikey-creation-unrestricted", Severity.MEDIUM, true, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Anyone may create API keys";
  }

  @Override
  public String description() {
    return "By default every member of an account can create user API keys that carry all of their"
        + " access. Restricting creation to those explicitly allowed keeps keys from"
        + " appearing unnoticed (CIS IBM 1.4).";
  }

  @Override
  public String remedy() {
    return "Turn on Restrict API key creation (console: Manage > Access (IAM) > Settings).";
  }

  @Override
  String field() {
    return "restrict_create_platform_apikey";
  }

  @Override
  String value(AccountSettings settings) {
    return settings.restrictCreatePlatformApikey();
  }

  @Override
  String problem(AccountSettings settings) {
    return "RESTRICTED".equals(settings.restrictCreatePlatformApikey())
        ? null
        : "lets every member create API keys (restrict_create_platform_apikey: "
            + settings.restrictCreatePlatformApikey()
            + ")";
  }

  @Override
  String fix() {
    return "turn on 'Restrict API key creation' (console: Manage > Access (IAM) > Settings) or set "
        + "restrict_create_platform_apikey = \"RESTRICTED\" in ibm_iam_account_settings";
  }
}
