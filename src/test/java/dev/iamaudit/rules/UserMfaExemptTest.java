package dev.iamaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.inventory.UserMfa;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserMfaExemptTest {
  private final UserMfaExempt rule = new UserMfaExempt();

  private static final List<UserMfa> EXEMPTIONS =
      List.of(
          new UserMfa(
              "IBMid-robo", "NONE_NO_ROPC", "Robo Ops", "robo@example.com", "robo@example.com"),
          new UserMfa("IBMid-none", "NONE", null, "none@example.com", null),
          new UserMfa("IBMid-stricter", "LEVEL3", "Sam Strict", "sam@example.com", null));

  private static AccountSettings settings(String mfa, AccountSettings.Origin origin) {
    return new AccountSettings(
        TestInventory.ACCOUNT,
        "RESTRICTED",
        "RESTRICTED",
        mfa,
        "RESTRICTED",
        "",
        EXEMPTIONS,
        origin);
  }

  @Test
  void aUserWithoutMfaInAnAccountThatRequiresItIsExemptAndOneWithStricterMfaIsNot() {
    RuleAssertions.Outcome outcome =
        RuleAssertions.run(
            rule,
            TestInventory.builder()
                .settings(settings("TOTP4ALL", AccountSettings.Origin.PLAIN))
                .build());

    assertEquals(
        List.of(
            "User 'Robo Ops' (IBMid-robo) is exempt from the account's MFA requirement (its"
                + " user_mfa is NONE_NO_ROPC while the account's mfa is TOTP4ALL). Fix: remove the"
                + " exemption (console: Manage > Access (IAM) > Users, the user's authentication"
                + " settings) or its user_mfa entry in ibm_iam_account_settings, or accept it in"
                + " the allowlist with match: { id: IBMid-robo }, rules: [user-mfa-exempt].",
            "User 'none@example.com' (IBMid-none) is exempt from the account's MFA requirement (its"
                + " user_mfa is NONE while the account's mfa is TOTP4ALL). Fix: remove the"
                + " exemption (console: Manage > Access (IAM) > Users, the user's authentication"
                + " settings) or its user_mfa entry in ibm_iam_account_settings, or accept it in"
                + " the allowlist with match: { id: IBMid-none }, rules: [user-mfa-exempt]."),
        outcome.violations().stream().map(Violation::message).toList());
    assertEquals(3, outcome.checked());
    assertEquals(null, outcome.note());
  }

  @Test
  void nobodyIsExemptWhereTheAccountRequiresNoMfa() {
    for (String mfa : List.of("NONE", "NONE_NO_ROPC")) {
      RuleAssertions.Outcome outcome =
          RuleAssertions.run(
              rule,
              TestInventory.builder()
                  .settings(settings(mfa, AccountSettings.Origin.PLAIN))
                  .build());
      assertEquals(List.of(), outcome.violations(), mfa);
      assertEquals(
          "the account requires no MFA (mfa: "
              + mfa
              + "), so no user is exempt from it; see "
              + "account-mfa-disabled",
          outcome.note());
    }
  }

  @Test
  void saysWhenOnlyTheAccountsOwnSettingsWereJudged() {
    RuleAssertions.Outcome outcome =
        RuleAssertions.run(
            rule,
            TestInventory.builder()
                .settings(settings("TOTP", AccountSettings.Origin.fallback("IAM answered 403")))
                .build());

    assertEquals(2, outcome.violations().size());
    assertEquals(
        "judged the account's own settings, not those in force: IAM answered 403", outcome.note());
  }

  @Test
  void notEvaluatedWithoutTheSettings() {
    RuleAssertions.Outcome outcome = RuleAssertions.run(rule, TestInventory.builder().build());
    assertEquals(false, outcome.evaluated());
    assertEquals(
        "needs the account identity settings, which a saved activity report does not hold",
        outcome.note());
  }
}
