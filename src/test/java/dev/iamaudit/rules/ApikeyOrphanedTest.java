package dev.iamaudit.rules;

import static dev.iamaudit.inventory.TestInventory.serviceKey;
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

class ApikeyOrphanedTest {
  private final ApikeyOrphaned rule = new ApikeyOrphaned();

  @Test
  void userKeyWhoseOwnerLeftIsFlagged() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS, DataSet.USERS)
            .user(
                new User(
                    "IBMid-member",
                    "Member",
                    "m@example.com",
                    null,
                    "ACTIVE",
                    null,
                    Activity.RECENT))
            .key(userKey("ApiKey-ok", "IBMid-member", Activity.RECENT, null))
            .key(userKey("ApiKey-orphan", "IBMid-gone", Activity.RECENT, null))
            .key(serviceKey("ApiKey-svc", "ServiceId-1", Activity.RECENT, null))
            .build();
    assertEquals(
        List.of(
            "API key 'key ApiKey-orphan' (ApiKey-orphan) belongs to IBMid-gone, who is not a member"
                + " of account a1b2c3. Fix: delete it with 'ibmcloud iam api-key-delete"
                + " ApiKey-orphan' (console: Manage > Access (IAM) > API keys, view all user API"
                + " keys), or accept it in the allowlist with match: { id: ApiKey-orphan }, rules:"
                + " [apikey-orphaned]."),
        messages(rule, inventory));
  }

  @Test
  void needsTheUserListing() {
    assertEquals(
        "needs the user listing, which a saved activity report does not hold",
        run(rule, TestInventory.builder().with(DataSet.API_KEYS).build()).note());
  }
}
