package dev.iamaudit.inventory;

import java.time.Instant;
import java.util.Objects;

/** The header of an activity report: which report, over how many hours, ending when. */
public record ReportInfo(
    String reference, long durationHours, Instant startTime, Instant endTime, String createdBy) {
  public ReportInfo {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(endTime, "endTime");
    if (durationHours < 0) {
      throw new IllegalArgumentException("durationHours must not be negative: " + durationHours);
    }
  }
}
