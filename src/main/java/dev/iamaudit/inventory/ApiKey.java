package dev.iamaudit.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * An API key of a user or a service ID, merged from the report, the key listing and, when asked for, the key's
 * activity details. Fields the source did not provide are null.
 *
 * @param iamId the IAM id the key authenticates as (the user's or the service ID's)
 * @param ownerId the owning user's IAM id or the owning service ID's id
 * @param authnCount number of authentications, from the per-key details only
 */
public record ApiKey(
    String id,
    String name,
    Owner ownerType,
    String iamId,
    String ownerId,
    String ownerName,
    String ownerUsername,
    String ownerEmail,
    Instant createdAt,
    String createdBy,
    Boolean locked,
    Boolean disabled,
    String actionWhenLeaked,
    Activity activity,
    Long authnCount)
    implements Identity {

  /** Who a key belongs to; the lower-case name is IBM's {@code type} value. */
  public enum Owner {
    USER,
    SERVICEID
  }

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerType, "ownerType");
    Objects.requireNonNull(activity, "activity");
  }

  @Override
  public Entity entity() {
    return new Entity(IdentityType.APIKEY, id, iamId, name);
  }

  public ApiKey withActivity(Activity newActivity) {
    return new ApiKey(id, name, ownerType, iamId, ownerId, ownerName, ownerUsername, ownerEmail, createdAt,
        createdBy, locked, disabled, actionWhenLeaked, newActivity, authnCount);
  }

  public ApiKey withAuthnCount(Long count) {
    return new ApiKey(id, name, ownerType, iamId, ownerId, ownerName, ownerUsername, ownerEmail, createdAt,
        createdBy, locked, disabled, actionWhenLeaked, activity, count);
  }
}
