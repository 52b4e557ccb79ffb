package dev.iamaudit.report;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.Inventory;

/**
 * How many API keys IBM no longer accepts, by why. The rules about keys in use leave them alone, so reports show the
 * count beside the findings: a key missing from them was not overlooked.
 */
record KeyStates(long disabled, long expired) {
  static KeyStates count(Inventory inventory) {
    long disabled = 0;
    long expired = 0;
    for (ApiKey key : inventory.apiKeys()) {
      switch (key.state(inventory.asOf())) {
        case DISABLED -> disabled++;
        case EXPIRED -> expired++;
        case ACTIVE -> { }
      }
    }
    return new KeyStates(disabled, expired);
  }

  /** "2 (1 disabled, 1 expired)". */
  String describe() {
    return (disabled + expired) + " (" + disabled + " disabled, " + expired + " expired)";
  }
}
