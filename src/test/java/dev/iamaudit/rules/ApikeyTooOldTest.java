package dev.iamaudit.rules;

import static dev.iamaudit.inventory.TestInventory.daysAgo;
import static dev.iamaudit.inventory.TestInventory.userKey;
import static dev.iamaudit.rules.RuleAssertions.ids;
import static dev.iamaudit.rules.RuleAssertions.messages;
import static dev.iamaudit.rules.RuleAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.TestInventory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApikeyTooOldTest {
  private final ApikeyTooOld rule = new ApikeyTooOld();

  @Test
  void boundaryAndMessage() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS)
            .key(userKey("ApiKey-at", "IBMid-1", Activity.RECENT, daysAgo(365, 23)))
            .key(userKey("ApiKey-over", "IBMid-1", Activity.RECENT, daysAgo(366)))
            .key(userKey("ApiKey-unknown", "IBMid-1", Activity.RECENT, null))
            .build();
    assertEquals(List.of("ApiKey-over"), ids(rule, inventory));
    assertEquals(
        List.of(
            "API key 'key ApiKey-over' (ApiKey-over) of user 'Owner IBMid-1' (IBMid-1) was created"
                + " 2025-11-23, 366 days ago; keys older than 365 days must be rotated. Fix: create"
                + " a new key, move its users to it, then delete this one with 'ibmcloud iam"
                + " api-key-delete ApiKey-over', or accept it in the allowlist with match: { id:"
                + " ApiKey-over }, rules: [apikey-too-old]."),
        messages(rule, inventory));
  }

  @Test
  void notEvaluatedWithoutTheListing() {
    RuleAssertions.Outcome outcome = run(rule, TestInventory.builder().build());
    assertFalse(outcome.evaluated());
    assertEquals(
        "needs the API key listing, which a saved activity report does not hold", outcome.note());
  }
}
