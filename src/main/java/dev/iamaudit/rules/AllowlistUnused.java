package dev.iamaudit.rules;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Map;

/**
 * An allowlist entry that matched no finding: the identity is gone or compliant, or the match is
 * wrong.
 */
public final class AllowlistUnused implements RuleDescriptor {
  private static final RuleSpec SPEC =
      new RuleSpec("allowlist-unused", Severity.LOW, true, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Allowlist entry matches nothing";
  }

  @Override
  public String description() {
    return "An exception that matches no finding is dead weight at best; at worst a typo in its"
        + " match leaves the identity it was meant for unaccepted, or it will silently"
        + " accept a future identity.";
  }

  @Override
  public String remedy() {
    return "Delete the entry, or correct its match.";
  }

  public Violation check(AllowlistEntry entry, Entity allowlist) {
    return new Violation(
        allowlist,
        "Allowlist entry at "
            + entry.describe()
            + " matched no finding"
            + (entry.rules().isEmpty()
                ? ""
                : " of " + String.join(", ", entry.rules().stream().sorted().toList()))
            + ". Fix: delete the entry if the identity is gone or compliant, or correct its"
            + " match.");
  }
}
