package dev.iamaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.rules.Compliance.Framework;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ComplianceCatalogTest {
  /**
   * The rule ids of the design's table, written out so that a typo in the catalog cannot pass for a
   * new rule.
   */
  private static final Set<String> DESIGN_RULE_IDS =
      Set.of(
          "apikey-inactive",
          "apikey-never-used",
          "apikey-too-old",
          "apikey-orphaned",
          "apikey-leak-action-none",
          "apikey-high-usage",
          "user-multiple-apikeys",
          "user-inactive",
          "serviceid-inactive",
          "profile-inactive",
          "account-apikey-creation-unrestricted",
          "account-serviceid-creation-unrestricted",
          "account-mfa-disabled",
          "allowlist-expired",
          "allowlist-unused",
          "apikey-no-expiry",
          "user-mfa-exempt",
          "user-mfa-not-enrolled",
          "user-invitation-stale",
          "account-user-list-visible",
          "account-ip-allowlist-unset",
          "account-settings-drift",
          "identity-unmanaged");

  @Test
  void everyRuleOfTheCatalogHasAnEntry() {
    for (RuleDescriptor rule : Rules.all()) {
      assertTrue(
          ComplianceCatalog.ruleIds().contains(rule.id()), rule.id() + " has no compliance entry");
    }
  }

  @Test
  void everyEntryIsARuleOfTheDesign() {
    assertEquals(new TreeSet<>(DESIGN_RULE_IDS), new TreeSet<>(ComplianceCatalog.ruleIds()));
  }

  @Test
  void apiKeyRotationIsCis13AndFsCloudIa5() {
    assertEquals(
        List.of(
            new Compliance(
                Framework.CIS_IBM_CLOUD, "1.3", "Ensure API keys are rotated every 90 days"),
            new Compliance(Framework.FS_CLOUD, "IA-5", "Authenticator Management")),
        Rules.byId("apikey-too-old").compliance());
  }

  @Test
  void tagsNameTheFrameworkAndTheControl() {
    assertEquals(
        List.of(
            "CIS-IBM-Cloud-1.1.0/1.7",
            "CIS-IBM-Cloud-1.1.0/1.9",
            "FS-Cloud/IA-2(1)",
            "FS-Cloud/IA-2(2)",
            "FS-Cloud/IA-7"),
        Rules.byId("account-mfa-disabled").compliance().stream().map(Compliance::tag).toList());
  }

  @Test
  void ruleNoTextCoversMapsToNothing() {
    assertEquals(List.of(), Rules.byId("apikey-leak-action-none").compliance());
    assertEquals(List.of(), ComplianceCatalog.of("no-such-rule"));
  }

  @Test
  void rulesNotWrittenYetAreMappedByTheirId() {
    assertEquals(
        List.of("FS-Cloud/IA-3", "FS-Cloud/SC-7", "FS-Cloud/SC-7(5)"),
        ComplianceCatalog.of("account-ip-allowlist-unset").stream().map(Compliance::tag).toList());
  }

  @Test
  void frameworksNameTheVersionMappedTo() {
    assertEquals(
        "CIS IBM Cloud Foundations Benchmark 1.1.0",
        Framework.CIS_IBM_CLOUD.title() + " " + Framework.CIS_IBM_CLOUD.version());
    assertEquals(
        "IBM Cloud Framework for Financial Services 2.0",
        Framework.FS_CLOUD.title() + " " + Framework.FS_CLOUD.version());
  }

  @Test
  void aControlNeedsItsIdAndTitle() {
    assertEquals(
        "a control needs its id",
        assertThrows(
                IllegalArgumentException.class,
                () -> new Compliance(Framework.FS_CLOUD, " ", "Account Management"))
            .getMessage());
    assertEquals(
        "control AC-2 needs its title",
        assertThrows(
                IllegalArgumentException.class,
                () -> new Compliance(Framework.FS_CLOUD, "AC-2", ""))
            .getMessage());
  }
}
