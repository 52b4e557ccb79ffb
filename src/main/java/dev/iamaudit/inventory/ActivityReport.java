package dev.iamaudit.inventory;

import dev.iamaudit.Counted;
import java.util.List;
import java.util.Objects;

/** An IAM activity report as IBM returns it: the header and the identities it lists as inactive. */
public record ActivityReport(
    ReportInfo info,
    List<User> users,
    List<ApiKey> apiKeys,
    List<ServiceId> serviceIds,
    List<Profile> profiles) {
  public ActivityReport {
    Objects.requireNonNull(info, "info");
    users = List.copyOf(users);
    apiKeys = List.copyOf(apiKeys);
    serviceIds = List.copyOf(serviceIds);
    profiles = List.copyOf(profiles);
  }

  public int size() {
    return users.size() + apiKeys.size() + serviceIds.size() + profiles.size();
  }

  /** "1 inactive identity over 720 hours", "12 inactive identities over 2160 hours". */
  public String describe() {
    return describe(info, size());
  }

  /** {@link #describe()} of a report with this header that lists {@code identities}. */
  public static String describe(ReportInfo info, long identities) {
    return Counted.of(identities, "inactive identity", "inactive identities")
        + " over "
        + info.durationHours()
        + " hours";
  }
}
