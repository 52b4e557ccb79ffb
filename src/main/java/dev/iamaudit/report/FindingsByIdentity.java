package dev.iamaudit.report;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import java.util.Arrays;
import java.util.List;

/**
 * A report's findings by the identity they are about, for a writer that lists identities rather than findings.
 * Findings are taken once: an identity listed twice gets them on its first row.
 *
 * <p>The findings are found through one sorted array of (identity hash, finding index) pairs. A map of a list per
 * identity took some 80 bytes for each: most of what the CSV of a large account allocated.
 */
final class FindingsByIdentity {
  private final List<Finding> findings;
  /** Per finding, its identity's hash in the high half and its index in the low half; so sorted by hash, then index. */
  private final long[] keys;
  private final boolean[] taken;

  FindingsByIdentity(List<Finding> findings) {
    this.findings = findings;
    keys = new long[findings.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = (long) hash(findings.get(i).entity()) << 32 | i;
    }
    Arrays.sort(keys);
    taken = new boolean[keys.length];
  }

  /**
   * Moves the findings about {@code entity} that are not yet taken into {@code found}, emptied first, in the
   * report's order.
   *
   * @return whether there were any
   */
  boolean take(Entity entity, List<Finding> found) {
    found.clear();
    int hash = hash(entity);
    int at = Arrays.binarySearch(keys, (long) hash << 32);
    for (at = at < 0 ? -at - 1 : at; at < keys.length && (int) (keys[at] >> 32) == hash; at++) {
      int index = (int) keys[at];
      if (!taken[index] && sameIdentity(findings.get(index).entity(), entity)) {
        taken[index] = true;
        found.add(findings.get(index));
      }
    }
    return !found.isEmpty();
  }

  private static int hash(Entity entity) {
    return 31 * entity.type().ordinal() + key(entity).hashCode();
  }

  private static boolean sameIdentity(Entity a, Entity b) {
    return a.type() == b.type() && key(a).equals(key(b));
  }

  /** Every finding about the account belongs to its one row, whatever id it names. */
  private static String key(Entity entity) {
    return entity.type() == IdentityType.ACCOUNT ? "" : entity.id();
  }
}
