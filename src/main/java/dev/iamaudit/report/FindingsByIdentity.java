package dev.iamaudit.report;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's findings by the identity they are about, for a writer that lists identities rather than findings.
 * Keyed by kind and id, the Strings the findings already hold, so that neither building this nor looking up each
 * identity of a large account makes a key of its own. Findings are taken once: an identity listed twice gets them
 * on its first row.
 */
final class FindingsByIdentity {
  private final Map<IdentityType, Map<String, List<Finding>>> byType = new EnumMap<>(IdentityType.class);

  FindingsByIdentity(List<Finding> findings) {
    for (Finding finding : findings) {
      Entity entity = finding.entity();
      byType.computeIfAbsent(entity.type(), type -> new HashMap<>())
          .computeIfAbsent(key(entity), key -> new ArrayList<>(2))
          .add(finding);
    }
  }

  /** The findings about {@code entity}, in the report's order; null when there are none or they were taken. */
  List<Finding> take(Entity entity) {
    Map<String, List<Finding>> ofType = byType.get(entity.type());
    return ofType == null ? null : ofType.remove(key(entity));
  }

  /** Every finding about the account belongs to its one row, whatever id it names. */
  private static String key(Entity entity) {
    return entity.type() == IdentityType.ACCOUNT ? "" : entity.id();
  }
}
