package dev.iamaudit.rules;

import dev.iamaudit.Counted;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.time.LocalDate;
import java.util.Map;

/**
 * An allowlist entry past its {@code expires} date; the findings it covered come back as violations
 * too.
 */
public final class AllowlistExpired implements RuleDescriptor {
  private static final RuleSpec SPEC =
      new RuleSpec("allowlist-expired", Severity.MEDIUM, true, Map.of());

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Allowlist entry expired";
  }

  @Override
  public String description() {
    return "An exception is accepted only until its expiry date. Once it has passed, the findings"
        + " it covered count again and the entry itself is reported so that someone reviews"
        + " it.";
  }

  @Override
  public String remedy() {
    return "Fix the findings and delete the entry, or review the exception and set a new expires"
        + " date.";
  }

  /**
   * @param matched how many findings the entry would have covered
   */
  public Violation check(AllowlistEntry entry, Entity allowlist, LocalDate today, int matched) {
    String covered =
        matched == 0
            ? " and covers no finding of this run"
            : "; the "
                + Counted.of(matched, "finding")
                + " it covered "
                + (matched == 1 ? "counts" : "count")
                + " again";
    return new Violation(
        allowlist,
        "Allowlist entry at "
            + entry.describe()
            + " expired on "
            + entry.expires()
            + " (today is "
            + today
            + ")"
            + covered
            + ". Fix: clean up and delete the entry, or review it and set a new"
            + " expires date"
            + (entry.owner() == null ? "" : " (owner: " + entry.owner() + ")")
            + ".");
  }

  /** The entity allowlist findings are about: the account, named after the entry. */
  public static Entity entity(String accountId, AllowlistEntry entry) {
    return new Entity(IdentityType.ACCOUNT, accountId, null, "allowlist entry " + entry.match());
  }
}
