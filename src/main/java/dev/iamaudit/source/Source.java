package dev.iamaudit.source;

import dev.iamaudit.audit.AccountSink;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.inventory.ReportInfo;
import java.nio.file.Path;

/**
 * Where the account comes from: the IAM API, a saved report file, the built-in demo. A source may
 * hold something open (the demo its simulator) until it is closed.
 */
public interface Source extends AutoCloseable {
  /**
   * Reads the account and hands it to {@code sink} as it is read: first what the rules know before
   * the identities, then each identity.
   *
   * @param accountId the account to audit, or null for the one the credentials belong to
   * @return the activity report's header as read in full, or null when the source read no report
   * @throws dev.iamaudit.failure.DataException when the data cannot be had or trusted
   */
  ReportInfo read(String accountId, DataRequest request, AuditListener listener, AccountSink sink);

  /**
   * Where the policy, allowlist and Terraform are looked for when the request names none: the
   * repository's.
   */
  default DefaultFiles defaultFiles(Path repository) {
    return DefaultFiles.in(repository);
  }

  @Override
  default void close() {}
}
