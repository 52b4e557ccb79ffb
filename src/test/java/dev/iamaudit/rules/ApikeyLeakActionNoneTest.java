package dev.iamaudit.rules;

import static dev.iamaudit.rules.RuleAssertions.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.TestInventory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApikeyLeakActionNoneTest {
  private static ApiKey key(String id, String action) {
    return new ApiKey(
        id,
        id,
        "IBMid-1",
        KeyOwner.user("IBMid-1"),
        null,
        null,
        null,
        null,
        null,
        action,
        Activity.RECENT,
        null);
  }

  @Test
  void onlyNoneIsFlagged() {
    var inventory =
        TestInventory.builder()
            .with(DataSet.API_KEYS)
            .key(key("ApiKey-none", "none"))
            .key(key("ApiKey-disable", "disable"))
            .key(key("ApiKey-unset", null))
            .build();
    assertEquals(List.of("ApiKey-none"), ids(new ApikeyLeakActionNone(), inventory));
  }
}
