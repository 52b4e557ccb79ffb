package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.terraform.Attribute;
import dev.iamaudit.terraform.Declaration;
import dev.iamaudit.terraform.HclValue;
import dev.iamaudit.terraform.SourceLine;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An identity setting in force in the account that differs from what the repository's {@code
 * ibm_iam_account_settings} declares: someone changed it by hand, or an enterprise template
 * overrides it, or the Terraform was never applied. On whenever the Terraform read declares account
 * settings (see {@link #applyTo}).
 */
public final class AccountSettingsDrift implements Rule {
  private static final RuleSpec SPEC =
      new RuleSpec("account-settings-drift", Severity.MEDIUM, true, Map.of());

  /**
   * The settings compared: each argument of {@code ibm_iam_account_settings} and the effective
   * value IAM reports for it, both as IBM's strings. A setting is compared when the declaration
   * gives its argument a literal.
   */
  static final Map<String, Function<AccountSettings, String>> SETTINGS = settings();

  private static Map<String, Function<AccountSettings, String>> settings() {
    Map<String, Function<AccountSettings, String>> settings = new LinkedHashMap<>();
    settings.put("restrict_create_service_id", AccountSettings::restrictCreateServiceId);
    settings.put("restrict_create_platform_apikey", AccountSettings::restrictCreatePlatformApikey);
    settings.put("mfa", AccountSettings::mfa);
    settings.put("restrict_user_list_visibility", AccountSettings::restrictUserListVisibility);
    settings.put("allowed_ip_addresses", AccountSettings::allowedIpAddresses);
    return settings;
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Account setting differs from Terraform";
  }

  @Override
  public String description() {
    return "The identity settings in force in the account (after enterprise templates) are compared"
        + " with the literal arguments of the repository's ibm_iam_account_settings: a"
        + " difference means a change made outside the code review, a template that"
        + " overrides the account, or a declaration that was never applied.";
  }

  @Override
  public String remedy() {
    return "Apply the Terraform again to restore the declared setting, or change the declaration if"
        + " the account's setting is the intended one.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.SETTINGS);
  }

  /**
   * The policy with this rule on whenever the Terraform read declares account settings: a policy
   * that does not mention the rule gets it turned off when there is nothing to compare with. A
   * policy that mentions it keeps its own say: {@code enabled: false} turns it off, and mentioning
   * it without Terraform settings leaves it not evaluated, with the reason, rather than silently
   * off.
   */
  public static Policy applyTo(Policy policy, TerraformDeclarations terraform) {
    RuleConfig config = policy.rule(SPEC.id());
    if (config.position() != null || !config.enabled() || terraform.declaresAccountSettings()) {
      return policy;
    }
    return policy.withRule(
        new RuleConfig(config.ruleId(), false, config.severity(), config.params(), null));
  }

  @Override
  public Check start(RuleContext context, RuleConfig config) {
    String missing = context.lacking(DataSet.SETTINGS);
    if (missing != null) {
      return Check.notEvaluated(missing);
    }
    TerraformDeclarations terraform = context.terraform();
    Optional<Declaration> declaration = terraform.accountSettings(context.accountId());
    if (declaration.isPresent()) {
      return new Comparing(context, declaration.get());
    }
    return Check.notEvaluated(
        terraform.declaresAccountSettings()
            ? "needs the ibm_iam_account_settings of account "
                + context.accountId()
                + ", and the Terraform read holds none the state maps to it, or several that"
                + " nothing tells apart; give the state of the root module that manages this"
                + " account"
            : "needs an ibm_iam_account_settings declaration to compare with, and the Terraform"
                + " read declares none");
  }

  /** Compares the settings once, at the end: the account is the only identity in scope. */
  private final class Comparing implements Check {
    private final RuleContext context;
    private final Declaration declaration;
    private final List<String> uncompared = new ArrayList<>();

    Comparing(RuleContext context, Declaration declaration) {
      this.context = context;
      this.declaration = declaration;
      SETTINGS
          .keySet()
          .forEach(
              argument ->
                  declaration
                      .attribute(argument)
                      .filter(
                          attribute ->
                              attribute.value().scalarText() == null
                                  && !(attribute.value() instanceof HclValue.Null))
                      .ifPresent(
                          attribute ->
                              uncompared.add(
                                  argument
                                      + " at "
                                      + declaration.locationOf(argument)
                                      + " ("
                                      + (attribute.value() instanceof HclValue.Unresolved unresolved
                                          ? unresolved.reason()
                                          : "is not a single value")
                                      + ")")));
    }

    @Override
    public void judge(Identity identity, Consumer<Violation> out) {}

    @Override
    public void finish(Consumer<Violation> out) {
      Entity account = Entity.account(context.accountId());
      SETTINGS.forEach(
          (argument, effective) ->
              declaration
                  .attribute(argument)
                  .ifPresent(
                      attribute -> {
                        String declared = attribute.value().scalarText();
                        String inForce = effective.apply(context.settings());
                        if (declared != null
                            && inForce != null
                            && !same(argument, declared, inForce)) {
                          out.accept(drift(account, argument, attribute, inForce));
                        }
                      }));
    }

    /**
     * IBM returns the IP allowlist as one comma-separated string and keeps the order it was given
     * in; the same addresses written in another order or with spaces are the same setting.
     */
    private static boolean same(String argument, String declared, String inForce) {
      if (!argument.equals("allowed_ip_addresses")) {
        return declared.equals(inForce);
      }
      return addresses(declared).equals(addresses(inForce));
    }

    private static Set<String> addresses(String list) {
      Set<String> addresses = new TreeSet<>();
      for (String address : list.split(",")) {
        if (!address.isBlank()) {
          addresses.add(address.trim());
        }
      }
      return addresses;
    }

    private Violation drift(Entity account, String argument, Attribute attribute, String inForce) {
      SourceLine at = declaration.locationOf(argument);
      String literal =
          attribute.value() instanceof HclValue.Text text
              ? '"' + text.text() + '"'
              : attribute.value().scalarText();
      String setAt =
          attribute.valueAt() == null || attribute.valueAt().equals(at)
              ? ""
              : " (the value is set at " + attribute.valueAt() + ")";
      return new Violation(
          account,
          text ->
              Message.to(text)
                  .text("Account ")
                  .text(account.id())
                  .text(" has ")
                  .text(argument)
                  .text(' ')
                  .text(AccountSettingRule.show(inForce))
                  .text(" in force, but ")
                  .text(at.toString())
                  .text(" declares ")
                  .text(argument)
                  .text(" = ")
                  .text(literal)
                  .text(setAt)
                  .text(" in ")
                  .text(declaration.address())
                  .text(
                      ". Fix: run terraform apply to restore the declared value (an enterprise"
                          + " template in force overrides the account's own setting), or change the"
                          + " declaration if the account's value is the intended one, ")
                  .allowlist(account, SPEC.id())
                  .text('.'),
          "setting " + argument,
          at);
    }

    @Override
    public String note() {
      return uncompared.isEmpty()
          ? null
          : "did not compare the arguments that are not literals: " + String.join("; ", uncompared);
    }

    @Override
    public long checked() {
      return 1;
    }
  }
}
