package dev.iamaudit.inventory;

import java.time.Duration;
import java.time.Instant;

/**
 * What an activity report must agree with to be trusted, beyond being well-formed JSON: its header
 * with itself, no identity active after the report's end, no identity listed twice. The report
 * parser calls {@link #firstSighting} once per identity, so this keeps little per identity: a
 * 64-bit hash of its id (see {@link IdHashes}) and, for all identities together, the latest
 * authentication seen.
 */
final class ReportConsistency {
  /**
   * How far the times in a report may disagree before it is refused: IBM's servers' clocks, and a
   * report built over a few minutes, may put its times that far apart, and a genuine report must
   * never be refused for that.
   */
  static final Duration TOLERANCE = Duration.ofMinutes(15);

  /**
   * About 114 years: more than any account's life, and far from where hours overflow a {@link
   * Duration}.
   */
  static final long MAX_DURATION_HOURS = 1_000_000;

  private final IdHashes ids = new IdHashes();
  private Instant latestAuthn;
  private IdentityType latestType;
  private String latestId;

  /**
   * Notes one identity of the report.
   *
   * @return false when the report listed the same identity before
   */
  boolean firstSighting(IdentityType type, String id, Instant lastAuthn) {
    if (lastAuthn != null && (latestAuthn == null || lastAuthn.isAfter(latestAuthn))) {
      latestAuthn = lastAuthn;
      latestType = type;
      latestId = id;
    }
    return ids.add(type, id);
  }

  /** "API key ApiKey-1", as the report's messages name an identity. */
  static String describe(IdentityType type, String id) {
    return switch (type) {
          case USER -> "User ";
          case APIKEY -> "API key ";
          case SERVICEID -> "Service ID ";
          case PROFILE -> "Trusted profile ";
          case ACCOUNT -> "Account ";
        }
        + id;
  }

  /** Why the header contradicts itself, or null when it does not. */
  static String headerProblem(ReportInfo info) {
    Instant start = info.startTime();
    Instant end = info.endTime();
    if (end.isBefore(start.minus(TOLERANCE))) {
      return "'report_end_time' " + end + " is before 'report_start_time' " + start;
    }
    Duration span = Duration.between(start, end);
    Duration stated = Duration.ofHours(info.durationHours());
    if (span.minus(stated).abs().compareTo(TOLERANCE) > 0) {
      return "'report_duration' is "
          + info.durationHours()
          + " hours, but 'report_start_time' "
          + start
          + " to 'report_end_time' "
          + end
          + " is "
          + hours(span);
    }
    return null;
  }

  /**
   * Why an identity's last authentication contradicts the report's end, or null. One after the end
   * would read as active, and so as never inactive, however long it has really been idle.
   */
  String lastAuthnProblem(Instant end) {
    if (latestAuthn != null && latestAuthn.isAfter(end.plus(TOLERANCE))) {
      return describe(latestType, latestId)
          + " last authenticated at "
          + latestAuthn
          + ", after the report's end, 'report_end_time' "
          + end;
    }
    return null;
  }

  private static String hours(Duration span) {
    long minutes = span.toMinutes();
    return minutes % 60 == 0
        ? (minutes / 60) + " hours"
        : (minutes / 60) + " hours " + (minutes % 60) + " minutes";
  }
}
