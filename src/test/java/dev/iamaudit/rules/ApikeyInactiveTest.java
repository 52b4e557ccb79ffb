package dev.iamaudit.rules;

import static dev.iamaudit.inventory.TestInventory.daysAgo;
import static dev.iamaudit.inventory.TestInventory.lastAuthn;
import static dev.iamaudit.inventory.TestInventory.serviceKey;
import static dev.iamaudit.inventory.TestInventory.userKey;
import static dev.iamaudit.rules.RuleAssertions.ids;
import static dev.iamaudit.rules.RuleAssertions.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.TestInventory;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ApikeyInactiveTest {
  private final ApikeyInactive rule = new ApikeyInactive();

  @Test
  void exactlyAtTheThresholdPassesAndOneDayOverFails() {
    var inventory =
        TestInventory.builder()
            .key(
                userKey(
                    "ApiKey-at",
                    "IBMid-1",
                    new Activity(Activity.Kind.INACTIVE, daysAgo(90, 23)),
                    null))
            .key(userKey("ApiKey-over", "IBMid-1", lastAuthn(91), null))
            .build();
    assertEquals(List.of("ApiKey-over"), ids(rule, inventory));
  }

  @Test
  void messageNamesKeyOwnerAgeAndFix() {
    var inventory =
        TestInventory.builder()
            .key(serviceKey("ApiKey-1", "ServiceId-9", lastAuthn(200), null))
            .build();
    assertEquals(
        List.of(
            "API key 'key ApiKey-1' (ApiKey-1) of service ID 'svc ServiceId-9' (ServiceId-9) last"
                + " authenticated 2026-05-08, 200 days ago; threshold 90 days. Fix: delete it with"
                + " 'ibmcloud iam service-api-key-delete ApiKey-1 ServiceId-9', or accept it in the"
                + " allowlist with match: { id: ApiKey-1 }, rules: [apikey-inactive]."),
        messages(rule, inventory));
  }

  @Test
  void neverUsedAndRecentKeysAreNotItsBusiness() {
    var inventory =
        TestInventory.builder()
            .key(userKey("ApiKey-never", "IBMid-1", Activity.NEVER, daysAgo(400)))
            .key(userKey("ApiKey-recent", "IBMid-1", Activity.RECENT, daysAgo(400)))
            .build();
    assertEquals(List.of(), ids(rule, inventory));
  }

  @Test
  void thresholdComesFromThePolicy() {
    var config =
        new dev.iamaudit.policy.RuleConfig(
            "apikey-inactive",
            true,
            dev.iamaudit.policy.Severity.HIGH,
            java.util.Map.of("maxDays", 30L),
            null);
    var inventory =
        TestInventory.builder().key(userKey("ApiKey-1", "IBMid-1", lastAuthn(31), null)).build();
    assertEquals(1, RuleAssertions.run(rule, inventory, config).violations().size());
    assertEquals(OptionalLong.of(30), rule.inactivityThresholdDays(config));
  }
}
