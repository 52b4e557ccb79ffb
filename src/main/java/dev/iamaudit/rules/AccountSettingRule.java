package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.SettingsTemplate;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.terraform.SourceLine;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A check of one account identity setting: the account is the only identity in scope. It judges the
 * setting in force (the stricter of the account's own and its enterprise settings template's);
 * where a template sets it, the finding or the rule's note names the template.
 */
abstract class AccountSettingRule implements Rule {
  @Override
  public final Set<DataSet> needs() {
    return Set.of(DataSet.SETTINGS);
  }

  @Override
  public final Check start(RuleContext context, RuleConfig config) {
    String missing = context.lacking(DataSet.SETTINGS);
    return missing != null ? Check.notEvaluated(missing) : new Judging(context);
  }

  /**
   * IBM's name of the setting, {@code mfa}, {@code restrict_create_service_id}, ..., which is also
   * the argument of Terraform's {@code ibm_iam_account_settings} that holds it: a finding points at
   * that argument's line when the Terraform declares it, else at the declaration's block.
   */
  abstract String field();

  /** The setting's value in {@code settings}. */
  abstract String value(AccountSettings settings);

  /** What is wrong with the settings, as the middle of the message, or null when they pass. */
  abstract String problem(AccountSettings settings);

  /** The console place and Terraform attribute that fix it. */
  abstract String fix();

  /**
   * Why the settings judged may not be the ones in force, for every rule that judges them; null
   * when they are the effective ones.
   */
  static String fallbackNote(AccountSettings settings) {
    String fallback = settings.origin().fallback();
    return fallback == null
        ? null
        : "judged the account's own settings, not those in force: " + fallback;
  }

  /** The templates that set {@code field} to {@code value}. */
  static List<SettingsTemplate> setting(AccountSettings settings, String field, String value) {
    return settings.origin().templates().stream()
        .filter(template -> value != null && value.equals(template.settings().get(field)))
        .toList();
  }

  /**
   * "enterprise settings template 'baseline' (AccountSettingsTemplate-1, version 3)", and so on for
   * each.
   */
  static String describe(List<SettingsTemplate> templates) {
    StringBuilder out = new StringBuilder("enterprise settings template");
    out.append(templates.size() == 1 ? " " : "s ");
    for (int i = 0; i < templates.size(); i++) {
      out.append(i == 0 ? "" : " and ").append(templates.get(i).describe());
    }
    return out.toString();
  }

  /**
   * How the value in force came about, when a template set it against the account's own value: "mfa
   * TOTP4ALL is enforced by enterprise settings template 'baseline' (...); the account's own
   * setting is NONE".
   */
  private String enforcedNote(AccountSettings settings) {
    String value = value(settings);
    String own = settings.origin().own().get(field());
    List<SettingsTemplate> templates = setting(settings, field(), value);
    if (templates.isEmpty() || own == null || own.equals(value)) {
      return null;
    }
    return field()
        + " "
        + show(value)
        + " is enforced by "
        + describe(templates)
        + "; the account's own setting is "
        + show(own);
  }

  /** A blank value quoted, so it shows rather than vanishes. */
  static String show(String value) {
    return value == null ? "not returned" : value.isBlank() ? "\"" + value + "\"" : value;
  }

  /** Judges the settings once, at the end: the account is the only identity in scope. */
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
      String problem = problem(settings);
      if (problem != null) {
        List<SettingsTemplate> templates = setting(settings, field(), value(settings));
        Entity account = Entity.account(context.accountId());
        SourceLine at =
            context
                .terraform()
                .accountSettings(context.accountId())
                .filter(declaration -> declaration.attribute(field()).isPresent())
                .map(declaration -> declaration.locationOf(field()))
                .orElse(null);
        out.accept(
            new Violation(
                account,
                text -> {
                  Message message =
                      Message.to(text).text("Account ").text(account.id()).text(' ').text(problem);
                  if (!templates.isEmpty()) {
                    message.text(", as ").text(describe(templates)).text(" sets it");
                  }
                  message.text(". Fix: ").text(fix()).text(", ").allowlist(account, id()).text('.');
                },
                null,
                at));
      }
    }

    @Override
    public String note() {
      AccountSettings settings = context.settings();
      String fallback = fallbackNote(settings);
      return fallback != null ? fallback : enforcedNote(settings);
    }

    @Override
    public long checked() {
      return 1;
    }
  }
}
