package dev.iamaudit.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * A member of the account (User Management) or a user the activity report lists.
 *
 * @param id what reports and the allowlist name the user by: the IAM id; for a pending invitation
 *     that has none yet, User Management's profile {@code id}, else the login name (see {@code
 *     Listings})
 * @param iamId null for an invitation IAM has not given an IAM id yet
 * @param state User Management's state ({@code ACTIVE}, {@code PENDING}, ...), or null when only
 *     the report knows the user
 */
public record User(
    String id,
    String iamId,
    String name,
    String username,
    String email,
    String state,
    Instant addedOn,
    Activity activity)
    implements Identity {
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(activity, "activity");
  }

  /** A user known by its IAM id, as every user but a pending invitation is. */
  public User(
      String iamId,
      String name,
      String username,
      String email,
      String state,
      Instant addedOn,
      Activity activity) {
    this(
        Objects.requireNonNull(iamId, "iamId"),
        iamId,
        name,
        username,
        email,
        state,
        addedOn,
        activity);
  }

  @Override
  public Entity entity() {
    return new Entity(IdentityType.USER, id, iamId, name != null ? name : username);
  }

  /**
   * True for someone invited who has not joined yet: IBM lets an invitation be cancelled while the
   * user is {@code PENDING} or {@code PROCESSING}. Such a user never logged in because they cannot
   * yet.
   */
  public boolean isInvitation() {
    return "PENDING".equals(state) || "PROCESSING".equals(state);
  }

  public User withActivity(Activity newActivity) {
    return new User(id, iamId, name, username, email, state, addedOn, newActivity);
  }
}
