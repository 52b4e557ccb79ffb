package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** An API key older than {@code maxDays}: due for rotation. */
public final class ApikeyTooOld extends IdentityRule<ApiKey> {
  private static final RuleSpec SPEC =
      new RuleSpec("apikey-too-old", Severity.MEDIUM, true, Map.of("maxDays", 365L));

  public ApikeyTooOld() {
    super(ApiKey.class);
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key not rotated";
  }

  @Override
  public String description() {
    return "An API key created more than maxDays days ago has had that long to leak. Rotating keys"
        + " limits the damage of an unnoticed leak (FS Cloud IA-5: 365 days for"
        + " system-to-system authenticators). "
        + ApikeyInactive.LEFT_ALONE;
  }

  @Override
  public String remedy() {
    return "Create a new key, move its users to it, then delete the old key.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.API_KEYS);
  }

  @Override
  protected String missing(RuleContext context) {
    return context.lacking(DataSet.API_KEYS);
  }

  @Override
  protected boolean applies(ApiKey key, RuleContext context) {
    return key.canAuthenticate(context.asOf());
  }

  @Override
  protected void judge(
      ApiKey key, RuleContext context, RuleConfig config, Consumer<Violation> out) {
    long maxDays = config.param("maxDays");
    Instant asOf = context.asOf();
    if (key.createdAt() != null && Ages.days(key.createdAt(), asOf) > maxDays) {
      Entity entity = key.entity();
      out.accept(
          new Violation(
              entity,
              text ->
                  Message.to(text)
                      .identity(entity)
                      .owner(key)
                      .text(" was created ")
                      .ago(key.createdAt(), asOf)
                      .text("; keys older than ")
                      .days(maxDays)
                      .text(
                          " must be rotated. Fix: create a new key, move its users to it, then"
                              + " delete this one with ")
                      .deleteKey(key)
                      .text(", ")
                      .allowlist(entity, id())
                      .text('.')));
    }
  }
}
