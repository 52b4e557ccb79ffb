package dev.iamaudit.rules;

import static dev.iamaudit.inventory.TestInventory.AS_OF;
import static dev.iamaudit.inventory.TestInventory.daysAgo;
import static dev.iamaudit.inventory.TestInventory.lastAuthn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keys IBM no longer accepts (disabled, or at or past their expiry) are left alone by the rules
 * about keys in use; a key that expires a second after the audit's moment still counts.
 */
class KeysThatCannotAuthenticateTest {
  /**
   * A key that breaks every rule about keys in use: idle, never used, old, kept when leaked, busy.
   */
  private static ApiKey key(String id, Activity activity, Boolean disabled, Instant expiresAt) {
    return new ApiKey(
        id,
        "key " + id,
        "IBMid-1",
        KeyOwner.user("IBMid-1"),
        daysAgo(500),
        "IBMid-1",
        false,
        disabled,
        expiresAt,
        "none",
        activity,
        50_000L);
  }

  private static final TestInventory KEYS =
      TestInventory.builder()
          .with(DataSet.API_KEYS, DataSet.KEY_ACTIVITY)
          .key(key("ApiKey-idle", lastAuthn(200), false, AS_OF.plusSeconds(1)))
          .key(key("ApiKey-unused", Activity.NEVER, false, AS_OF.plusSeconds(1)))
          .key(key("ApiKey-disabled-idle", lastAuthn(200), true, null))
          .key(key("ApiKey-disabled-unused", Activity.NEVER, true, null))
          .key(key("ApiKey-expired-idle", lastAuthn(200), false, AS_OF))
          .key(key("ApiKey-expired-unused", Activity.NEVER, false, daysAgo(30)));

  @Test
  void apikeyInactive() {
    assertEquals(List.of("ApiKey-idle"), RuleAssertions.ids(new ApikeyInactive(), KEYS.build()));
  }

  @Test
  void apikeyNeverUsed() {
    assertEquals(List.of("ApiKey-unused"), RuleAssertions.ids(new ApikeyNeverUsed(), KEYS.build()));
  }

  @Test
  void apikeyTooOld() {
    assertEquals(
        List.of("ApiKey-idle", "ApiKey-unused"),
        RuleAssertions.ids(new ApikeyTooOld(), KEYS.build()));
  }

  @Test
  void apikeyLeakActionNone() {
    assertEquals(
        List.of("ApiKey-idle", "ApiKey-unused"),
        RuleAssertions.ids(new ApikeyLeakActionNone(), KEYS.build()));
  }

  @Test
  void apikeyHighUsage() {
    RuleConfig config =
        new RuleConfig(
            "apikey-high-usage", true, Severity.MEDIUM, Map.of("maxAuthnCount", 100L), null);
    RuleAssertions.Outcome outcome =
        RuleAssertions.run(new ApikeyHighUsage(), KEYS.build(), config);
    assertEquals(
        List.of("ApiKey-idle", "ApiKey-unused"),
        outcome.violations().stream().map(v -> v.entity().id()).toList());
    assertEquals(2, outcome.checked());
  }

  @Test
  void theKeysStillCountForTheirOwner() {
    assertEquals(List.of("IBMid-1"), RuleAssertions.ids(new UserMultipleApikeys(), KEYS.build()));
  }
}
