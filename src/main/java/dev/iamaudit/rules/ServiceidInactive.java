package dev.iamaudit.rules;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** A service ID that has not authenticated for more than {@code maxDays}. */
public final class ServiceidInactive implements Rule {
  private static final RuleSpec SPEC =
      new RuleSpec("serviceid-inactive", Severity.MEDIUM, true, Map.of("maxDays", 90L));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Service ID not used recently";
  }

  @Override
  public String description() {
    return "A service ID none of whose keys authenticated for more than maxDays days usually belongs to "
        + "automation that no longer runs, but its access policies remain.";
  }

  @Override
  public String remedy() {
    return "Lock the service ID (ibmcloud iam service-id-lock), and delete it once nothing breaks "
        + "(ibmcloud iam service-id-delete).";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.REPORT, DataSet.SERVICE_IDS);
  }

  @Override
  public Stream<Entity> scope(Inventory inventory) {
    return inventory.serviceIds().stream().map(ServiceId::entity);
  }

  @Override
  public OptionalLong inactivityThresholdDays(RuleConfig config) {
    return OptionalLong.of(config.param("maxDays"));
  }

  @Override
  public RuleOutcome evaluate(Inventory inventory, RuleConfig config) {
    long maxDays = config.param("maxDays");
    List<Violation> violations = new ArrayList<>();
    for (ServiceId serviceId : inventory.serviceIds()) {
      if (Inactivity.isOver(serviceId.activity(), serviceId.createdAt(), inventory.asOf(), maxDays)) {
        Entity entity = serviceId.entity();
        Instant asOf = inventory.asOf();
        violations.add(new Violation(entity, out -> {
          Inactivity.seen(entity.describeTo(out).append(' '), serviceId.activity(), serviceId.createdAt(), asOf,
              maxDays, "authenticated");
          out.append(". Fix: lock it with 'ibmcloud iam service-id-lock ").append(serviceId.id())
              .append("', then delete it with 'ibmcloud iam service-id-delete ").append(serviceId.id()).append("', ");
          Remedies.allowlist(out, entity, id()).append('.');
        }));
      }
    }
    return RuleOutcome.of(violations);
  }
}
