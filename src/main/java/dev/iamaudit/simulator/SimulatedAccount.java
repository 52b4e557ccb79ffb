package dev.iamaudit.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One IBM Cloud account as the simulator serves it: who may log in, the identities, their activity
 * and the identity settings. Immutable; times are absolute here, a fixture may give them relative
 * to "now" (see {@link #read}).
 *
 * @param logins the API keys the token endpoint accepts and whom they log in as
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulatedAccount(
    String accountId,
    List<Login> logins,
    List<User> users,
    List<ServiceIdGroup> serviceIdGroups,
    List<ServiceId> serviceIds,
    List<Profile> profiles,
    List<ApiKey> apiKeys,
    Settings settings) {

  private static final String SERVICE_IAM_PREFIX = "iam-ServiceId-";

  public SimulatedAccount {
    required(accountId, "accountId");
    logins = copy(logins);
    users = copy(users);
    serviceIdGroups = copy(serviceIdGroups);
    serviceIds = copy(serviceIds);
    profiles = copy(profiles);
    apiKeys = copy(apiKeys);
    settings = settings == null ? Settings.DEFAULTS : settings;
    if (logins.isEmpty()) {
      throw new IllegalArgumentException(
          "account " + accountId + " needs at least one login (an API key value)");
    }
    Set<String> ids = new HashSet<>();
    users.forEach(user -> unique(ids, user.iamId() != null ? user.iamId() : user.userId()));
    serviceIdGroups.forEach(group -> unique(ids, group.id()));
    serviceIds.forEach(service -> unique(ids, service.id()));
    profiles.forEach(profile -> unique(ids, profile.id()));
    apiKeys.forEach(key -> unique(ids, key.id()));
    Set<String> serviceIamIds = new HashSet<>();
    serviceIds.forEach(service -> serviceIamIds.add(service.iamId()));
    for (ApiKey key : apiKeys) {
      if (key.ownedByServiceId() && !serviceIamIds.contains(key.iamId())) {
        throw new IllegalArgumentException(
            "API key "
                + key.id()
                + " belongs to "
                + key.iamId()
                + ", which is not a service ID of the account");
      }
    }
    Set<String> groupIds = new HashSet<>();
    serviceIdGroups.forEach(group -> groupIds.add(group.id()));
    for (ServiceId service : serviceIds) {
      if (service.groupId() != null && !groupIds.contains(service.groupId())) {
        throw new IllegalArgumentException(
            "service ID "
                + service.id()
                + " is in group "
                + service.groupId()
                + ", which is not a service ID group of the account");
      }
    }
  }

  /**
   * Reads a fixture. Every time may be absolute ISO-8601 ({@code "2025-01-31T12:00:00Z"}) or
   * relative to {@code now} ({@code "200 days ago"}, {@code "3 hours ago"}, {@code "15 minutes
   * ago"}); a missing {@code lastAuthn} means never authenticated.
   *
   * @throws dev.iamaudit.failure.UsageException when the file is missing or not a valid fixture
   */
  public static SimulatedAccount read(Path fixture, Instant now) {
    return Fixtures.read(fixture, now);
  }

  /** This account as a fixture with absolute times, the format {@link #read} accepts. */
  public String toJson() {
    return Fixtures.write(this);
  }

  /**
   * A synthetic account of {@code identities} users, service IDs, trusted profiles and (mostly) API
   * keys with a realistic mix of active, inactive and never-used ones. The same seed and {@code
   * now} give the same account.
   */
  public static SimulatedAccount generate(int identities, long seed, Instant now) {
    return new AccountGenerator(seed, now).generate(identities);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private static void unique(Set<String> seen, String id) {
    if (!seen.add(id)) {
      throw new IllegalArgumentException("duplicate identity id " + id);
    }
  }

  private static void required(Object value, String name) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  /**
   * An API key value the token endpoint accepts; it logs in as {@code iamId} of this account.
   *
   * @param refused the endpoints that answer this key 403, as IAM answers a key without the role
   *     they need: {@code mfa-report} (the MFA enrollment report, which needs the Administrator
   *     role on the IAM Identity Service) and {@code effective-settings} (the identity settings in
   *     force)
   */
  public record Login(String apiKey, String iamId, List<String> refused) {
    /** The endpoints a login can be refused. */
    public static final List<String> REFUSABLE = List.of("mfa-report", "effective-settings");

    public Login {
      required(apiKey, "login apiKey");
      required(iamId, "login iamId");
      refused = copy(refused);
      for (String endpoint : refused) {
        if (!REFUSABLE.contains(endpoint)) {
          throw new IllegalArgumentException(
              "login "
                  + iamId
                  + " refuses '"
                  + endpoint
                  + "'; refusable are "
                  + String.join(", ", REFUSABLE));
        }
      }
    }

    public Login(String apiKey, String iamId) {
      this(apiKey, iamId, List.of());
    }

    /** Keeps the key value out of logs even here, where it is a fake. */
    @Override
    public String toString() {
      return "Login[iamId=" + iamId + "]";
    }
  }

  /**
   * A member of the account, or someone invited to it.
   *
   * @param iamId null only for an invitation ({@code PENDING} or {@code PROCESSING}) that has none
   *     yet
   * @param userId the login name (User Management's {@code user_id}, the report's {@code username})
   * @param state User Management's state, e.g. ACTIVE or PENDING
   * @param addedOn when the user was added, or invited
   * @param lastAuthn the last login, or null for never
   * @param mfaEnrolled whether the user set up the MFA factors the account asks for; null for "if
   *     they ever logged in", since IBM makes a user enroll at the first login after MFA is
   *     required
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record User(
      String iamId,
      String userId,
      String firstname,
      String lastname,
      String email,
      String state,
      Instant addedOn,
      Instant lastAuthn,
      Boolean mfaEnrolled) {
    public User {
      required(userId, "userId of a user");
      state = state == null ? "ACTIVE" : state;
      if (iamId == null && !state.equals("PENDING") && !state.equals("PROCESSING")) {
        throw new IllegalArgumentException(
            "user "
                + userId
                + " needs an iamId: only an invitation (PENDING or "
                + "PROCESSING) may lack one");
      }
      required(addedOn, "addedOn of user " + userId);
    }

    /** IBM's realm: IBMid for IBMid-… users and invitations, SL for classic infrastructure ones. */
    public String realm() {
      return iamId == null || iamId.startsWith("IBMid-") ? "IBMid" : "SL";
    }

    /**
     * User Management's {@code id} of the user's profile: stable, and there before IAM gives an IAM
     * id.
     */
    public String profileId() {
      return Resources.hash(iamId != null ? iamId : "invitation:" + userId).substring(0, 32);
    }

    public boolean enrolledForMfa() {
      return mfaEnrolled != null ? mfaEnrolled : lastAuthn != null;
    }

    /** The display name the activity report shows. */
    public String name() {
      return ((firstname == null ? "" : firstname) + " " + (lastname == null ? "" : lastname))
          .trim();
    }
  }

  /** A service ID group other than the default one, which has no entry here. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ServiceIdGroup(
      String id, String name, String description, Instant createdAt, String createdBy) {
    public ServiceIdGroup {
      required(id, "service ID group id");
      required(name, "name of service ID group " + id);
      required(createdAt, "createdAt of service ID group " + id);
      required(createdBy, "createdBy of service ID group " + id);
    }
  }

  /**
   * A service ID; its API keys are the {@link ApiKey}s whose {@code iamId} is this one's.
   *
   * @param groupId the {@link ServiceIdGroup} it is in; null for the default group
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ServiceId(
      String id,
      String iamId,
      String name,
      String description,
      Instant createdAt,
      boolean locked,
      Instant lastAuthn,
      String groupId) {
    public ServiceId {
      required(id, "service ID id");
      required(name, "name of service ID " + id);
      required(createdAt, "createdAt of service ID " + id);
      iamId = iamId == null ? "iam-" + id : iamId;
      if (!iamId.startsWith(SERVICE_IAM_PREFIX)) {
        throw new IllegalArgumentException(
            "iamId of service ID " + id + " must start with " + SERVICE_IAM_PREFIX);
      }
    }
  }

  /** A trusted profile. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Profile(
      String id,
      String iamId,
      String name,
      String description,
      Instant createdAt,
      Instant lastAuthn) {
    public Profile {
      required(id, "profile id");
      required(name, "name of profile " + id);
      required(createdAt, "createdAt of profile " + id);
      iamId = iamId == null ? "iam-" + id : iamId;
    }
  }

  /**
   * An API key of a user or a service ID.
   *
   * @param iamId the identity the key authenticates as: a user's IAM id (the owner), or a service
   *     ID's ({@code iam-ServiceId-…})
   * @param description optional; IBM omits it when empty
   * @param authnCount authentications so far; defaults to 0 when never used, else 1
   * @param actionWhenLeaked {@code none}, {@code disable} or {@code delete}; optional
   * @param expiresAt when IAM stops accepting the key; null for never
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ApiKey(
      String id,
      String name,
      String description,
      String iamId,
      String createdBy,
      Instant createdAt,
      Instant lastAuthn,
      Long authnCount,
      String actionWhenLeaked,
      boolean locked,
      boolean disabled,
      Instant expiresAt) {
    public ApiKey {
      required(id, "API key id");
      required(name, "name of API key " + id);
      required(iamId, "iamId of API key " + id);
      required(createdAt, "createdAt of API key " + id);
      createdBy = createdBy == null ? iamId : createdBy;
      authnCount = authnCount == null ? (lastAuthn == null ? 0L : 1L) : authnCount;
      if (authnCount < 0 || (lastAuthn == null) != (authnCount == 0)) {
        throw new IllegalArgumentException(
            "API key "
                + id
                + ": authnCount "
                + authnCount
                + " does not fit its lastAuthn "
                + lastAuthn);
      }
      if (actionWhenLeaked != null
          && !List.of("none", "disable", "delete").contains(actionWhenLeaked)) {
        throw new IllegalArgumentException(
            "API key " + id + ": actionWhenLeaked must be none, disable or delete");
      }
    }

    public boolean ownedByServiceId() {
      return iamId.startsWith(SERVICE_IAM_PREFIX);
    }
  }

  /**
   * The account's identity settings, as IBM's {@code AccountSettingsResponse} strings. Null
   * components take IBM's defaults for a new account.
   */
  public record Settings(
      String restrictCreateServiceId,
      String restrictCreatePlatformApikey,
      String mfa,
      String allowedIpAddresses,
      String sessionExpirationInSeconds,
      String sessionInvalidationInSeconds,
      String maxSessionsPerIdentity,
      String systemAccessTokenExpirationInSeconds,
      String systemRefreshTokenExpirationInSeconds,
      String restrictUserListVisibility,
      List<UserMfa> userMfa,
      List<Template> templates) {
    public static final Settings DEFAULTS =
        new Settings(null, null, null, null, null, null, null, null, null, null, null, null);

    public Settings {
      restrictCreateServiceId = Objects.requireNonNullElse(restrictCreateServiceId, "NOT_SET");
      restrictCreatePlatformApikey =
          Objects.requireNonNullElse(restrictCreatePlatformApikey, "NOT_SET");
      mfa = Objects.requireNonNullElse(mfa, "NONE");
      allowedIpAddresses = Objects.requireNonNullElse(allowedIpAddresses, "");
      sessionExpirationInSeconds =
          Objects.requireNonNullElse(sessionExpirationInSeconds, "NOT_SET");
      sessionInvalidationInSeconds =
          Objects.requireNonNullElse(sessionInvalidationInSeconds, "NOT_SET");
      maxSessionsPerIdentity = Objects.requireNonNullElse(maxSessionsPerIdentity, "NOT_SET");
      systemAccessTokenExpirationInSeconds =
          Objects.requireNonNullElse(systemAccessTokenExpirationInSeconds, "3600");
      systemRefreshTokenExpirationInSeconds =
          Objects.requireNonNullElse(systemRefreshTokenExpirationInSeconds, "259200");
      restrictUserListVisibility =
          Objects.requireNonNullElse(restrictUserListVisibility, "NOT_RESTRICTED");
      userMfa = copy(userMfa);
      templates = copy(templates);
    }
  }

  /**
   * A user whose MFA requirement differs from the account's: {@code NONE} or {@code NONE_NO_ROPC}
   * exempt them.
   */
  public record UserMfa(String iamId, String mfa) {
    public UserMfa {
      required(iamId, "user_mfa iamId");
      required(mfa, "user_mfa mfa of " + iamId);
    }
  }

  /**
   * An enterprise settings template assigned to the account. Null settings are left to the account;
   * where both set one, the stricter value is in force, as IBM applies templates.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Template(
      String id,
      Long version,
      String name,
      String restrictCreateServiceId,
      String restrictCreatePlatformApikey,
      String mfa,
      String allowedIpAddresses,
      String restrictUserListVisibility) {
    public Template {
      required(id, "template id");
      required(version, "version of template " + id);
      required(name, "name of template " + id);
    }
  }
}
