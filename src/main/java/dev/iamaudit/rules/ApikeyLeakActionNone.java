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

/** An API key whose {@code action_when_leaked} is {@code none}. */
public final class ApikeyLeakActionNone extends IdentityRule<ApiKey> {
  private static final RuleSpec SPEC =
      new RuleSpec("apikey-leak-action-none", Severity.LOW, true, Map.of());

  public ApikeyLeakActionNone() {
    super(ApiKey.class);
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key stays valid when leaked";
  }

  @Override
  public String description() {
    return "When IBM Cloud detects a leaked API key it disables or deletes it, unless the key's "
        + "action_when_leaked is none: then a leaked key keeps working. "
        + ApikeyInactive.LEFT_ALONE;
  }

  @Override
  public String remedy() {
    return "Set the key's leaked action to disable or delete (console: Manage > Access (IAM) > API"
        + " keys > Edit).";
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
    if ("none".equalsIgnoreCase(key.actionWhenLeaked())) {
      Entity entity = key.entity();
      out.accept(
          new Violation(
              entity,
              text ->
                  Message.to(text)
                      .identity(entity)
                      .owner(key)
                      .text(
                          " keeps working if it leaks (action_when_leaked: none). Fix: set its"
                              + " leaked action to disable or delete (console: Manage > Access"
                              + " (IAM) > API keys > Edit), ")
                      .allowlist(entity, id())
                      .text('.')));
    }
  }
}
