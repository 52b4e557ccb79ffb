package dev.iamaudit.rules;

import static dev.iamaudit.rules.RuleAssertions.messages;
import static dev.iamaudit.rules.RuleAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.SettingsTemplate;
import dev.iamaudit.inventory.TestInventory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountSettingRulesTest {
  private final TestInventory lax =
      TestInventory.builder().settings("NOT_RESTRICTED", "NOT_SET", "NONE");
  private final TestInventory strict =
      TestInventory.builder().settings("RESTRICTED", "RESTRICTED", "TOTP4ALL");

  @Test
  void apikeyCreation() {
    assertEquals(
        List.of(
            "Account a1b2c3 lets every member create API keys (restrict_create_platform_apikey:"
                + " NOT_RESTRICTED). Fix: turn on 'Restrict API key creation' (console: Manage >"
                + " Access (IAM) > Settings) or set restrict_create_platform_apikey ="
                + " \"RESTRICTED\" in ibm_iam_account_settings, or accept it in the allowlist with"
                + " match: { id: a1b2c3 }, rules: [account-apikey-creation-unrestricted]."),
        messages(new AccountApikeyCreationUnrestricted(), lax.build()));
    assertEquals(List.of(), messages(new AccountApikeyCreationUnrestricted(), strict.build()));
  }

  @Test
  void serviceIdCreationNotSetCountsAsUnrestricted() {
    assertEquals(1, messages(new AccountServiceidCreationUnrestricted(), lax.build()).size());
    assertEquals(List.of(), messages(new AccountServiceidCreationUnrestricted(), strict.build()));
  }

  @Test
  void mfa() {
    assertEquals(
        List.of(
            "Account a1b2c3 does not require multifactor authentication (mfa: NONE). Fix: require"
                + " MFA for all users (console: Manage > Access (IAM) > Settings > Authentication)"
                + " or set mfa = \"TOTP4ALL\" in ibm_iam_account_settings, or accept it in the"
                + " allowlist with match: { id: a1b2c3 }, rules: [account-mfa-disabled]."),
        messages(new AccountMfaDisabled(), lax.build()));
    assertEquals(List.of(), messages(new AccountMfaDisabled(), strict.build()));
  }

  @Test
  void notEvaluatedWithoutSettings() {
    assertEquals(
        "needs the account identity settings, which a saved activity report does not hold",
        run(new AccountMfaDisabled(), TestInventory.builder().build()).note());
  }

  private static AccountSettings settings(
      String mfa, String visibility, String ips, AccountSettings.Origin origin) {
    return new AccountSettings(
        TestInventory.ACCOUNT, "RESTRICTED", "RESTRICTED", mfa, visibility, ips, List.of(), origin);
  }

  private static final SettingsTemplate BASELINE =
      new SettingsTemplate(
          "AccountSettingsTemplate-1",
          3L,
          "baseline",
          Map.of("mfa", "TOTP4ALL", "restrict_user_list_visibility", "NOT_RESTRICTED"));

  @Test
  void noMfaWithoutRopcIsNoMfaEitherAndTheMessageSaysWhich() {
    var inventory =
        TestInventory.builder().settings("RESTRICTED", "RESTRICTED", "NONE_NO_ROPC").build();
    assertEquals(
        List.of(
            "Account a1b2c3 does not require multifactor authentication (mfa: NONE_NO_ROPC, which"
                + " only stops CLI logins with a password alone). Fix: require MFA for all users"
                + " (console: Manage > Access (IAM) > Settings > Authentication) or set mfa ="
                + " \"TOTP4ALL\" in ibm_iam_account_settings, or accept it in the allowlist with"
                + " match: { id: a1b2c3 }, rules: [account-mfa-disabled]."),
        messages(new AccountMfaDisabled(), inventory));
    for (String mfa : List.of("TOTP", "TOTP4ALL", "LEVEL1", "LEVEL2", "LEVEL3")) {
      assertEquals(
          List.of(),
          messages(
              new AccountMfaDisabled(),
              TestInventory.builder().settings("RESTRICTED", "RESTRICTED", mfa).build()),
          mfa);
    }
  }

  @Test
  void aValueATemplateEnforcesAgainstTheAccountsOwnIsNamedInTheNote() {
    var inventory =
        TestInventory.builder()
            .settings(
                settings(
                    "TOTP4ALL",
                    "RESTRICTED",
                    "10.0.0.0/8",
                    new AccountSettings.Origin(Map.of("mfa", "NONE"), List.of(BASELINE), null)))
            .build();

    RuleAssertions.Outcome outcome = run(new AccountMfaDisabled(), inventory);

    assertEquals(List.of(), outcome.violations());
    assertEquals(
        "mfa TOTP4ALL is enforced by enterprise settings template 'baseline'"
            + " (AccountSettingsTemplate-1, version 3); the account's own setting is NONE",
        outcome.note());
  }

  @Test
  void aFindingOnAValueATemplateSetsNamesTheTemplate() {
    var inventory =
        TestInventory.builder()
            .settings(
                settings(
                    "TOTP4ALL",
                    "NOT_RESTRICTED",
                    "10.0.0.0/8",
                    new AccountSettings.Origin(
                        Map.of("restrict_user_list_visibility", "NOT_RESTRICTED"),
                        List.of(BASELINE),
                        null)))
            .build();

    RuleAssertions.Outcome outcome = run(new AccountUserListVisible(), inventory);

    assertEquals(
        List.of(
            "Account a1b2c3 lets every member list all users (restrict_user_list_visibility:"
                + " NOT_RESTRICTED), as enterprise settings template 'baseline'"
                + " (AccountSettingsTemplate-1, version 3) sets it. Fix: turn on 'User list"
                + " visibility' (console: Manage > Access (IAM) > Settings, Account restrictions)"
                + " or set restrict_user_list_visibility = \"RESTRICTED\" in"
                + " ibm_iam_account_settings, or accept it in the allowlist with match: { id:"
                + " a1b2c3 }, rules: [account-user-list-visible]."),
        outcome.violations().stream().map(Violation::message).toList());
    assertEquals(null, outcome.note());
  }

  @Test
  void theAccountsOwnSettingsJudgedForWantOfTheEffectiveOnesAreNoted() {
    var inventory =
        TestInventory.builder()
            .settings(
                settings(
                    "NONE", "RESTRICTED", "", AccountSettings.Origin.fallback("IAM answered 403")))
            .build();

    RuleAssertions.Outcome outcome = run(new AccountMfaDisabled(), inventory);

    assertEquals(1, outcome.violations().size());
    assertEquals(
        "judged the account's own settings, not those in force: IAM answered 403", outcome.note());
  }

  @Test
  void userListVisibility() {
    assertEquals(
        List.of(),
        messages(
            new AccountUserListVisible(),
            TestInventory.builder()
                .settings(settings("TOTP4ALL", "RESTRICTED", "", AccountSettings.Origin.PLAIN))
                .build()));
    assertEquals(
        List.of(
            "Account a1b2c3 lets every member list all users (restrict_user_list_visibility:"
                + " NOT_SET). Fix: turn on 'User list visibility' (console: Manage > Access (IAM) >"
                + " Settings, Account restrictions) or set restrict_user_list_visibility ="
                + " \"RESTRICTED\" in ibm_iam_account_settings, or accept it in the allowlist with"
                + " match: { id: a1b2c3 }, rules: [account-user-list-visible]."),
        messages(
            new AccountUserListVisible(),
            TestInventory.builder()
                .settings(settings("TOTP4ALL", "NOT_SET", "", AccountSettings.Origin.PLAIN))
                .build()));
  }

  @Test
  void ipAllowlistIsOffByDefaultAndFlagsOnlyAnEmptyList() {
    AccountIpAllowlistUnset rule = new AccountIpAllowlistUnset();
    assertEquals(false, rule.spec().enabledByDefault());
    assertEquals(
        List.of(),
        messages(
            rule,
            TestInventory.builder()
                .settings(
                    settings(
                        "TOTP4ALL", "RESTRICTED", "192.0.2.0/24", AccountSettings.Origin.PLAIN))
                .build()));
    assertEquals(
        List.of(
            "Account a1b2c3 lets IAM tokens be created from any IP address (allowed_ip_addresses:"
                + " \"\"). Fix: turn on 'IP address access' and list the networks that may log in"
                + " (console: Manage > Access (IAM) > Settings, Account restrictions) or set"
                + " allowed_ip_addresses in ibm_iam_account_settings, or accept it in the allowlist"
                + " with match: { id: a1b2c3 }, rules: [account-ip-allowlist-unset]."),
        messages(
            rule,
            TestInventory.builder()
                .settings(settings("TOTP4ALL", "RESTRICTED", "", AccountSettings.Origin.PLAIN))
                .build()));
  }
}
