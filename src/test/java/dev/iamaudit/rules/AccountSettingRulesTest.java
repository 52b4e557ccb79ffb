package dev.iamaudit.rules;

import static dev.iamaudit.rules.RuleAssertions.messages;
import static dev.iamaudit.rules.RuleAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.TestInventory;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountSettingRulesTest {
  private final TestInventory lax = TestInventory.builder().settings("NOT_RESTRICTED", "NOT_SET", "NONE");
  private final TestInventory strict = TestInventory.builder().settings("RESTRICTED", "RESTRICTED", "TOTP4ALL");

  @Test
  void apikeyCreation() {
    assertEquals(List.of("Account a1b2c3 lets every member create API keys (restrict_create_platform_apikey: "
        + "NOT_RESTRICTED). Fix: turn on 'Restrict API key creation' (console: Manage > Access (IAM) > Settings) or "
        + "set restrict_create_platform_apikey = \"RESTRICTED\" in ibm_iam_account_settings, or accept it in the "
        + "allowlist with match: { id: a1b2c3 }, rules: [account-apikey-creation-unrestricted]."),
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
    assertEquals(List.of("Account a1b2c3 does not require multifactor authentication (mfa: NONE). Fix: require MFA "
        + "for all users (console: Manage > Access (IAM) > Settings > Authentication) or set mfa = \"TOTP4ALL\" in "
        + "ibm_iam_account_settings, or accept it in the allowlist with match: { id: a1b2c3 }, rules: "
        + "[account-mfa-disabled]."), messages(new AccountMfaDisabled(), lax.build()));
    assertEquals(List.of(), messages(new AccountMfaDisabled(), strict.build()));
  }

  @Test
  void notEvaluatedWithoutSettings() {
    assertEquals("needs the account identity settings, which a saved activity report does not hold",
        run(new AccountMfaDisabled(), TestInventory.builder().build()).note());
  }
}
