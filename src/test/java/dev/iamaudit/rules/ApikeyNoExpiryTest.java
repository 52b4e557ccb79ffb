package dev.iamaudit.rules;

import static dev.iamaudit.inventory.TestInventory.AS_OF;
import static dev.iamaudit.inventory.TestInventory.daysAgo;
import static dev.iamaudit.inventory.TestInventory.serviceKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.TestInventory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApikeyNoExpiryTest {
  private final ApikeyNoExpiry rule = new ApikeyNoExpiry();

  private static ApiKey key(String id, Boolean disabled, Instant expiresAt) {
    return new ApiKey(
        id,
        "key " + id,
        "IBMid-1",
        KeyOwner.user("IBMid-1"),
        daysAgo(10),
        "IBMid-1",
        false,
        disabled,
        expiresAt,
        "disable",
        Activity.RECENT,
        null);
  }

  @Test
  void isOffByDefault() {
    assertFalse(rule.spec().enabledByDefault());
    assertEquals("low", rule.spec().defaultSeverity().id());
  }

  @Test
  void flagsAKeyWithoutExpiryAndLeavesKeysThatCannotAuthenticateAlone() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS)
            .key(serviceKey("ApiKey-forever", "ServiceId-9", Activity.RECENT, daysAgo(10)))
            .key(key("ApiKey-later", false, AS_OF.plusSeconds(1)))
            .key(key("ApiKey-disabled", true, null))
            .key(key("ApiKey-expired", false, AS_OF))
            .build();

    RuleAssertions.Outcome outcome = RuleAssertions.run(rule, inventory);

    assertEquals(
        List.of(
            "API key 'key ApiKey-forever' (ApiKey-forever) of service ID 'svc ServiceId-9'"
                + " (ServiceId-9) has no expiry date (expires_at). Fix: give it one (IAM Identity"
                + " API: PUT /v1/apikeys/ApiKey-forever with expires_at) or replace it with a key"
                + " created with an expiry, or accept it in the allowlist with match: { id:"
                + " ApiKey-forever }, rules: [apikey-no-expiry]."),
        outcome.violations().stream().map(Violation::message).toList());
    assertEquals(2, outcome.checked());
  }

  @Test
  void notEvaluatedWithoutTheKeyListing() {
    assertEquals(
        "needs the API key listing, which a saved activity report does not hold",
        RuleAssertions.run(rule, TestInventory.builder().build()).note());
  }
}
