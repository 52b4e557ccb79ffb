package dev.iamaudit.rules;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** A service ID that has not authenticated for more than {@code maxDays}. */
public final class ServiceidInactive extends InactivityRule<ServiceId> {
  private static final RuleSpec SPEC =
      new RuleSpec("serviceid-inactive", Severity.MEDIUM, true, Map.of("maxDays", 90L));

  public ServiceidInactive() {
    super(ServiceId.class, "authenticated");
  }

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
    return "A service ID none of whose keys authenticated for more than maxDays days usually"
        + " belongs to automation that no longer runs, but its access policies remain.";
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
  Instant since(ServiceId serviceId) {
    return serviceId.createdAt();
  }

  @Override
  Message fix(Message message, ServiceId serviceId) {
    return message
        .text("lock it with 'ibmcloud iam service-id-lock ")
        .text(serviceId.id())
        .text("', then delete it with 'ibmcloud iam service-id-delete ")
        .text(serviceId.id())
        .text("', ");
  }
}
