package dev.iamaudit.rules;

import dev.iamaudit.inventory.Activity;
import java.time.Instant;

/**
 * The shared judgement of the inactivity rules. An identity that never authenticated is inactive since its
 * creation; with the creation date unknown it counts as inactive (fail closed) and the message says so.
 */
final class Inactivity {
  private Inactivity() {}

  /** True when the identity has been inactive for more than {@code maxDays} at {@code asOf}. */
  static boolean isOver(Activity activity, Instant createdAt, Instant asOf, long maxDays) {
    return switch (activity.kind()) {
      case RECENT, UNKNOWN -> false;
      case INACTIVE -> Ages.days(activity.lastAuthn(), asOf) > maxDays;
      case NEVER -> createdAt == null || Ages.days(createdAt, asOf) > maxDays;
    };
  }

  /**
   * What was seen, for an identity {@link #isOver} judged inactive, appended to {@code out}.
   *
   * @param verb how the identity is used: "authenticated", "logged in", "used"
   */
  static StringBuilder seen(StringBuilder out, Activity activity, Instant createdAt, Instant asOf, long maxDays,
      String verb) {
    if (activity.kind() == Activity.Kind.INACTIVE) {
      Ages.ago(out.append("last ").append(verb).append(' '), activity.lastAuthn(), asOf);
    } else if (createdAt == null) {
      out.append("never ").append(verb)
          .append(" and its creation date is unknown, so it counts as inactive (fail closed)");
    } else {
      Ages.ago(out.append("never ").append(verb).append("; created "), createdAt, asOf);
    }
    return Ages.count(out.append("; threshold "), maxDays);
  }
}
