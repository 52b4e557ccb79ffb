package dev.iamaudit.rules;

import static dev.iamaudit.inventory.TestInventory.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.inventory.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserInvitationStaleTest {
  private final UserInvitationStale rule = new UserInvitationStale();

  private static User invited(String iamId, String state, Instant invited) {
    return new User(
        iamId, "Name " + iamId, iamId + "@example.com", null, state, invited, Activity.NEVER);
  }

  @Test
  void anInvitationPendingMoreThanThirtyDaysIsStale() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.USERS)
            .user(invited("IBMid-at", "PENDING", daysAgo(30, 23)))
            .user(invited("IBMid-over", "PENDING", daysAgo(31)))
            .user(invited("IBMid-processing", "PROCESSING", daysAgo(31)))
            .user(invited("IBMid-member", "ACTIVE", daysAgo(400)))
            .build();

    RuleAssertions.Outcome outcome = RuleAssertions.run(rule, inventory);

    assertEquals(
        List.of("IBMid-over", "IBMid-processing"),
        outcome.violations().stream().map(v -> v.entity().id()).toList());
    assertEquals(3, outcome.checked());
    assertEquals(
        "User 'Name IBMid-over' (IBMid-over) was invited 2026-10-24, 31 days ago, and has not"
            + " joined (state: PENDING); threshold 30 days. Fix: cancel the invitation (console:"
            + " Manage > Access (IAM) > Users, the user's Actions menu > Cancel invitation), or"
            + " accept it in the allowlist with match: { id: IBMid-over }, rules:"
            + " [user-invitation-stale].",
        outcome.violations().get(0).message());
  }

  @Test
  void anInvitationWithoutAnIamIdIsNamedByItsIdAndOneOfUnknownDateCountsAsStale() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.USERS)
            .user(
                new User(
                    "3c0e5a1b",
                    null,
                    null,
                    "new.hire@example.com",
                    "new.hire@example.com",
                    "PENDING",
                    daysAgo(40),
                    Activity.UNKNOWN))
            .user(invited("IBMid-undated", "PENDING", null))
            .build();

    assertEquals(
        List.of(
            "User 'new.hire@example.com' (3c0e5a1b) was invited 2026-10-15, 40 days ago, and has"
                + " not joined (state: PENDING); threshold 30 days. Fix: cancel the invitation"
                + " (console: Manage > Access (IAM) > Users, the user's Actions menu > Cancel"
                + " invitation), or accept it in the allowlist with match: { id: 3c0e5a1b }, rules:"
                + " [user-invitation-stale].",
            "User 'Name IBMid-undated' (IBMid-undated) has not joined (state: PENDING) and the"
                + " invitation's date is unknown, so it counts as stale (fail closed); threshold 30"
                + " days. Fix: cancel the invitation (console: Manage > Access (IAM) > Users, the"
                + " user's Actions menu > Cancel invitation), or accept it in the allowlist with"
                + " match: { id: IBMid-undated }, rules: [user-invitation-stale]."),
        RuleAssertions.messages(rule, inventory));
  }

  @Test
  void anInvitationIsNoInactiveUser() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.USERS)
            .user(invited("IBMid-invited", "PENDING", daysAgo(200)))
            .user(invited("IBMid-member", "ACTIVE", daysAgo(200)))
            .build();

    RuleAssertions.Outcome outcome = RuleAssertions.run(new UserInactive(), inventory);

    assertEquals(
        List.of("IBMid-member"), outcome.violations().stream().map(v -> v.entity().id()).toList());
    assertEquals(1, outcome.checked());
  }

  @Test
  void notEvaluatedWithoutTheUserListing() {
    assertEquals(
        "needs the user listing, which a saved activity report does not hold",
        RuleAssertions.run(rule, TestInventory.builder().build()).note());
  }
}
