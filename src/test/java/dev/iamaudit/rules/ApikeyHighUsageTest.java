package dev.iamaudit.rules;

import static dev.iamaudit.inventory.TestInventory.userKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApikeyHighUsageTest {
  private final ApikeyHighUsage rule = new ApikeyHighUsage();
  private final RuleConfig config =
      new RuleConfig(rule.id(), true, Severity.MEDIUM, Map.of("maxAuthnCount", 100L), null);

  @Test
  void offByDefault() {
    assertFalse(rule.spec().defaults().enabled());
  }

  @Test
  void aboveTheCountFails() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS, DataSet.KEY_ACTIVITY)
            .key(userKey("ApiKey-at", "IBMid-1", Activity.RECENT, null).withAuthnCount(100L))
            .key(userKey("ApiKey-over", "IBMid-1", Activity.RECENT, null).withAuthnCount(101L))
            .build();
    assertEquals(
        List.of(
            "API key 'key ApiKey-over' (ApiKey-over) of user 'Owner IBMid-1' (IBMid-1)"
                + " authenticated 101 times; threshold 100. Fix: find out who uses it and give each"
                + " consumer its own service ID and key, or accept it in the allowlist with match:"
                + " { id: ApiKey-over }, rules: [apikey-high-usage]."),
        RuleAssertions.run(rule, inventory, config).violations().stream()
            .map(Violation::message)
            .toList());
  }

  @Test
  void needsTheActivityDetails() {
    assertFalse(
        RuleAssertions.run(rule, TestInventory.builder().with(DataSet.API_KEYS).build(), config)
            .evaluated());
  }
}
