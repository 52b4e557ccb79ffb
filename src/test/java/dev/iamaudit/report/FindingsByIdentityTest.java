package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.Location;
import dev.iamaudit.audit.Status;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.MessageText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsByIdentityTest {
  private static Finding finding(String rule, IdentityType type, String id) {
    return new Finding(rule, Severity.HIGH, Status.VIOLATION, new Entity(type, id, null, null),
        MessageText.of(rule + " " + id), ReportFixtures.ACCOUNT, null, null, Location.line("iam-audit.yml", 1));
  }

  private static Entity entity(IdentityType type, String id) {
    return new Entity(type, id, "iam-" + id, "a name");
  }

  @Test
  void takesAnIdentitysFindingsInOrderOnce() {
    // "Aa" and "BB" have the same hash code, so only equality tells them apart.
    List<Finding> findings = List.of(finding("r1", IdentityType.APIKEY, "BB"),
        finding("r1", IdentityType.APIKEY, "Aa"), finding("r2", IdentityType.SERVICEID, "Aa"),
        finding("r3", IdentityType.APIKEY, "Aa"), finding("r4", IdentityType.APIKEY, "BB"));
    FindingsByIdentity byIdentity = new FindingsByIdentity(findings);
    List<Finding> found = new ArrayList<>(List.of(findings.get(2)));
    assertTrue(byIdentity.take(entity(IdentityType.APIKEY, "Aa"), found));
    assertEquals(List.of(findings.get(1), findings.get(3)), found);
    assertFalse(byIdentity.take(entity(IdentityType.APIKEY, "Aa"), found));
    assertEquals(List.of(), found);
    assertFalse(byIdentity.take(entity(IdentityType.USER, "Aa"), found));
    assertTrue(byIdentity.take(entity(IdentityType.APIKEY, "BB"), found));
    assertEquals(List.of(findings.get(0), findings.get(4)), found);
    assertTrue(byIdentity.take(entity(IdentityType.SERVICEID, "Aa"), found));
    assertEquals(List.of(findings.get(2)), found);
  }

  @Test
  void theAccountsFindingsGoTogetherWhateverIdTheyName() {
    List<Finding> findings =
        List.of(finding("r1", IdentityType.ACCOUNT, "a"), finding("r2", IdentityType.ACCOUNT, "b"));
    List<Finding> found = new ArrayList<>();
    assertTrue(new FindingsByIdentity(findings).take(entity(IdentityType.ACCOUNT, "c"), found));
    assertEquals(findings, found);
  }

  @Test
  void noFindingsNothingToTake() {
    assertFalse(new FindingsByIdentity(List.of()).take(entity(IdentityType.USER, "u"), new ArrayList<>()));
  }
}
