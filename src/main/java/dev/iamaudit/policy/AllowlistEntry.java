package dev.iamaudit.policy;

import dev.iamaudit.inventory.Entity;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One accepted exception.
 *
 * @param rules the rule ids it covers; empty means every rule
 * @param expires the last day on which the entry still applies
 * @param position where the entry starts in the allowlist file
 */
public record AllowlistEntry(
    Match match,
    Set<String> rules,
    String reason,
    String owner,
    LocalDate expires,
    FilePosition position) {
  public AllowlistEntry {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(position, "position");
    rules = Set.copyOf(rules);
  }

  public boolean covers(String ruleId, Entity entity) {
    return (rules.isEmpty() || rules.contains(ruleId)) && match.matches(entity);
  }

  /** The expiry day is inclusive: an entry expiring today still applies today. */
  public boolean expiredOn(LocalDate today) {
    return today.isAfter(expires);
  }

  /**
   * "until 2027-01-31, by secops@example.com: Used only in drills (iam-allowlist.yml:3)": what the
   * entry accepts a finding on, appended to {@code out}, as reports show it beside the finding.
   */
  public StringBuilder appendAcceptance(StringBuilder out) {
    out.append("until ").append(expires);
    if (owner != null) {
      out.append(", by ").append(owner);
    }
    return out.append(": ")
        .append(reason)
        .append(" (")
        .append(position.file())
        .append(':')
        .append(position.line())
        .append(')');
  }

  /** "expired on 2026-10-01" or "expires on 2027-03-01", as seen {@code today}. */
  public String expiry(LocalDate today) {
    return (expiredOn(today) ? "expired on " : "expires on ") + expires;
  }

  /** "iam-allowlist.yml:3:3 (id=ApiKey-1)". */
  public String describe() {
    return position + " (" + match + ")";
  }
}
