package dev.iamaudit.rules;

import dev.iamaudit.inventory.Activity;
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

/** An API key that never authenticated and was created more than {@code graceDays} ago. */
public final class ApikeyNeverUsed extends IdentityRule<ApiKey> {
  private static final RuleSpec SPEC =
      new RuleSpec("apikey-never-used", Severity.HIGH, true, Map.of("graceDays", 30L));

  public ApikeyNeverUsed() {
    super(ApiKey.class);
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key never used";
  }

  @Override
  public String description() {
    return "An API key that never authenticated since it was created more than graceDays days ago"
        + " was most likely forgotten, yet it still grants its owner's access to whoever"
        + " holds it. Without a creation date (a saved report alone has none) the key counts"
        + " as past its grace period. "
        + ApikeyInactive.LEFT_ALONE;
  }

  @Override
  public String remedy() {
    return "Delete the key, or add an allowlist entry with a reason and an expiry date.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.REPORT, DataSet.API_KEYS);
  }

  @Override
  protected String note(RuleContext context) {
    return context.has(DataSet.API_KEYS)
        ? null
        : "creation dates unknown without the API key listing: every "
            + "never-used key counts as past the grace period";
  }

  @Override
  protected boolean applies(ApiKey key, RuleContext context) {
    return key.canAuthenticate(context.asOf());
  }

  @Override
  protected void judge(
      ApiKey key, RuleContext context, RuleConfig config, Consumer<Violation> out) {
    long graceDays = config.param("graceDays");
    Instant asOf = context.asOf();
    if (key.activity().kind() != Activity.Kind.NEVER
        || (key.createdAt() != null && Ages.days(key.createdAt(), asOf) <= graceDays)) {
      return;
    }
    Entity entity = key.entity();
    out.accept(
        new Violation(
            entity,
            text -> {
              Message message = Message.to(text).identity(entity).owner(key);
              if (key.createdAt() == null) {
                message.text(
                    " never authenticated and its creation date is unknown, so it counts as past"
                        + " the grace period (fail closed)");
              } else {
                message.text(" never authenticated; created ").ago(key.createdAt(), asOf);
              }
              message
                  .text("; grace period ")
                  .days(graceDays)
                  .text(". Fix: delete it with ")
                  .deleteKey(key)
                  .text(", ")
                  .allowlist(entity, id())
                  .text('.');
            }));
  }
}
