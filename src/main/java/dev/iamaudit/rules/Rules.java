package dev.iamaudit.rules;

import dev.iamaudit.policy.RuleSpec;
import java.util.List;
import java.util.stream.Stream;

/** The catalog: every rule, in the order of the design's table. */
public final class Rules {
  private static final List<Rule> IDENTITY_RULES = List.of(
      new ApikeyInactive(),
      new ApikeyNeverUsed(),
      new ApikeyTooOld(),
      new ApikeyOrphaned(),
      new ApikeyLeakActionNone(),
      new ApikeyHighUsage(),
      new UserMultipleApikeys(),
      new UserInactive(),
      new ServiceidInactive(),
      new ProfileInactive(),
      new AccountApikeyCreationUnrestricted(),
      new AccountServiceidCreationUnrestricted(),
      new AccountMfaDisabled(),
      new AccountSettingsDrift(),
      new IdentityUnmanaged());

  public static final AllowlistExpired ALLOWLIST_EXPIRED = new AllowlistExpired();
  public static final AllowlistUnused ALLOWLIST_UNUSED = new AllowlistUnused();

  private Rules() {}

  /** The rules that judge the account's identities and settings. */
  public static List<Rule> identityRules() {
    return IDENTITY_RULES;
  }

  /** Every rule, the allowlist's own last. */
  public static List<RuleDescriptor> all() {
    return Stream.concat(IDENTITY_RULES.stream(), Stream.of(ALLOWLIST_EXPIRED, ALLOWLIST_UNUSED)).toList();
  }

  public static List<RuleSpec> specs() {
    return all().stream().map(RuleDescriptor::spec).toList();
  }

  public static RuleDescriptor byId(String id) {
    return all().stream().filter(rule -> rule.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown rule " + id));
  }
}
