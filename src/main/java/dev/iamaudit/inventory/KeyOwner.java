package dev.iamaudit.inventory;

import java.util.Objects;

/**
 * Who an API key belongs to, as far as the sources tell: a user (by IAM id) or a service ID (by its
 * id). Fields the sources did not provide are null.
 *
 * @param id the owning user's IAM id or the owning service ID's id
 */
public record KeyOwner(Kind kind, String id, String name, String username, String email) {
  /** The lower-case name is IBM's {@code type} value of a key. */
  public enum Kind {
    USER,
    SERVICEID
  }

  public KeyOwner {
    Objects.requireNonNull(kind, "kind");
  }

  public static KeyOwner user(String iamId) {
    return new KeyOwner(Kind.USER, iamId, null, null, null);
  }

  public static KeyOwner serviceId(String id) {
    return new KeyOwner(Kind.SERVICEID, id, null, null, null);
  }

  public boolean isUser() {
    return kind == Kind.USER;
  }

  /**
   * This owner with each missing field taken from {@code other}, which describes the same owner.
   */
  public KeyOwner orElse(KeyOwner other) {
    if (other == null) {
      return this;
    }
    return new KeyOwner(
        kind,
        first(id, other.id),
        first(name, other.name),
        first(username, other.username),
        first(email, other.email));
  }

  private static String first(String preferred, String fallback) {
    return preferred != null ? preferred : fallback;
  }
}
