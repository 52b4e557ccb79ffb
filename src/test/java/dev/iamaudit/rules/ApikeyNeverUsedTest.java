package dev.iamaudit.rules;

import static dev.iamaudit.inventory.TestInventory.daysAgo;
import static dev.iamaudit.inventory.TestInventory.lastAuthn;
import static dev.iamaudit.inventory.TestInventory.userKey;
import static dev.iamaudit.rules.RuleAssertions.ids;
import static dev.iamaudit.rules.RuleAssertions.messages;
import static dev.iamaudit.rules.RuleAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.TestInventory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApikeyNeverUsedTest {
  private final ApikeyNeverUsed rule = new ApikeyNeverUsed();

  @Test
  void graceBoundary() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS)
            .key(userKey("ApiKey-at", "IBMid-1", Activity.NEVER, daysAgo(30, 23)))
            .key(userKey("ApiKey-over", "IBMid-1", Activity.NEVER, daysAgo(31)))
            .key(userKey("ApiKey-used", "IBMid-1", lastAuthn(400), daysAgo(500)))
            .build();
    assertEquals(List.of("ApiKey-over"), ids(rule, inventory));
    assertNull(run(rule, inventory).note());
  }

  @Test
  void withCreationDate() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS)
            .key(userKey("ApiKey-1", "IBMid-1", Activity.NEVER, daysAgo(100)))
            .build();
    assertEquals(
        List.of(
            "API key 'key ApiKey-1' (ApiKey-1) of user 'Owner IBMid-1' (IBMid-1) never"
                + " authenticated; created 2026-08-16, 100 days ago; grace period 30 days. Fix:"
                + " delete it with 'ibmcloud iam api-key-delete ApiKey-1', or accept it in the"
                + " allowlist with match: { id: ApiKey-1 }, rules: [apikey-never-used]."),
        messages(rule, inventory));
  }

  @Test
  void withoutCreationDateFailsClosedAndSaysSo() {
    var inventory =
        TestInventory.builder().key(userKey("ApiKey-1", "IBMid-1", Activity.NEVER, null)).build();
    RuleAssertions.Outcome outcome = run(rule, inventory);
    assertEquals(
        List.of(
            "API key 'key ApiKey-1' (ApiKey-1) of user 'Owner IBMid-1' (IBMid-1) never"
                + " authenticated and its creation date is unknown, so it counts as past the grace"
                + " period (fail closed); grace period 30 days. Fix: delete it with 'ibmcloud iam"
                + " api-key-delete ApiKey-1', or accept it in the allowlist with match: { id:"
                + " ApiKey-1 }, rules: [apikey-never-used]."),
        outcome.violations().stream().map(Violation::message).toList());
    assertEquals(
        "creation dates unknown without the API key listing: every never-used key counts as past"
            + " the grace period",
        outcome.note());
  }
}
