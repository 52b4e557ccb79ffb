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

/** An API key without {@code expires_at}: it works until someone deletes it. Off by default. */
public final class ApikeyNoExpiry extends IdentityRule<ApiKey> {
  private static final RuleSpec SPEC =
      new RuleSpec("apikey-no-expiry", Severity.LOW, false, Map.of());

  public ApikeyNoExpiry() {
    super(ApiKey.class);
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key never expires";
  }

  @Override
  public String description() {
    return "IBM Cloud API keys may carry an expiry date after which IAM refuses them. A key without"
        + " one stays valid until someone remembers to delete it. Most accounts have many"
        + " such keys, so the rule is off unless the policy enables it; keys that are"
        + " disabled are left alone.";
  }

  @Override
  public String remedy() {
    return "Give the key an expiry date (IAM Identity API: update the key with expires_at), or"
        + " replace it with one created with an expiry.";
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
    if (key.expiresAt() == null) {
      Entity entity = key.entity();
      out.accept(
          new Violation(
              entity,
              text ->
                  Message.to(text)
                      .identity(entity)
                      .owner(key)
                      .text(
                          " has no expiry date (expires_at). Fix: give it one (IAM Identity API:"
                              + " PUT /v1/apikeys/")
                      .text(key.id())
                      .text(" with expires_at) or replace it with a key created with an expiry, ")
                      .allowlist(entity, id())
                      .text('.')));
    }
  }
}
