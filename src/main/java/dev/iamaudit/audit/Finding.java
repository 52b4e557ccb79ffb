package dev.iamaudit.audit;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.FilePosition;
import dev.iamaudit.policy.Severity;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One rule's verdict on one identity, as every report shows it.
 *
 * @param allowlistEntry the entry that accepted the finding, or the expired entry that no longer does; else null
 * @param text builds the message (see {@link #message()})
 * @param location the repo file and line the finding points at (code-scanning UIs need one)
 */
public record Finding(
    String rule,
    Severity severity,
    Status status,
    Entity entity,
    Supplier<String> text,
    String fingerprint,
    AllowlistEntry allowlistEntry,
    FilePosition location) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(location, "location");
    if (status == Status.ALLOWLISTED && allowlistEntry == null) {
      throw new IllegalArgumentException("an allowlisted finding names its allowlist entry");
    }
  }

  /** What was seen and how to fix it; built on each call, so callers that need it twice keep it. */
  public String message() {
    return text.get();
  }

  public boolean isViolation() {
    return status == Status.VIOLATION;
  }
}
