package dev.iamaudit.inventory;

import java.time.Instant;
import java.util.Objects;

/** A service ID of the account. */
public record ServiceId(
    String id, String iamId, String name, Instant createdAt, Boolean locked, Activity activity)
    implements Identity {
  public ServiceId {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(activity, "activity");
  }

  @Override
  public Entity entity() {
    return new Entity(IdentityType.SERVICEID, id, iamId, name);
  }

  public ServiceId withActivity(Activity newActivity) {
    return new ServiceId(id, iamId, name, createdAt, locked, newActivity);
  }
}
