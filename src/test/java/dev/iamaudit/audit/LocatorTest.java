package dev.iamaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.FilePosition;
import dev.iamaudit.policy.Match;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.rules.MessageText;
import dev.iamaudit.rules.Rules;
import dev.iamaudit.rules.Violation;
import dev.iamaudit.terraform.SourceLine;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocatorTest {
  private static final String ANCHOR = "iam-audit-report/iam-audit.sarif";
  private static final Entity SERVICE_ID =
      new Entity(IdentityType.SERVICEID, "ServiceId-1", "iam-ServiceId-1", "ci");
  private static final Entity USER = new Entity(IdentityType.USER, "IBMid-1", "IBMid-1", "Jane");
  private static final Entity ACCOUNT = Entity.account("acc1");

  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private TerraformDeclarations terraform(String dirName) {
    return TerraformDeclarations.load(
        dir.resolve(dirName), dir.resolve("repo"), List.of(), null, null);
  }

  private static Violation violation(Entity entity) {
    return new Violation(entity, MessageText.of("seen"));
  }

  private static AllowlistEntry entry(String file, int line) {
    return new AllowlistEntry(
        new Match("IBMid-1", null, null, null),
        Set.of(),
        "kept",
        null,
        LocalDate.of(2027, 1, 1),
        new FilePosition(file, line, 3));
  }

  private static Policy policy(String file, String configuredRule, int line) {
    Policy defaults = Policy.defaults(Rules.specs());
    Policy policy = new Policy(null, defaults.failOn(), 24, 365, defaults.rules(), file);
    if (configuredRule == null) {
      return policy;
    }
    RuleConfig config = policy.rule(configuredRule);
    return policy.withRule(
        new RuleConfig(
            config.ruleId(),
            config.enabled(),
            config.severity(),
            config.params(),
            new FilePosition(file, line, 3)));
  }

  @Test
  void aDeclaredIdentityPointsAtItsResourceBlockBeforeAnythingElse() throws IOException {
    write(
        "repo/terraform/main.tf",
        """
        # The CI identities.
        resource "ibm_iam_service_id" "ci" {
          name        = "ci"
          description = "Deploys from CI"
        }
        """);
    AllowlistEntry entry = entry("iam-allowlist.yml", 4);
    Locator locator =
        Locator.of(
            policy("iam-audit.yml", "serviceid-inactive", 3),
            new Allowlist(List.of(entry), "iam-allowlist.yml"),
            terraform("repo/terraform"),
            ANCHOR);

    assertEquals(
        "terraform/main.tf:2-5",
        locator.locate("serviceid-inactive", violation(SERVICE_ID), entry).toString());
    assertEquals(
        new Location("terraform/main.tf", 2, 5),
        locator.locate("serviceid-inactive", violation(SERVICE_ID), null));
  }

  @Test
  void anAccountSettingPointsAtItsArgumentElseAtTheSettingsBlock() throws IOException {
    write(
        "repo/main.tf",
        """
        resource "ibm_iam_account_settings" "account" {
          mfa = "TOTP4ALL"
        }
        """);
    Locator locator = Locator.of(policy(null, null, 0), Allowlist.NONE, terraform("repo"), ANCHOR);

    assertEquals(
        "main.tf:2",
        locator
            .locate(
                "account-mfa-disabled",
                new Violation(ACCOUNT, MessageText.of("x"), null, new SourceLine("main.tf", 2)),
                null)
            .toString());
    assertEquals(
        "main.tf:1-3",
        locator
            .locate("account-apikey-creation-unrestricted", violation(ACCOUNT), null)
            .toString());
  }

  @Test
  void withoutDeclarationTheEntryThenTheRuleSettingsThenThePolicyThenTheAllowlistThenTheAnchor() {
    TerraformDeclarations none = TerraformDeclarations.none();
    AllowlistEntry entry = entry("gov/iam-allowlist.yml", 7);
    Allowlist allowlist = new Allowlist(List.of(entry), "gov/iam-allowlist.yml");

    assertEquals(
        "gov/iam-allowlist.yml:7",
        Locator.of(policy("gov/iam-audit.yml", "user-inactive", 5), allowlist, none, ANCHOR)
            .locate("user-inactive", violation(USER), entry)
            .toString());
    assertEquals(
        "gov/iam-audit.yml:5",
        Locator.of(policy("gov/iam-audit.yml", "user-inactive", 5), allowlist, none, ANCHOR)
            .locate("user-inactive", violation(USER), null)
            .toString());
    assertEquals(
        "gov/iam-audit.yml:1",
        Locator.of(policy("gov/iam-audit.yml", null, 0), allowlist, none, ANCHOR)
            .locate("user-inactive", violation(USER), null)
            .toString());
    assertEquals(
        "gov/iam-allowlist.yml:1",
        Locator.of(policy(null, null, 0), allowlist, none, ANCHOR)
            .locate("user-inactive", violation(USER), null)
            .toString());
    assertEquals(
        "iam-audit-report/iam-audit.sarif:1",
        Locator.of(policy(null, null, 0), Allowlist.NONE, none, ANCHOR)
            .locate("user-inactive", violation(USER), null)
            .toString());
  }

  @Test
  void aFindingAboutAnAllowlistEntryPointsAtTheEntry() throws IOException {
    write("repo/main.tf", "resource \"ibm_iam_account_settings\" \"a\" {\n}\n");
    AllowlistEntry entry = entry("iam-allowlist.yml", 9);
    Locator locator =
        Locator.of(
            policy(null, null, 0),
            new Allowlist(List.of(entry), "iam-allowlist.yml"),
            terraform("repo"),
            ANCHOR);

    assertEquals("iam-allowlist.yml:9", locator.locate(entry).toString());
  }

  @Test
  void filesOutsideTheRepositoryArePassedOver() throws IOException {
    write("infra/main.tf", "resource \"ibm_iam_service_id\" \"ci\" {\n  name = \"ci\"\n}\n");
    AllowlistEntry outside = entry("/etc/iam-allowlist.yml", 4);
    TerraformDeclarations infra = terraform("infra");
    assertEquals("../infra/main.tf", infra.declarations().get(0).file());

    Locator locator =
        Locator.of(
            policy("../iam-audit.yml", "serviceid-inactive", 2),
            new Allowlist(List.of(outside), "/etc/iam-allowlist.yml"),
            infra,
            ANCHOR);

    assertEquals(
        "iam-audit-report/iam-audit.sarif:1",
        locator.locate("serviceid-inactive", violation(SERVICE_ID), outside).toString());
    assertEquals("iam-audit-report/iam-audit.sarif:1", locator.locate(outside).toString());
  }

  @Test
  void aKeyNameDeclaredForAServiceIdAndForAUserPointsAtNeitherUnlessTheStateSaysWhich()
      throws IOException {
    write(
        "repo/main.tf",
        """
        resource "ibm_iam_service_api_key" "ci" {
          name = "ci"
        }

        resource "ibm_iam_api_key" "jane" {
          name = "ci"
        }
        """);
    write(
        "repo/state.json",
        """
        {"format_version": "1.0", "values": {"root_module": {"resources": [
          {"address": "ibm_iam_api_key.jane", "mode": "managed", "type": "ibm_iam_api_key", "name": "jane",
           "values": {"id": "ApiKey-jane", "apikey": "FAKE-SECRET-jane"}}]}}}
        """);
    Entity key = new Entity(IdentityType.APIKEY, "ApiKey-other", "iam-ServiceId-1", "ci");
    Entity jane = new Entity(IdentityType.APIKEY, "ApiKey-jane", "IBMid-1", "ci");

    Locator byName = Locator.of(policy(null, null, 0), Allowlist.NONE, terraform("repo"), ANCHOR);
    assertEquals(ANCHOR + ":1", byName.locate("apikey-too-old", violation(key), null).toString());

    Locator byId =
        Locator.of(
            policy(null, null, 0),
            Allowlist.NONE,
            TerraformDeclarations.load(
                dir.resolve("repo"),
                dir.resolve("repo"),
                List.of(),
                dir.resolve("repo/state.json"),
                "state.json"),
            ANCHOR);
    assertEquals("main.tf:5-7", byId.locate("apikey-too-old", violation(jane), null).toString());
    assertEquals("main.tf:1-3", byId.locate("apikey-too-old", violation(key), null).toString());
  }

  @Test
  void onlyRelativePathsWithoutParentStepsAreInTheRepository() {
    assertTrue(Locator.inRepo("iam-audit.yml"));
    assertTrue(Locator.inRepo("gov/terraform/main.tf"));
    assertTrue(Locator.inRepo("./main.tf"));
    assertFalse(Locator.inRepo(null));
    assertFalse(Locator.inRepo(""));
    assertFalse(Locator.inRepo("../infra/main.tf"));
    assertFalse(Locator.inRepo("gov/../../main.tf"));
    assertFalse(Locator.inRepo("/etc/iam-audit.yml"));
    assertFalse(Locator.inRepo("C:/work/iam-audit.yml"));
    assertFalse(Locator.inRepo("C:\\work\\iam-audit.yml"));
    assertFalse(Locator.inRepo("https://example.com/main.tf"));
  }
}
