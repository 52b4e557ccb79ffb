package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.terraform.SourceLine;
import java.util.Set;
import java.util.function.Consumer;

/** A check of one account identity setting: the account is the only identity in scope. */
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

  /** What is wrong with the settings, as the middle of the message, or null when they pass. */
  abstract String problem(AccountSettings settings);

  /** The console place and Terraform attribute that fix it. */
  abstract String fix();

  /**
   * The argument of {@code ibm_iam_account_settings} that holds the setting: a finding points at its line when the
   * Terraform declares it, else at the declaration's block. Null for a setting with no argument of its own.
   */
  String argument() {
    return null;
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
      String problem = problem(context.settings());
      if (problem != null) {
        Entity account = Entity.account(context.accountId());
        SourceLine at = argument() == null ? null : context.terraform().accountSettings(context.accountId())
            .filter(declaration -> declaration.attribute(argument()).isPresent())
            .map(declaration -> declaration.locationOf(argument()))
            .orElse(null);
        out.accept(new Violation(account, text -> Message.to(text).text("Account ").text(account.id()).text(' ')
            .text(problem).text(". Fix: ").text(fix()).text(", ").allowlist(account, id()).text('.'), null, at));
      }
    }

    @Override
    public String note() {
      return null;
    }

    @Override
    public long checked() {
      return 1;
    }
  }
}
