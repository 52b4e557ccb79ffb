package dev.iamaudit.inventory;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An API key of a user or a service ID, merged from the report, the key listing and, when asked
 * for, the key's activity details. Fields the source did not provide are null.
 *
 * @param iamId the IAM id the key authenticates as (the user's or the service ID's)
 * @param disabled true when IBM says the key cannot be used
 * @param expiresAt when the key stops working; null for never
 * @param authnCount number of authentications, from the per-key details only
 */
public record ApiKey(
    String id,
    String name,
    String iamId,
    KeyOwner owner,
    Instant createdAt,
    String createdBy,
    Boolean locked,
    Boolean disabled,
    Instant expiresAt,
    String actionWhenLeaked,
    Activity activity,
    Long authnCount)
    implements Identity {

  /** Whether IBM still accepts the key; the lower-case name is what reports show. */
  public enum State {
    ACTIVE,
    DISABLED,
    EXPIRED;

    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
      return id;
    }
  }

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(activity, "activity");
  }

  @Override
  public Entity entity() {
    return new Entity(IdentityType.APIKEY, id, iamId, name);
  }

  public boolean ownedByUser() {
    return owner.isUser();
  }

  /**
   * False for a key IBM will not accept: disabled, or past its expiry. Such a key is no standing
   * credential, so the rules about use and rotation leave it alone (IBM deletes expired keys
   * itself).
   */
  public boolean canAuthenticate(Instant asOf) {
    return state(asOf) == State.ACTIVE;
  }

  /** A key both disabled and expired counts as disabled: that is what someone chose for it. */
  public State state(Instant asOf) {
    if (Boolean.TRUE.equals(disabled)) {
      return State.DISABLED;
    }
    return expiresAt == null || expiresAt.isAfter(asOf) ? State.ACTIVE : State.EXPIRED;
  }

  public ApiKey withActivity(Activity newActivity) {
    return new ApiKey(
        id,
        name,
        iamId,
        owner,
        createdAt,
        createdBy,
        locked,
        disabled,
        expiresAt,
        actionWhenLeaked,
        newActivity,
        authnCount);
  }

  public ApiKey withOwner(KeyOwner newOwner) {
    return new ApiKey(
        id,
        name,
        iamId,
        newOwner,
        createdAt,
        createdBy,
        locked,
        disabled,
        expiresAt,
        actionWhenLeaked,
        activity,
        authnCount);
  }

  public ApiKey withAuthnCount(Long count) {
    return new ApiKey(
        id,
        name,
        iamId,
        owner,
        createdAt,
        createdBy,
        locked,
        disabled,
        expiresAt,
        actionWhenLeaked,
        activity,
        count);
  }
}
