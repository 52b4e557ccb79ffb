package dev.iamaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.policy.FilePosition;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.terraform.SourceLine;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountSettingsDriftTest {
  private static final AccountSettingsDrift RULE = new AccountSettingsDrift();
  private static final Inventory LAX =
      TestInventory.builder().settings("NOT_RESTRICTED", "NOT_SET", "NONE").build();

  @TempDir Path dir;

  private TerraformDeclarations terraform(String main) throws IOException {
    Files.writeString(dir.resolve("main.tf"), main);
    return TerraformDeclarations.load(dir, dir, List.of(), null, null);
  }

  private RuleAssertions.Outcome run(Inventory inventory, TerraformDeclarations terraform) {
    return RuleAssertions.run(RULE, inventory, RULE.spec().defaults(), terraform);
  }

  @Test
  void eachDeclaredLiteralThatDiffersFromTheSettingInForceIsOneFindingOnItsLine()
      throws IOException {
    TerraformDeclarations terraform =
        terraform(
            """
            resource "ibm_iam_account_settings" "account" {
              mfa                             = "TOTP4ALL"
              restrict_create_service_id      = "NOT_SET"
              restrict_create_platform_apikey = var.apikey_creation
            }

            variable "apikey_creation" {
              default = "RESTRICTED"
            }
            """);

    RuleAssertions.Outcome outcome = run(LAX, terraform);

    assertTrue(outcome.evaluated());
    assertNull(outcome.note());
    assertEquals(1, outcome.checked());
    assertEquals(
        List.of(
            "Account a1b2c3 has restrict_create_platform_apikey NOT_RESTRICTED in force, but"
                + " main.tf:4 declares restrict_create_platform_apikey = \"RESTRICTED\" (the value"
                + " is set at main.tf:8) in ibm_iam_account_settings.account. Fix: run terraform"
                + " apply to restore the declared value (an enterprise template in force overrides"
                + " the account's own setting), or change the declaration if the account's value is"
                + " the intended one, or accept it in the allowlist with match: { id: a1b2c3 },"
                + " rules: [account-settings-drift].",
            "Account a1b2c3 has mfa NONE in force, but main.tf:2 declares mfa = \"TOTP4ALL\" in"
                + " ibm_iam_account_settings.account. Fix: run terraform apply to restore the"
                + " declared value (an enterprise template in force overrides the account's own"
                + " setting), or change the declaration if the account's value is the intended one,"
                + " or accept it in the allowlist with match: { id: a1b2c3 }, rules:"
                + " [account-settings-drift]."),
        outcome.violations().stream().map(Violation::message).toList());
    assertEquals(
        List.of(new SourceLine("main.tf", 4), new SourceLine("main.tf", 2)),
        outcome.violations().stream().map(Violation::at).toList());
    assertEquals(
        List.of("setting restrict_create_platform_apikey", "setting mfa"),
        outcome.violations().stream().map(Violation::subject).toList());
  }

  @Test
  void theIpAllowlistIsComparedAsASetOfAddresses() throws IOException {
    Inventory account =
        TestInventory.builder()
            .settings(
                new AccountSettings(
                    TestInventory.ACCOUNT,
                    "RESTRICTED",
                    "RESTRICTED",
                    "TOTP4ALL",
                    "RESTRICTED",
                    "198.51.100.7,192.0.2.0/24",
                    List.of(),
                    AccountSettings.Origin.PLAIN))
            .build();

    assertEquals(
        List.of(),
        run(
                account,
                terraform(
                    """
                    resource "ibm_iam_account_settings" "account" {
                      allowed_ip_addresses = "192.0.2.0/24, 198.51.100.7"
                    }
                    """))
            .violations());
    assertEquals(
        List.of(
            "Account a1b2c3 has allowed_ip_addresses 198.51.100.7,192.0.2.0/24 in force, but"
                + " main.tf:2 declares allowed_ip_addresses = \"192.0.2.0/24\" in"
                + " ibm_iam_account_settings.account. Fix: run terraform apply to restore the"
                + " declared value (an enterprise template in force overrides the account's own"
                + " setting), or change the declaration if the account's value is the intended one,"
                + " or accept it in the allowlist with match: { id: a1b2c3 }, rules:"
                + " [account-settings-drift]."),
        run(
                account,
                terraform(
                    """
                    resource "ibm_iam_account_settings" "account" {
                      allowed_ip_addresses = "192.0.2.0/24"
                    }
                    """))
            .violations()
            .stream()
            .map(Violation::message)
            .toList());
  }

  @Test
  void anEmptySettingInForceIsShownQuoted() throws IOException {
    assertEquals(
        List.of(
            "Account a1b2c3 has allowed_ip_addresses \"\" in force, but main.tf:2 declares"
                + " allowed_ip_addresses = \"192.0.2.0/24\" in ibm_iam_account_settings.account."
                + " Fix: run terraform apply to restore the declared value (an enterprise template"
                + " in force overrides the account's own setting), or change the declaration if the"
                + " account's value is the intended one, or accept it in the allowlist with match:"
                + " { id: a1b2c3 }, rules: [account-settings-drift]."),
        run(
                TestInventory.builder()
                    .settings(
                        new AccountSettings(
                            TestInventory.ACCOUNT,
                            "RESTRICTED",
                            "RESTRICTED",
                            "TOTP4ALL",
                            "RESTRICTED",
                            "",
                            List.of(),
                            AccountSettings.Origin.PLAIN))
                    .build(),
                terraform(
                    """
                    resource "ibm_iam_account_settings" "account" {
                      allowed_ip_addresses = "192.0.2.0/24"
                    }
                    """))
            .violations()
            .stream()
            .map(Violation::message)
            .toList());
  }

  @Test
  void settingsTheDeclarationLeavesOutOrAgreesOnAreNotFindings() throws IOException {
    TerraformDeclarations terraform =
        terraform(
            """
            resource "ibm_iam_account_settings" "account" {
              mfa = "NONE"
            }
            """);
    assertEquals(List.of(), run(LAX, terraform).violations());
  }

  @Test
  void aValueThatIsNotALiteralIsNotComparedAndTheNoteSaysWhy() throws IOException {
    TerraformDeclarations terraform =
        terraform(
            """
            resource "ibm_iam_account_settings" "account" {
              mfa                        = local.mfa
              restrict_create_service_id = null
            }
            """);

    RuleAssertions.Outcome outcome = run(LAX, terraform);

    assertTrue(outcome.evaluated());
    assertEquals(List.of(), outcome.violations());
    assertEquals(
        "did not compare the arguments that are not literals: mfa at main.tf:2 (is the reference"
            + " local.mfa, which iam-audit does not evaluate)",
        outcome.note());
  }

  @Test
  void withoutTheSettingsOrADeclarationOfThisAccountItIsNotEvaluated() throws IOException {
    assertEquals(
        "needs the account identity settings, which a saved activity report does not hold",
        run(TestInventory.builder().build(), TerraformDeclarations.none()).note());
    assertEquals(
        "needs an ibm_iam_account_settings declaration to compare with, and the Terraform read"
            + " declares none",
        run(LAX, TerraformDeclarations.none()).note());
    Files.writeString(
        dir.resolve("state.json"),
        """
        {"format_version": "1.0", "values": {"root_module": {"resources": [
          {"address": "ibm_iam_account_settings.account", "mode": "managed", "type": "ibm_iam_account_settings",
           "name": "account", "values": {"id": "another-account"}}]}}}
        """);
    Files.writeString(
        dir.resolve("main.tf"), "resource \"ibm_iam_account_settings\" \"account\" {\n}\n");
    RuleAssertions.Outcome outcome =
        run(
            LAX,
            TerraformDeclarations.load(
                dir, dir, List.of(), dir.resolve("state.json"), "state.json"));
    assertFalse(outcome.evaluated());
    assertEquals(
        "needs the ibm_iam_account_settings of account a1b2c3, and the Terraform read holds none"
            + " the state maps to it, or several that nothing tells apart; give the state of the"
            + " root module that manages this account",
        outcome.note());
  }

  @Test
  void onWheneverTerraformDeclaresAccountSettingsUnlessThePolicySaysOtherwise() throws IOException {
    Policy defaults = Policy.defaults(Rules.specs());
    TerraformDeclarations declared =
        terraform("resource \"ibm_iam_account_settings\" \"a\" {\n}\n");

    assertTrue(AccountSettingsDrift.applyTo(defaults, declared).rule(RULE.id()).enabled());
    assertFalse(
        AccountSettingsDrift.applyTo(defaults, TerraformDeclarations.none())
            .rule(RULE.id())
            .enabled());

    FilePosition at = new FilePosition("iam-audit.yml", 3, 3);
    Policy off =
        defaults.withRule(
            new RuleConfig(RULE.id(), false, RULE.spec().defaultSeverity(), Map.of(), at));
    assertFalse(AccountSettingsDrift.applyTo(off, declared).rule(RULE.id()).enabled());
    Policy mentioned =
        defaults.withRule(
            new RuleConfig(RULE.id(), true, RULE.spec().defaultSeverity(), Map.of(), at));
    assertTrue(
        AccountSettingsDrift.applyTo(mentioned, TerraformDeclarations.none())
            .rule(RULE.id())
            .enabled());
  }
}
