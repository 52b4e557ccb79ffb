package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An API key that authenticated more than {@code maxAuthnCount} times. Off by default: one call per
 * key.
 */
public final class ApikeyHighUsage extends IdentityRule<ApiKey> {
  private static final RuleSpec SPEC =
      new RuleSpec("apikey-high-usage", Severity.MEDIUM, false, Map.of("maxAuthnCount", 10000L));

  public ApikeyHighUsage() {
    super(ApiKey.class);
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key used unusually often";
  }

  @Override
  public String description() {
    return "An authentication count above maxAuthnCount can mean a key is shared by many systems or"
        + " abused. Needs one activity call per key, so the rule is off unless the policy"
        + " enables it. "
        + ApikeyInactive.LEFT_ALONE;
  }

  @Override
  public String remedy() {
    return "Find out who uses the key; give each consumer its own service ID and key.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.API_KEYS, DataSet.KEY_ACTIVITY);
  }

  @Override
  protected String missing(RuleContext context) {
    return context.lacking(DataSet.KEY_ACTIVITY);
  }

  @Override
  protected boolean applies(ApiKey key, RuleContext context) {
    return key.canAuthenticate(context.asOf());
  }

  @Override
  protected void judge(
      ApiKey key, RuleContext context, RuleConfig config, Consumer<Violation> out) {
    long max = config.param("maxAuthnCount");
    if (key.authnCount() != null && key.authnCount() > max) {
      Entity entity = key.entity();
      out.accept(
          new Violation(
              entity,
              text ->
                  Message.to(text)
                      .identity(entity)
                      .owner(key)
                      .text(" authenticated ")
                      .number(key.authnCount())
                      .text(" times; threshold ")
                      .number(max)
                      .text(
                          ". Fix: find out who uses it and give each consumer its own service ID"
                              + " and key, ")
                      .allowlist(entity, id())
                      .text('.')));
    }
  }
}
