package dev.iamaudit.iam;

import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.source.DataRequest;
import dev.iamaudit.source.Source;
import java.time.Clock;

/** SKELETON: replaced by the IAM client work (issue 3). */
public final class IamSource implements Source {
  public IamSource(IamSettings settings, Clock clock, Sleeper sleeper) {}

  @Override
  public Inventory load(String accountId, DataRequest request, AuditListener listener) {
    throw new UnsupportedOperationException("live pull not built yet");
  }
}
