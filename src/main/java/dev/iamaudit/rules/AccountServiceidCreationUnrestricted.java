package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Map;

/**
 * Every member of the account may create service IDs ({@code restrict_create_service_id} not
 * RESTRICTED).
 */
public final class AccountServiceidCreationUnrestricted extends AccountSettingRule {
  private static final RuleSpec SPEC =
      new RuleSpec("account-serviceid-creation-unrestricted", Severity.LOW, true, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Anyone may create service IDs";
  }

  @Override
  public String description() {
    return "By default every member of an account can create service IDs and their API keys."
        + " Restricting creation keeps machine identities under review (CIS IBM 1.4).";
  }

  @Override
  public String remedy() {
    return "Turn on Restrict service ID creation (console: Manage > Access (IAM) > Settings).";
  }

  @Override
  String field() {
    return "restrict_create_service_id";
  }

  @Override
  String value(AccountSettings settings) {
    return settings.restrictCreateServiceId();
  }

  @Override
  String problem(AccountSettings settings) {
    return "RESTRICTED".equals(settings.restrictCreateServiceId())
        ? null
        : "lets every member create service IDs (restrict_create_service_id: "
            + settings.restrictCreateServiceId()
            + ")";
  }

  @Override
  String fix() {
    return "turn on 'Restrict service ID creation' (console: Manage > Access (IAM) > Settings) or"
        + " set restrict_create_service_id = \"RESTRICTED\" in ibm_iam_account_settings";
  }
}
