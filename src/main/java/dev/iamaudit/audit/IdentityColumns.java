package dev.iamaudit.audit;

import dev.iamaudit.inventory.Identity;
import java.time.Instant;

/**
 * Writes an identity's own columns, for a report that lists identities (a row each) rather than
 * findings. The audit keeps what this writes of each identity it judges, with the identity's
 * verdicts, instead of the identity itself.
 */
@FunctionalInterface
public interface IdentityColumns {
  /**
   * @param asOf the moment the audit judges the account at, which tells a key that expired
   */
  void append(Identity identity, Instant asOf, StringBuilder out);
}
