package dev.iamaudit.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds inventories for tests: a fixed account and moment, identities aged in days. */
public final class TestInventory {
  public static final String ACCOUNT = "a1b2c3";
  public static final Instant AS_OF = Instant.parse("2026-11-24T12:00:00Z");

  private final List<User> users = new ArrayList<>();
  private final List<ApiKey> apiKeys = new ArrayList<>();
  private final List<ServiceId> serviceIds = new ArrayList<>();
  private final List<Profile> profiles = new ArrayList<>();
  private final Set<DataSet> available = EnumSet.of(DataSet.REPORT);
  private final List<MfaEnrollment> mfaEnrollments = new ArrayList<>();
  private final Map<DataSet, String> unavailable = new EnumMap<>(DataSet.class);
  private AccountSettings settings;

  public static TestInventory builder() {
    return new TestInventory();
  }

  /** The instant {@code days} (and {@code hours}) before {@link #AS_OF}. */
  public static Instant daysAgo(long days, long hours) {
    return AS_OF.minus(Duration.ofDays(days)).minus(Duration.ofHours(hours));
  }

  public static Instant daysAgo(long days) {
    return daysAgo(days, 0);
  }

  public static Activity lastAuthn(long daysAgo) {
    return new Activity(Activity.Kind.INACTIVE, daysAgo(daysAgo));
  }

  public static ApiKey userKey(String id, String ownerIamId, Activity activity, Instant createdAt) {
    return new ApiKey(
        id,
        "key " + id,
        ownerIamId,
        new KeyOwner(KeyOwner.Kind.USER, ownerIamId, "Owner " + ownerIamId, null, null),
        createdAt,
        ownerIamId,
        false,
        false,
        null,
        "disable",
        activity,
        null);
  }

  public static ApiKey serviceKey(
      String id, String serviceId, Activity activity, Instant createdAt) {
    return new ApiKey(
        id,
        "key " + id,
        "iam-" + serviceId,
        new KeyOwner(KeyOwner.Kind.SERVICEID, serviceId, "svc " + serviceId, null, null),
        createdAt,
        "IBMid-admin",
        false,
        false,
        null,
        "disable",
        activity,
        null);
  }

  public TestInventory user(User user) {
    users.add(user);
    return this;
  }

  public TestInventory key(ApiKey key) {
    apiKeys.add(key);
    return this;
  }

  public TestInventory serviceId(ServiceId serviceId) {
    serviceIds.add(serviceId);
    return this;
  }

  public TestInventory profile(Profile profile) {
    profiles.add(profile);
    return this;
  }

  public TestInventory settings(String restrictApikey, String restrictServiceId, String mfa) {
    settings = new AccountSettings(ACCOUNT, restrictServiceId, restrictApikey, mfa);
    available.add(DataSet.SETTINGS);
    return this;
  }

  public TestInventory settings(AccountSettings accountSettings) {
    settings = accountSettings;
    available.add(DataSet.SETTINGS);
    return this;
  }

  /** The MFA enrollment report, with these users. */
  public TestInventory mfa(MfaEnrollment... users) {
    mfaEnrollments.addAll(List.of(users));
    available.add(DataSet.MFA_REPORT);
    return this;
  }

  /** A data set the source could not have, and why. */
  public TestInventory unavailable(DataSet dataSet, String reason) {
    unavailable.put(dataSet, reason);
    return this;
  }

  public TestInventory with(DataSet... dataSets) {
    available.addAll(List.of(dataSets));
    return this;
  }

  public Inventory build() {
    return new Inventory(
        ACCOUNT,
        AS_OF,
        new ReportInfo("ref-1", 720, daysAgo(30), AS_OF, "IBMid-admin"),
        users,
        apiKeys,
        serviceIds,
        profiles,
        settings,
        mfaEnrollments,
        available,
        unavailable);
  }
}
