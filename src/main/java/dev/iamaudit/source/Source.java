package dev.iamaudit.source;

import dev.iamaudit.audit.AccountSink;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.inventory.ReportInfo;

/** Where the account comes from: the IAM API, a saved report file, the simulator behind --demo. */
public interface Source {
  /**
   * Reads the account and hands it to {@code sink} as it is read: first what the rules know before the identities,
   * then each identity.
   *
   * @param accountId the account to audit, or null for the one the credentials belong to
   * @return the activity report's header as read in full, or null when the source read no report
   * @throws dev.iamaudit.failure.DataException when the data cannot be had or trusted
   */
  ReportInfo read(String accountId, DataRequest request, AuditListener listener, AccountSink sink);
}
