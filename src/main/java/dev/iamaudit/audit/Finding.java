package dev.iamaudit.audit;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.MessageText;
import java.util.Objects;

/**
 * One rule's verdict on one identity, as every report shows it.
 *
 * <p>The message and the fingerprint are derived when a report asks for them rather than held: an account with
 * hundreds of thousands of findings would otherwise keep every sentence and hash in memory until the last report
 * is written.
 *
 * @param text writes the message (see {@link #message()})
 * @param accountId the audited account, part of the fingerprint
 * @param subject what the fingerprint names besides rule and account: null for the entity's type and id
 * @param allowlistEntry the entry that accepted the finding, or the expired entry that no longer does; else null
 * @param location the repo file and lines the finding points at (code-scanning UIs need one; see {@link Locator})
 */
public record Finding(
    String rule,
    Severity severity,
    Status status,
    Entity entity,
    MessageText text,
    String accountId,
    String subject,
    AllowlistEntry allowlistEntry,
    Location location) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(location, "location");
    if (status == Status.ALLOWLISTED && allowlistEntry == null) {
      throw new IllegalArgumentException("an allowlisted finding names its allowlist entry");
    }
  }

  /** What was seen and how to fix it; built on each call, so callers that need it twice keep it. */
  public String message() {
    return text.build();
  }

  /** Appends {@link #message()} to {@code out}, for writers that put out many. */
  public void appendMessage(StringBuilder out) {
    text.appendTo(out);
  }

  /** The stable hash of (rule, account, identity) that code-scanning UIs track a finding by across runs. */
  public String fingerprint() {
    return new String(fingerprintChars());
  }

  /**
   * {@link #fingerprint()}'s {@value Fingerprints#LENGTH} hex digits in a buffer of this thread's, valid until its
   * next fingerprint: for writers that copy them straight into a report.
   */
  public char[] fingerprintChars() {
    return subject == null
        ? Fingerprints.hex(rule, accountId, entity.type().id(), entity.id())
        : Fingerprints.hex(rule, accountId, subject, null);
  }

  public boolean isViolation() {
    return status == Status.VIOLATION;
  }
}
