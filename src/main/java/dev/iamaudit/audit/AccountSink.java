package dev.iamaudit.audit;

import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.rules.RuleContext;

/**
 * Where a source hands the account to the audit as it reads it: first what the rules know before
 * any identity, then each identity once, so that no source need hold the account for it to be
 * judged.
 */
public interface AccountSink {
  /** Before the first identity. */
  void begin(RuleContext context);

  /** One identity of the account; called from one thread. */
  void accept(Identity identity);

  /**
   * Hands an inventory held in memory to {@code sink}: its context, then its identities in its
   * order.
   *
   * @return the inventory's activity report header, or null
   */
  static ReportInfo feed(Inventory inventory, AccountSink sink) {
    sink.begin(RuleContext.of(inventory));
    inventory.identities().forEach(sink::accept);
    return inventory.report();
  }
}
