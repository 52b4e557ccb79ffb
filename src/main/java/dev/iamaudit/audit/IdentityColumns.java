package dev.iamaudit.audit;

import dev.iamaudit.inventory.Identity;

/**
 * Writes an identity's own columns, for a report that lists identities (a row each) rather than findings. The audit
 * keeps what this writes of each identity it judges, with the identity's verdicts, instead of the identity itself.
 */
@FunctionalInterface
public interface IdentityColumns {
  void append(Identity identity, StringBuilder out);
}
