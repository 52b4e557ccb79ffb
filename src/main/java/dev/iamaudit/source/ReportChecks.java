package dev.iamaudit.source;

import dev.iamaudit.failure.DataException;
import dev.iamaudit.inventory.ReportInfo;

/** Checks every source applies to an activity report before trusting it. */
public final class ReportChecks {
  private ReportChecks() {}

  /**
   * A report lists only identities inactive for its whole duration, so one longer than the shortest
   * inactivity threshold would miss identities idle between the two.
   *
   * @param subject how the message starts, e.g. "report.json covers" or "The latest report covers"
   */
  public static void checkDuration(ReportInfo info, DataRequest request, String subject) {
    request
        .maxReportDurationHours()
        .ifPresent(
            max -> {
              if (info.durationHours() > max) {
                throw new DataException(
                    subject
                        + " "
                        + info.durationHours()
                        + " hours of inactivity, longer than the "
                        + "shortest inactivity threshold ("
                        + max
                        + " hours = "
                        + (max / 24)
                        + " days), so it cannot show "
                        + "identities idle for between "
                        + (max / 24)
                        + " and "
                        + (info.durationHours() / 24)
                        + " days. Use a report with a duration of at most "
                        + max
                        + " hours, or raise the threshold.");
              }
            });
  }

  /** True when the report is older than the policy's {@code maxReportAgeHours} at {@code now}. */
  public static boolean stale(ReportInfo info, java.time.Instant now, int maxAgeHours) {
    return info.endTime().isBefore(now.minus(java.time.Duration.ofHours(maxAgeHours)));
  }
}
