package dev.iamaudit.rules;

import dev.iamaudit.policy.RuleSpec;
import java.util.List;

/** The catalog: every rule, in the order of the design's table. */
public final class Rules {
  public static final AllowlistExpired ALLOWLIST_EXPIRED = new AllowlistExpired();
  public static final AllowlistUnused ALLOWLIST_UNUSED = new AllowlistUnused();

  private static final List<RuleDescriptor> ALL =
      List.of(
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
          ALLOWLIST_EXPIRED,
          ALLOWLIST_UNUSED,
          new ApikeyNoExpiry(),
          new UserMfaExempt(),
          new UserMfaNotEnrolled(),
          new UserInvitationStale(),
          new AccountUserListVisible(),
          new AccountIpAllowlistUnset(),
          new AccountSettingsDrift(),
          new IdentityUnmanaged());

  /**
   * The allowlist's own rules judge the allowlist, not the account: the engine runs them itself.
   */
  private static final List<Rule> IDENTITY_RULES =
      ALL.stream().filter(Rule.class::isInstance).map(Rule.class::cast).toList();

  private Rules() {}

  /** The rules that judge the account's identities and settings. */
  public static List<Rule> identityRules() {
    return IDENTITY_RULES;
  }

  /** Every rule. */
  public static List<RuleDescriptor> all() {
    return ALL;
  }

  public static List<RuleSpec> specs() {
    return all().stream().map(RuleDescriptor::spec).toList();
  }

  public static RuleDescriptor byId(String id) {
    return all().stream()
        .filter(rule -> rule.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown rule " + id));
  }
}
