package dev.iamaudit.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of an identity's last authentication.
 *
 * <p>The activity report lists only identities inactive for its whole duration, so an identity that
 * the listings return but the report does not was active within that duration ({@link
 * Kind#RECENT}).
 */
public record Activity(Kind kind, Instant lastAuthn) {
  public enum Kind {
    /** Not in the report: authenticated within the report's duration. */
    RECENT,
    /** In the report with a last authentication time. */
    INACTIVE,
    /** In the report without a last authentication time: never authenticated. */
    NEVER,
    /** No report data for this identity. */
    UNKNOWN
  }

  public static final Activity RECENT = new Activity(Kind.RECENT, null);
  public static final Activity NEVER = new Activity(Kind.NEVER, null);
  public static final Activity UNKNOWN = new Activity(Kind.UNKNOWN, null);

  public Activity {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.INACTIVE && lastAuthn == null) {
      throw new IllegalArgumentException("an inactive identity needs its last authentication time");
    }
  }

  /** The report's view: a missing {@code last_authn} means never. */
  public static Activity fromReport(Instant lastAuthn) {
    return lastAuthn == null ? NEVER : new Activity(Kind.INACTIVE, lastAuthn);
  }
}
