package dev.iamaudit.policy;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which identities an allowlist entry accepts: every given field must match. {@code name} is a glob
 * ({@code *} any run of characters, {@code ?} one character); the others are exact.
 */
public record Match(String id, String iamId, String name, IdentityType type) {
  /**
   * Each name glob compiled once: an entry is tried against every finding, hundreds of thousands in
   * a large account.
   */
  private static final Map<String, Glob> GLOBS = new ConcurrentHashMap<>();

  public Match {
    if (id == null && iamId == null && name == null && type == null) {
      throw new IllegalArgumentException("a match needs at least one of id, iamId, name, type");
    }
  }

  public boolean matches(Entity entity) {
    return (id == null || id.equals(entity.id()))
        && (iamId == null || iamId.equals(entity.iamId()))
        && (type == null || type == entity.type())
        && (name == null
            || (entity.name() != null
                && GLOBS.computeIfAbsent(name, Glob::new).matches(entity.name())));
  }

  /** "id=ApiKey-1, type=apikey": how messages and reports name the entry. */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ");
    if (id != null) {
      joiner.add("id=" + id);
    }
    if (iamId != null) {
      joiner.add("iamId=" + iamId);
    }
    if (name != null) {
      joiner.add("name=" + name);
    }
    if (type != null) {
      joiner.add("type=" + type.id());
    }
    return joiner.toString();
  }
}
