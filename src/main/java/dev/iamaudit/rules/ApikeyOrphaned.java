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

/** A user API key whose owner is not a member of the account. */
public final class ApikeyOrphaned extends IdentityRule<ApiKey> {
  private static final RuleSpec SPEC =
      new RuleSpec("apikey-orphaned", Severity.HIGH, true, Map.of());

  public ApikeyOrphaned() {
    super(ApiKey.class);
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key of a user who left the account";
  }

  @Override
  public String description() {
    return "IBM Cloud deletes a removed user's API keys, so a user API key whose owner is no longer"
        + " a member of the account should not exist; if it does, nobody in the account"
        + " answers for it.";
  }

  @Override
  public String remedy() {
    return "Delete the key (console: Manage > Access (IAM) > API keys, view all user API keys).";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.API_KEYS, DataSet.USERS);
  }

  @Override
  protected String missing(RuleContext context) {
    return context.lacking(DataSet.API_KEYS, DataSet.USERS);
  }

  @Override
  protected boolean applies(ApiKey key, RuleContext context) {
    return key.ownedByUser();
  }

  @Override
  protected void judge(
      ApiKey key, RuleContext context, RuleConfig config, Consumer<Violation> out) {
    if (key.iamId() == null || context.members().contains(key.iamId())) {
      return;
    }
    Entity entity = key.entity();
    String account = context.accountId();
    out.accept(
        new Violation(
            entity,
            text ->
                Message.to(text)
                    .identity(entity)
                    .text(" belongs to ")
                    .text(key.iamId())
                    .text(", who is not a member of account ")
                    .text(account)
                    .text(". Fix: delete it with ")
                    .deleteKey(key)
                    .text(" (console: Manage > Access (IAM) > API keys, view all user API keys), ")
                    .allowlist(entity, id())
                    .text('.')));
  }
}
