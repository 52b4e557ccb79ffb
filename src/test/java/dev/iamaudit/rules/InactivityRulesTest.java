package dev.iamaudit.rules;

import static dev.iamaudit.inventory.TestInventory.daysAgo;
import static dev.iamaudit.inventory.TestInventory.lastAuthn;
import static dev.iamaudit.rules.RuleAssertions.ids;
import static dev.iamaudit.rules.RuleAssertions.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.Profile;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.inventory.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * user-inactive, serviceid-inactive and profile-inactive share their judgement; each is checked
 * here.
 */
class InactivityRulesTest {
  private static User user(String id, Activity activity, Instant addedOn) {
    return new User(id, "Name " + id, id + "@example.com", null, "ACTIVE", addedOn, activity);
  }

  @Test
  void userBoundariesAndNeverLoggedIn() {
    var inventory =
        TestInventory.builder()
            .user(user("IBMid-at", new Activity(Activity.Kind.INACTIVE, daysAgo(90, 23)), null))
            .user(user("IBMid-over", lastAuthn(91), null))
            .user(user("IBMid-new", Activity.NEVER, daysAgo(10)))
            .user(user("IBMid-old", Activity.NEVER, daysAgo(91)))
            .user(user("IBMid-unknown", Activity.NEVER, null))
            .user(user("IBMid-recent", Activity.RECENT, null))
            .build();
    assertEquals(
        List.of("IBMid-over", "IBMid-old", "IBMid-unknown"), ids(new UserInactive(), inventory));
  }

  @Test
  void userMessages() {
    var inventory =
        TestInventory.builder()
            .user(user("IBMid-old", Activity.NEVER, daysAgo(91)))
            .user(user("IBMid-unknown", Activity.NEVER, null))
            .build();
    assertEquals(
        List.of(
            "User 'Name IBMid-old' (IBMid-old) never logged in; created 2026-08-25, 91 days ago;"
                + " threshold 90 days. Fix: remove the user with 'ibmcloud account user-remove"
                + " IBMid-old@example.com', or accept it in the allowlist with match: { id:"
                + " IBMid-old }, rules: [user-inactive].",
            "User 'Name IBMid-unknown' (IBMid-unknown) never logged in and its creation date is"
                + " unknown, so it counts as inactive (fail closed); threshold 90 days. Fix: remove"
                + " the user with 'ibmcloud account user-remove IBMid-unknown@example.com', or"
                + " accept it in the allowlist with match: { id: IBMid-unknown }, rules: "
                + "[user-inactive]."),
        messages(new UserInactive(), inventory));
  }

  @Test
  void aOneDayThresholdAndAgeAreSingular() {
    var config =
        new dev.iamaudit.policy.RuleConfig(
            "profile-inactive",
            true,
            dev.iamaudit.policy.Severity.MEDIUM,
            java.util.Map.of("maxDays", 1L),
            null);
    var inventory =
        TestInventory.builder()
            .profile(new Profile("Profile-1", "iam-Profile-1", "ops", daysAgo(400), lastAuthn(2)))
            .build();
    assertEquals(
        List.of(
            "Trusted profile 'ops' (Profile-1) last used 2026-11-22, 2 days ago; threshold 1 day."
                + " Fix: delete it with 'ibmcloud iam trusted-profile-delete Profile-1', or accept"
                + " it in the allowlist with match: { id: Profile-1 }, rules: [profile-inactive]."),
        RuleAssertions.run(new ProfileInactive(), inventory, config).violations().stream()
            .map(Violation::message)
            .toList());
  }

  @Test
  void serviceIdMessage() {
    var inventory =
        TestInventory.builder()
            .serviceId(
                new ServiceId(
                    "ServiceId-1", "iam-ServiceId-1", "etl", daysAgo(500), false, lastAuthn(120)))
            .serviceId(
                new ServiceId(
                    "ServiceId-2", "iam-ServiceId-2", "fresh", daysAgo(5), false, Activity.NEVER))
            .build();
    assertEquals(
        List.of(
            "Service ID 'etl' (ServiceId-1) last authenticated 2026-07-27, 120 days ago; threshold"
                + " 90 days. Fix: lock it with 'ibmcloud iam service-id-lock ServiceId-1', then"
                + " delete it with 'ibmcloud iam service-id-delete ServiceId-1', or accept it in"
                + " the allowlist with match: { id: ServiceId-1 }, rules: [serviceid-inactive]."),
        messages(new ServiceidInactive(), inventory));
  }

  @Test
  void profileMessage() {
    var inventory =
        TestInventory.builder()
            .profile(new Profile("Profile-1", "iam-Profile-1", "k8s", null, Activity.NEVER))
            .build();
    assertEquals(
        List.of(
            "Trusted profile 'k8s' (Profile-1) never used and its creation date is unknown, so it"
                + " counts as inactive (fail closed); threshold 90 days. Fix: delete it with"
                + " 'ibmcloud iam trusted-profile-delete Profile-1', or accept it in the allowlist"
                + " with match: { id: Profile-1 }, rules: [profile-inactive]."),
        messages(new ProfileInactive(), inventory));
  }
}
