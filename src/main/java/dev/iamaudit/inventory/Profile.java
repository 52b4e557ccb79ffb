package dev.iamaudit.inventory;

import java.time.Instant;
import java.util.Objects;

/** A trusted profile of the account. */
public record Profile(String id, String iamId, String name, Instant createdAt, Activity activity)
    implements Identity {
  public Profile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(activity, "activity");
  }

  @Override
  public Entity entity() {
    return new Entity(IdentityType.PROFILE, id, iamId, name);
  }

  public Profile withActivity(Activity newActivity) {
    return new Profile(id, iamId, name, createdAt, newActivity);
  }
}
