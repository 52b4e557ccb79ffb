package dev.iamaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.Profile;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityUnmanagedTest {
  private static final IdentityUnmanaged RULE = new IdentityUnmanaged();
  private static final String MAIN =
      """
      resource "ibm_iam_service_id" "ci" {
        name = "ci"
      }

      resource "ibm_iam_service_api_key" "ci" {
        name           = "ci-key"
        iam_service_id = ibm_iam_service_id.ci.iam_id
      }

      resource "ibm_iam_trusted_profile" "ops" {
        name = "ops"
      }
      """;

  @TempDir Path dir;

  private static ServiceId serviceId(String id, String name) {
    return new ServiceId(id, "iam-" + id, name, TestInventory.daysAgo(100), false, Activity.RECENT);
  }

  private static ApiKey key(String id, String name, KeyOwner owner) {
    return new ApiKey(
        id,
        name,
        owner.isUser() ? owner.id() : "iam-" + owner.id(),
        owner,
        TestInventory.daysAgo(50),
        null,
        false,
        false,
        null,
        "disable",
        Activity.RECENT,
        null);
  }

  private static Inventory account() {
    return TestInventory.builder()
        .with(DataSet.API_KEYS, DataSet.SERVICE_IDS, DataSet.PROFILES)
        .serviceId(serviceId("ServiceId-ci", "ci"))
        .serviceId(serviceId("ServiceId-manual", "manual"))
        .key(key("ApiKey-ci", "ci-key", KeyOwner.serviceId("ServiceId-ci")))
        .key(key("ApiKey-manual", "manual-key", KeyOwner.serviceId("ServiceId-manual")))
        .key(key("ApiKey-jane", "jane-cli", KeyOwner.user("IBMid-jane")))
        .profile(
            new Profile(
                "Profile-ops",
                "iam-Profile-ops",
                "ops",
                TestInventory.daysAgo(10),
                Activity.RECENT))
        .profile(
            new Profile(
                "Profile-rogue",
                "iam-Profile-rogue",
                "rogue",
                TestInventory.daysAgo(10),
                Activity.RECENT))
        .build();
  }

  private TerraformDeclarations terraform(String main) throws IOException {
    Files.writeString(dir.resolve("main.tf"), main);
    return TerraformDeclarations.load(dir, dir, List.of(), null, null);
  }

  private RuleAssertions.Outcome run(Inventory inventory, TerraformDeclarations terraform) {
    return RuleAssertions.run(RULE, inventory, RULE.spec().defaults(), terraform);
  }

  @Test
  void withoutStateServiceIdsTheirKeysAndProfilesNoBlockNamesAreUnmanaged() throws IOException {
    RuleAssertions.Outcome outcome = run(account(), terraform(MAIN));

    assertTrue(outcome.evaluated());
    assertEquals(6, outcome.checked());
    assertEquals(
        List.of(
            "API key 'manual-key' (ApiKey-manual) of service ID ServiceId-manual is not managed by"
                + " Terraform: no .tf file declares an ibm_iam_service_api_key with its name. Fix:"
                + " declare it and import it with 'terraform import"
                + " ibm_iam_service_api_key.manual-key ApiKey-manual', or, if nothing needs it,"
                + " delete it with 'ibmcloud iam service-api-key-delete ApiKey-manual"
                + " ServiceId-manual', or accept it in the allowlist with match: { id:"
                + " ApiKey-manual }, rules: [identity-unmanaged].",
            "Service ID 'manual' (ServiceId-manual) is not managed by Terraform: no .tf file"
                + " declares an ibm_iam_service_id with its name. Fix: declare it and import it"
                + " with 'terraform import ibm_iam_service_id.manual ServiceId-manual', or, if"
                + " nothing needs it, delete it with 'ibmcloud iam service-id-delete"
                + " ServiceId-manual', or accept it in the allowlist with match: { id:"
                + " ServiceId-manual }, rules: [identity-unmanaged].",
            "Trusted profile 'rogue' (Profile-rogue) is not managed by Terraform: no .tf file"
                + " declares an ibm_iam_trusted_profile with its name. Fix: declare it and import"
                + " it with 'terraform import ibm_iam_trusted_profile.rogue Profile-rogue', or, if"
                + " nothing needs it, delete it with 'ibmcloud iam trusted-profile-delete"
                + " Profile-rogue', or accept it in the allowlist with match: { id: Profile-rogue"
                + " }, rules: [identity-unmanaged]."),
        outcome.violations().stream().map(Violation::message).toList());
  }

  @Test
  void withAStateIdentitiesAreMatchedByIdWhateverTheirName() throws IOException {
    Files.writeString(
        dir.resolve("main.tf"),
        """
        resource "ibm_iam_service_id" "team" {
          for_each = toset(["alpha", "beta"])
          name     = "team-${each.key}"
        }
        """);
    Files.writeString(
        dir.resolve("state.json"),
        """
        {"format_version": "1.0", "values": {"root_module": {"resources": [
          {"address": "ibm_iam_service_id.team[\\"alpha\\"]", "mode": "managed", "type": "ibm_iam_service_id",
           "name": "team", "index": "alpha", "values": {"id": "ServiceId-ci"}}]}}}
        """);
    Inventory inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS, DataSet.SERVICE_IDS, DataSet.PROFILES)
            .serviceId(serviceId("ServiceId-ci", "renamed-in-the-console"))
            .serviceId(serviceId("ServiceId-manual", "team-beta"))
            .build();

    RuleAssertions.Outcome outcome =
        run(
            inventory,
            TerraformDeclarations.load(
                dir, dir, List.of(), dir.resolve("state.json"), "state.json"));

    assertEquals(
        List.of(
            "Service ID 'team-beta' (ServiceId-manual) is not managed by Terraform: the state"
                + " state.json holds no ibm_iam_service_id with its id, and no .tf file declares"
                + " one with its name. Fix: declare it and import it with 'terraform import"
                + " ibm_iam_service_id.team-beta ServiceId-manual', or, if nothing needs it, delete"
                + " it with 'ibmcloud iam service-id-delete ServiceId-manual', or accept it in the"
                + " allowlist with match: { id: ServiceId-manual }, rules: [identity-unmanaged]."),
        outcome.violations().stream().map(Violation::message).toList());
  }

  @Test
  void withoutStateANameThatIsNotALiteralLeavesItNotEvaluated() throws IOException {
    RuleAssertions.Outcome outcome =
        run(
            account(),
            terraform(
                MAIN
                    + """

                    resource "ibm_iam_service_id" "team" {
                      for_each = toset(["alpha", "beta"])
                      name     = "team-${each.key}"
                    }

                    module "registry" {
                      source = "terraform-ibm-modules/iam-service-id/ibm"
                    }
                    """));

    assertFalse(outcome.evaluated());
    assertEquals(
        "cannot call an identity unmanaged while a declaration may be unseen: main.tf:16:"
            + " ibm_iam_service_id.team: the name is an interpolated string, which iam-audit does"
            + " not evaluate, so it matches no service ID; give the Terraform state so it is"
            + " matched by id (and 1 more such note in the reports)",
        outcome.note());
  }

  @Test
  void withoutTerraformOrTheListingsItIsNotEvaluated() throws IOException {
    assertEquals(
        "needs the repository's Terraform, and reading it is turned off",
        run(account(), TerraformDeclarations.none()).note());
    assertEquals(
        "needs the repository's Terraform, and no .tf file or state was found",
        run(account(), TerraformDeclarations.load(dir, dir, List.of(), null, null)).note());
    assertEquals(
        "needs the service ID listing, which a saved activity report does not hold",
        run(TestInventory.builder().build(), terraform(MAIN)).note());
  }

  @Test
  void theImportAddressIsAValidTerraformName() {
    assertEquals(
        "Zo__s_deploy__prod",
        IdentityUnmanaged.address(
            new Entity(IdentityType.APIKEY, "ApiKey-1", null, "Zoë's deploy, prod")));
    assertEquals(
        "imported_2024-batch",
        IdentityUnmanaged.address(
            new Entity(IdentityType.SERVICEID, "ServiceId-1", null, "2024-batch")));
    assertEquals(
        "imported_",
        IdentityUnmanaged.address(new Entity(IdentityType.PROFILE, "Profile-1", null, null)));
  }
}
