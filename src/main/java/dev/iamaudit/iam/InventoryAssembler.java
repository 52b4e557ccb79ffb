package dev.iamaudit.iam;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ActivityReport;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.MfaEnrollment;
import dev.iamaudit.inventory.Profile;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Merges the listings (every identity, with metadata) and the report (activity of the inactive
 * ones). A listed identity the report leaves out was active within the report's duration; one only
 * the report knows is kept with what the report says, so nothing inactive is lost to a listing that
 * raced a deletion.
 */
final class InventoryAssembler {
  /**
   * What was fetched; null means not fetched, so {@link Inventory#available()} tells "none" from
   * "not looked".
   */
  record Parts(
      ActivityReport report,
      List<User> users,
      List<ApiKey> apiKeys,
      List<ServiceId> serviceIds,
      List<Profile> profiles,
      AccountSettings settings,
      Map<String, Long> authnCounts,
      List<MfaEnrollment> mfaEnrollments,
      Map<DataSet, String> unavailable) {
    /** What was fetched when nothing was refused and the MFA report was not asked for. */
    Parts(
        ActivityReport report,
        List<User> users,
        List<ApiKey> apiKeys,
        List<ServiceId> serviceIds,
        List<Profile> profiles,
        AccountSettings settings,
        Map<String, Long> authnCounts) {
      this(report, users, apiKeys, serviceIds, profiles, settings, authnCounts, null, Map.of());
    }
  }

  private static final String SERVICE_ID_IAM_PREFIX = "iam-";

  private InventoryAssembler() {}

  static Inventory assemble(String accountId, Instant asOf, Parts parts) {
    ActivityReport report = parts.report();
    List<User> users =
        merge(
            parts.users(),
            report == null ? null : report.users(),
            User::id,
            User::withActivity,
            (listed, reported) ->
                new User(
                    listed.id(),
                    listed.iamId(),
                    first(listed.name(), reported.name()),
                    first(listed.username(), reported.username()),
                    first(listed.email(), reported.email()),
                    listed.state(),
                    listed.addedOn(),
                    reported.activity()));
    List<ServiceId> serviceIds =
        merge(
            parts.serviceIds(),
            report == null ? null : report.serviceIds(),
            ServiceId::id,
            ServiceId::withActivity,
            (listed, reported) ->
                new ServiceId(
                    listed.id(),
                    listed.iamId(),
                    first(listed.name(), reported.name()),
                    listed.createdAt(),
                    listed.locked(),
                    reported.activity()));
    List<Profile> profiles =
        merge(
            parts.profiles(),
            report == null ? null : report.profiles(),
            Profile::id,
            Profile::withActivity,
            (listed, reported) ->
                new Profile(
                    listed.id(),
                    listed.iamId(),
                    first(listed.name(), reported.name()),
                    listed.createdAt(),
                    reported.activity()));
    List<ApiKey> keys =
        merge(
            parts.apiKeys(),
            report == null ? null : report.apiKeys(),
            ApiKey::id,
            ApiKey::withActivity,
            InventoryAssembler::mergeKey);
    List<ApiKey> apiKeys = new Owners(users, serviceIds).complete(keys, parts.authnCounts());
    return new Inventory(
        accountId,
        asOf,
        report == null ? null : report.info(),
        users,
        apiKeys,
        serviceIds,
        profiles,
        parts.settings(),
        parts.mfaEnrollments() == null ? List.of() : parts.mfaEnrollments(),
        available(parts),
        parts.unavailable());
  }

  private static Set<DataSet> available(Parts parts) {
    Set<DataSet> available = EnumSet.noneOf(DataSet.class);
    addIf(available, parts.report(), DataSet.REPORT);
    addIf(available, parts.users(), DataSet.USERS);
    addIf(available, parts.apiKeys(), DataSet.API_KEYS);
    addIf(available, parts.serviceIds(), DataSet.SERVICE_IDS);
    addIf(available, parts.profiles(), DataSet.PROFILES);
    addIf(available, parts.settings(), DataSet.SETTINGS);
    addIf(available, parts.authnCounts(), DataSet.KEY_ACTIVITY);
    addIf(available, parts.mfaEnrollments(), DataSet.MFA_REPORT);
    return available;
  }

  private static void addIf(Set<DataSet> available, Object part, DataSet dataSet) {
    if (part != null) {
      available.add(dataSet);
    }
  }

  private static <T extends Identity> List<T> merge(
      List<T> listed,
      List<T> reported,
      Function<T, String> id,
      BiFunction<T, Activity, T> withActivity,
      BinaryOperator<T> both) {
    if (listed == null) {
      return reported == null ? List.of() : reported;
    }
    if (reported == null) {
      return listed;
    }
    Map<String, T> onlyReported = new LinkedHashMap<>();
    reported.forEach(item -> onlyReported.put(id.apply(item), item));
    List<T> merged = new ArrayList<>(listed.size() + reported.size());
    for (T item : listed) {
      T inReport = onlyReported.remove(id.apply(item));
      merged.add(
          inReport == null
              ? withActivity.apply(item, Activity.RECENT)
              : both.apply(item, inReport));
    }
    merged.addAll(onlyReported.values());
    return merged;
  }

  /** The listing's metadata, the report's activity and owner details. */
  private static ApiKey mergeKey(ApiKey listed, ApiKey reported) {
    return new ApiKey(
        listed.id(),
        first(listed.name(), reported.name()),
        first(listed.iamId(), reported.iamId()),
        listed.owner().orElse(reported.owner()),
        listed.createdAt(),
        listed.createdBy(),
        listed.locked(),
        listed.disabled(),
        listed.expiresAt(),
        listed.actionWhenLeaked(),
        reported.activity(),
        listed.authnCount());
  }

  /** Fills in who owns each key from the user and service ID listings. */
  private static final class Owners {
    private final Map<String, User> usersByIamId = new HashMap<>();
    private final Map<String, ServiceId> serviceIdsByIamId = new HashMap<>();
    private final Map<String, ServiceId> serviceIdsById = new HashMap<>();

    Owners(List<User> users, List<ServiceId> serviceIds) {
      users.stream()
          .filter(user -> user.iamId() != null)
          .forEach(user -> usersByIamId.put(user.iamId(), user));
      for (ServiceId serviceId : serviceIds) {
        serviceIdsById.put(serviceId.id(), serviceId);
        if (serviceId.iamId() != null) {
          serviceIdsByIamId.put(serviceId.iamId(), serviceId);
        }
      }
    }

    List<ApiKey> complete(List<ApiKey> keys, Map<String, Long> authnCounts) {
      return keys.stream().map(key -> withCount(withOwner(key), authnCounts)).toList();
    }

    private ApiKey withOwner(ApiKey key) {
      KeyOwner owner = key.owner();
      if (!owner.isUser()) {
        String ownerId = first(owner.id(), serviceIdOf(key.iamId()));
        ServiceId listed = ownerId == null ? null : serviceIdsById.get(ownerId);
        return key.withOwner(
            new KeyOwner(
                KeyOwner.Kind.SERVICEID,
                ownerId,
                first(owner.name(), listed == null ? null : listed.name()),
                owner.username(),
                owner.email()));
      }
      User listed = usersByIamId.get(first(key.iamId(), owner.id()));
      if (listed == null) {
        return key;
      }
      return key.withOwner(
          owner.orElse(
              new KeyOwner(
                  KeyOwner.Kind.USER,
                  listed.iamId(),
                  listed.name(),
                  listed.username(),
                  listed.email())));
    }

    /**
     * The service ID's id for its IAM id: from the listing when fetched, else by IBM's naming,
     * where service ID {@code ServiceId-<uuid>} authenticates as {@code iam-ServiceId-<uuid>}.
     */
    private String serviceIdOf(String iamId) {
      if (iamId == null) {
        return null;
      }
      ServiceId listed = serviceIdsByIamId.get(iamId);
      if (listed != null) {
        return listed.id();
      }
      return iamId.startsWith(SERVICE_ID_IAM_PREFIX + "ServiceId-")
          ? iamId.substring(SERVICE_ID_IAM_PREFIX.length())
          : null;
    }

    private static ApiKey withCount(ApiKey key, Map<String, Long> authnCounts) {
      return authnCounts == null || !authnCounts.containsKey(key.id())
          ? key
          : key.withAuthnCount(authnCounts.get(key.id()));
    }
  }

  private static String first(String preferred, String fallback) {
    return preferred != null ? preferred : fallback;
  }
}
