package dev.iamaudit.rules;

import dev.iamaudit.inventory.Activity;
import java.time.Instant;
import java.util.Optional;

/**
 * The shared judgement of the inactivity rules. An identity that never authenticated is inactive since its
 * creation; with the creation date unknown it counts as inactive (fail closed) and the message says so.
 */
final class Inactivity {
  private Inactivity() {}

  /**
   * @param verb how the identity is used: "authenticated", "logged in", "used"
   * @return what was seen, when it is over {@code maxDays}; empty when the identity is within the threshold
   */
  static Optional<String> overThreshold(Activity activity, Instant createdAt, Instant asOf, long maxDays,
      String verb) {
    String threshold = "; threshold " + maxDays + " days";
    return switch (activity.kind()) {
      case RECENT, UNKNOWN -> Optional.empty();
      case INACTIVE -> Ages.days(activity.lastAuthn(), asOf) > maxDays
          ? Optional.of("last " + verb + " " + Ages.ago(activity.lastAuthn(), asOf) + threshold)
          : Optional.empty();
      case NEVER -> {
        if (createdAt == null) {
          yield Optional.of("never " + verb + " and its creation date is unknown, so it counts as inactive"
              + " (fail closed)" + threshold);
        }
        yield Ages.days(createdAt, asOf) > maxDays
            ? Optional.of("never " + verb + "; created " + Ages.ago(createdAt, asOf) + threshold)
            : Optional.empty();
      }
    };
  }
}
