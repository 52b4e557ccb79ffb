package dev.iamaudit.source;

import dev.iamaudit.inventory.DataSet;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the enabled rules need from a source.
 *
 * @param needs the data sets to fetch
 * @param maxReportDurationHours the longest report duration that still proves the shortest
 *     inactivity threshold; empty when no enabled rule judges inactivity
 * @param maxReportAgeHours how old a report that is not freshly triggered may be
 */
public record DataRequest(
    Set<DataSet> needs, OptionalLong maxReportDurationHours, int maxReportAgeHours) {
  public DataRequest {
    needs = needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
    if (maxReportAgeHours < 1) {
      throw new IllegalArgumentException("maxReportAgeHours must be at least 1");
    }
  }

  public boolean wants(DataSet dataSet) {
    return needs.contains(dataSet);
  }
}
