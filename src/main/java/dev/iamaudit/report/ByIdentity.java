package dev.iamaudit.report;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Values keyed by an identity's type and id. A map per type keyed by the id String the inventory already holds (its
 * hash computed once) costs nothing per lookup, where a key String per identity cost a String and a hash each time.
 */
final class ByIdentity<V> {
  private final Map<IdentityType, Map<String, V>> byType = new EnumMap<>(IdentityType.class);

  V get(Entity entity) {
    Map<String, V> ids = byType.get(entity.type());
    return ids == null ? null : ids.get(entity.id());
  }

  /** @return the value held for the identity before, or null */
  V put(Entity entity, V value) {
    return byType.computeIfAbsent(entity.type(), type -> new HashMap<>()).put(entity.id(), value);
  }

  /** @return the value already held for the identity, or null if {@code value} was put */
  V putIfAbsent(Entity entity, V value) {
    return byType.computeIfAbsent(entity.type(), type -> new HashMap<>()).putIfAbsent(entity.id(), value);
  }
}
