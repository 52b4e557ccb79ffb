package dev.iamaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import org.junit.jupiter.api.Test;

class MatchTest {
  private static final Entity KEY =
      new Entity(IdentityType.APIKEY, "ApiKey-1", "iam-ServiceId-9", "terraform.prod");

  @Test
  void everyGivenFieldMustMatch() {
    assertTrue(new Match("ApiKey-1", null, null, null).matches(KEY));
    assertTrue(new Match("ApiKey-1", "iam-ServiceId-9", null, IdentityType.APIKEY).matches(KEY));
    assertFalse(new Match("ApiKey-1", null, null, IdentityType.SERVICEID).matches(KEY));
    assertFalse(new Match("ApiKey-2", null, null, null).matches(KEY));
  }

  @Test
  void nameIsAGlobWithLiteralDots() {
    assertTrue(new Match(null, null, "terraform.*", null).matches(KEY));
    assertTrue(new Match(null, null, "terraform?prod", null).matches(KEY));
    assertFalse(new Match(null, null, "terraform", null).matches(KEY));
    assertFalse(
        new Match(null, null, "terraform.prod", null)
            .matches(new Entity(IdentityType.APIKEY, "ApiKey-2", null, "terraformXprod")));
    assertFalse(
        new Match(null, null, "*", null)
            .matches(new Entity(IdentityType.USER, "IBMid-1", null, null)));
  }

  @Test
  void describesItself() {
    assertEquals(
        "id=ApiKey-1, name=ci-*, type=apikey",
        new Match("ApiKey-1", null, "ci-*", IdentityType.APIKEY).toString());
  }

  @Test
  void needsAtLeastOneField() {
    assertThrows(IllegalArgumentException.class, () -> new Match(null, null, null, null));
  }

  @Test
  void aNameMadeToDefeatTheGlobIsJudgedAtOnce() {
    Entity hostile = new Entity(IdentityType.APIKEY, "ApiKey-9", null, "-".repeat(300));
    assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(5),
        () -> assertFalse(new Match(null, null, "*-*-*-*-*-*-prod", null).matches(hostile)));
  }
}
