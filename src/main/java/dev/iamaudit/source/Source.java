package dev.iamaudit.source;

import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.inventory.Inventory;

/** Where an inventory comes from: the IAM API, a saved report file, the simulator behind --demo. */
public interface Source {
  /**
   * @param accountId the account to audit, or null for the one the credentials belong to
   * @throws dev.iamaudit.failure.DataException when the data cannot be had or trusted
   */
  Inventory load(String accountId, DataRequest request, AuditListener listener);
}
