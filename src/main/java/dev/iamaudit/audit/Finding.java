package dev.iamaudit.audit;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.Severity;
import java.util.Objects;

/**
 * One rule's verdict on one identity, as every report shows it.
 *
 * <p>Reports read findings one at a time from the audit (see {@link Findings}); the message is
 * written when the rule finds it, so a finding holds text, never the identity record it was found
 * on.
 *
 * @param message what was seen and how to fix it
 * @param fingerprint the stable hash of (rule, account, identity) that code-scanning UIs track a
 *     finding by across runs: {@value Fingerprints#LENGTH} hex digits
 * @param allowlistEntry the entry that accepted the finding, or the expired entry that no longer
 *     does; else null
 * @param location the repo file and lines the finding points at (code-scanning UIs need one; see
 *     {@link Locator})
 */
public record Finding(
    String rule,
    Severity severity,
    Status status,
    Entity entity,
    String message,
    String fingerprint,
    AllowlistEntry allowlistEntry,
    Location location) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(location, "location");
    if (status == Status.ALLOWLISTED && allowlistEntry == null) {
      throw new IllegalArgumentException("an allowlisted finding names its allowlist entry");
    }
  }

  public boolean isViolation() {
    return status == Status.VIOLATION;
  }
}
