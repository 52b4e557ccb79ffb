package dev.iamaudit.audit;

import dev.iamaudit.inventory.ReportInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * What one audit looked at: the account, the moment ages are measured from, the activity report,
 * and how many identities were judged and how long ago they last authenticated.
 *
 * @param report the activity report's header, or null when the source read none
 * @param keys the API keys among the identities that IBM no longer accepts
 */
public record AuditScope(
    String accountId,
    Instant asOf,
    ReportInfo report,
    long identities,
    ActivityAges ages,
    KeyStates keys) {
  public AuditScope {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(ages, "ages");
    Objects.requireNonNull(keys, "keys");
    if (identities < 0) {
      throw new IllegalArgumentException("identities must not be negative: " + identities);
    }
  }
}
