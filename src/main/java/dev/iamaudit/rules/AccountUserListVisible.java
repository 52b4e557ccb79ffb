package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Map;

/**
 * Every member of the account sees every other user ({@code restrict_user_list_visibility} not
 * RESTRICTED).
 */
public final class AccountUserListVisible extends AccountSettingRule {
  private static final RuleSpec SPEC =
      new RuleSpec("account-user-list-visible", Severity.LOW, true, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Every member sees the whole user list";
  }

  @Override
  public String description() {
    return "By default any member of an account can list all its users, with their email addresses:"
        + " a ready-made phishing list for whoever takes over one member. Restricting the"
        + " list shows members only the users they invited.";
  }

  @Override
  public String remedy() {
    return "Turn on User list visibility (console: Manage > Access (IAM) > Settings, Account"
        + " restrictions).";
  }

  @Override
  String field() {
    return "restrict_user_list_visibility";
  }

  @Override
  String value(AccountSettings settings) {
    return settings.restrictUserListVisibility();
  }

  @Override
  String problem(AccountSettings settings) {
    return "RESTRICTED".equals(settings.restrictUserListVisibility())
        ? null
        : "lets every member list all users (restrict_user_list_visibility: "
            + show(settings.restrictUserListVisibility())
            + ")";
  }

  @Override
  String fix() {
    return "turn on 'User list visibility' (console: Manage > Access (IAM) > Settings, Account"
        + " restrictions) or set restrict_user_list_visibility = \"RESTRICTED\" in"
        + " ibm_iam_account_settings";
  }
}
