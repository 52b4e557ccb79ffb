package dev.iamaudit.inventory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything known of one account at one moment: the identities (merged from the report and the
 * listings), the account settings, and which data sets were actually fetched, so rules can tell
 * "none" from "not looked at".
 *
 * @param asOf the moment ages are measured from: now for a live pull, the report's end time for a
 *     saved report
 * @param mfaEnrollments the users of the MFA enrollment report; empty unless {@link
 *     DataSet#MFA_REPORT} is available
 * @param unavailable why a data set is missing ("which a saved activity report does not hold"), for
 *     the ones the source could say something about
 */
public record Inventory(
    String accountId,
    Instant asOf,
    ReportInfo report,
    List<User> users,
    List<ApiKey> apiKeys,
    List<ServiceId> serviceIds,
    List<Profile> profiles,
    AccountSettings settings,
    List<MfaEnrollment> mfaEnrollments,
    Set<DataSet> available,
    Map<DataSet, String> unavailable) {

  public Inventory {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(asOf, "asOf");
    users = List.copyOf(users);
    apiKeys = List.copyOf(apiKeys);
    serviceIds = List.copyOf(serviceIds);
    profiles = List.copyOf(profiles);
    mfaEnrollments = List.copyOf(mfaEnrollments);
    available = available.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(available));
    unavailable = Map.copyOf(unavailable);
    if (available.contains(DataSet.REPORT) && report == null) {
      throw new IllegalArgumentException(
          "report data is marked available but the report header is missing");
    }
    if (available.contains(DataSet.SETTINGS) && settings == null) {
      throw new IllegalArgumentException("settings are marked available but missing");
    }
  }

  /** An inventory without the MFA enrollment report. */
  public Inventory(
      String accountId,
      Instant asOf,
      ReportInfo report,
      List<User> users,
      List<ApiKey> apiKeys,
      List<ServiceId> serviceIds,
      List<Profile> profiles,
      AccountSettings settings,
      Set<DataSet> available,
      Map<DataSet, String> unavailable) {
    this(
        accountId,
        asOf,
        report,
        users,
        apiKeys,
        serviceIds,
        profiles,
        settings,
        List.of(),
        available,
        unavailable);
  }

  public boolean has(DataSet dataSet) {
    return available.contains(dataSet);
  }

  /** Every identity, in a stable order: users, API keys, service IDs, trusted profiles. */
  public Stream<Identity> identities() {
    return Stream.of(users.stream(), apiKeys.stream(), serviceIds.stream(), profiles.stream())
        .flatMap(s -> s.map(Identity.class::cast));
  }

  public Entity accountEntity() {
    return Entity.account(accountId);
  }
}
