package dev.iamaudit.inventory;

import java.time.Instant;
import java.util.Objects;

/** A member of the account (User Management) or a user the activity report lists. */
public record User(
    String iamId, String name, String username, String email, String state, Instant addedOn, Activity activity)
    implements Identity {
  public User {
    Objects.requireNonNull(iamId, "iamId");
    Objects.requireNonNull(activity, "activity");
  }

  @Override
  public Entity entity() {
    return new Entity(IdentityType.USER, iamId, iamId, name != null ? name : username);
  }

  public User withActivity(Activity newActivity) {
    return new User(iamId, name, username, email, state, addedOn, newActivity);
  }
}
