package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An API key that has not authenticated for more than {@code maxDays}. Never-used keys are
 * apikey-never-used's.
 */
public final class ApikeyInactive extends InactivityRule<ApiKey> {
  private static final RuleSpec SPEC =
      new RuleSpec("apikey-inactive", Severity.HIGH, true, Map.of("maxDays", 90L));

  /**
   * How the rules about keys in use say, in their descriptions, that keys IBM no longer accepts are
   * not theirs.
   */
  static final String LEFT_ALONE =
      "Keys that cannot authenticate (disabled, or past their expires_at) are left " + "alone.";

  public ApikeyInactive() {
    super(ApiKey.class, "authenticated");
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "API key not used recently";
  }

  @Override
  public String description() {
    return "An API key that has not authenticated for more than maxDays days is a standing"
        + " credential nobody watches. Judged from the activity report's last_authn; keys"
        + " that never authenticated are reported by apikey-never-used instead. "
        + LEFT_ALONE;
  }

  @Override
  public String remedy() {
    return "Delete the key (ibmcloud iam api-key-delete, or service-api-key-delete for a service"
        + " ID's key) or, if it is kept on purpose, add an allowlist entry with a reason and"
        + " an expiry date.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.REPORT);
  }

  @Override
  protected boolean applies(ApiKey key, RuleContext context) {
    return key.canAuthenticate(context.asOf());
  }

  @Override
  Instant since(ApiKey key) {
    return key.createdAt();
  }

  @Override
  boolean judgesNever() {
    return false;
  }

  @Override
  Message describe(Message message, ApiKey key) {
    return message.identity(key.entity()).owner(key);
  }

  @Override
  Message fix(Message message, ApiKey key) {
    return message.text("delete it with ").deleteKey(key).text(", ");
  }
}
