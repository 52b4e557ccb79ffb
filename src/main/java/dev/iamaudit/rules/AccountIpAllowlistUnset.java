package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Map;

/**
 * IAM tokens of the account may be created from anywhere ({@code allowed_ip_addresses} empty). Off
 * by default.
 */
public final class AccountIpAllowlistUnset extends AccountSettingRule {
  private static final RuleSpec SPEC =
      new RuleSpec("account-ip-allowlist-unset", Severity.LOW, false, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "IAM tokens can be created from any address";
  }

  @Override
  public String description() {
    return "With no allowed_ip_addresses, a stolen API key or password works from anywhere on the"
        + " internet. Restricting token creation to known networks contains a leak; it also"
        + " blocks everyone outside them, so the rule is off unless the policy enables it.";
  }

  @Override
  public String remedy() {
    return "Turn on IP address access and list the allowed networks (console: Manage > Access (IAM)"
        + " > Settings).";
  }

  @Override
  String field() {
    return "allowed_ip_addresses";
  }

  @Override
  String value(AccountSettings settings) {
    return settings.allowedIpAddresses();
  }

  @Override
  String problem(AccountSettings settings) {
    String allowed = settings.allowedIpAddresses();
    return allowed != null && !allowed.isBlank()
        ? null
        : "lets IAM tokens be created from any IP address (allowed_ip_addresses: "
            + show(allowed)
            + ")";
  }

  @Override
  String fix() {
    return "turn on 'IP address access' and list the networks that may log in (console: Manage >"
        + " Access (IAM) > Settings, Account restrictions) or set allowed_ip_addresses in"
        + " ibm_iam_account_settings";
  }
}
