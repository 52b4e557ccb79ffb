package dev.iamaudit.rules;

import static dev.iamaudit.inventory.TestInventory.userKey;
import static dev.iamaudit.rules.RuleAssertions.messages;
import static dev.iamaudit.rules.RuleAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.inventory.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserMultipleApikeysTest {
  private final UserMultipleApikeys rule = new UserMultipleApikeys();

  @Test
  void moreThanOneKeyFails() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS)
            .user(
                new User(
                    "IBMid-1", "Jane", "jane@example.com", null, "ACTIVE", null, Activity.RECENT))
            .key(userKey("ApiKey-b", "IBMid-1", Activity.RECENT, null))
            .key(userKey("ApiKey-a", "IBMid-1", Activity.RECENT, null))
            .key(userKey("ApiKey-c", "IBMid-2", Activity.RECENT, null))
            .build();
    assertEquals(
        List.of(
            "User 'Jane' (IBMid-1) owns 2 API keys (ApiKey-a, ApiKey-b); allowed 1. Fix: delete the"
                + " keys that are no longer used with 'ibmcloud iam api-key-delete <id>', or accept"
                + " it in the allowlist with match: { id: IBMid-1 }, rules:"
                + " [user-multiple-apikeys]."),
        messages(rule, inventory));
    assertEquals(2, run(rule, inventory).checked());
  }

  @Test
  void fromTheReportAloneItSaysItCountedOnlyListedKeys() {
    var inventory =
        TestInventory.builder().key(userKey("ApiKey-a", "IBMid-1", Activity.NEVER, null)).build();
    assertEquals(
        "only the keys the activity report lists were counted; the API key listing would show every"
            + " key",
        run(rule, inventory).note());
  }

  /** The key ids come back whole whatever their length or characters. */
  @Test
  void listsEveryKeyIdWhole() {
    String longId = "ApiKey-" + "x".repeat(70_000);
    var inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS)
            .key(userKey(longId, "IBMid-1", Activity.RECENT, null))
            .key(userKey("ApiKey-\u00e9\ud83d\ude00", "IBMid-1", Activity.RECENT, null))
            .key(userKey("", "IBMid-1", Activity.RECENT, null))
            .build();
    assertEquals(
        List.of(
            "User 'Owner IBMid-1' (IBMid-1) owns 3 API keys (, "
                + longId
                + ", ApiKey-\u00e9\ud83d\ude00); allowed 1. Fix: delete the keys that are no longer"
                + " used with 'ibmcloud iam api-key-delete <id>', or accept it in the allowlist"
                + " with match: { id: IBMid-1 }, rules: [user-multiple-apikeys]."),
        messages(rule, inventory));
  }
}
