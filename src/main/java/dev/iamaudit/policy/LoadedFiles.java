package dev.iamaudit.policy;

import dev.iamaudit.Counted;

/**
 * What a run says about the policy and the allowlist it read, one line each, so a run from the
 * wrong directory shows at once that it found neither and judged every identity without the
 * exceptions.
 */
public final class LoadedFiles {
  private LoadedFiles() {}

  /** "Policy: iam-audit.yml (preset cis, 9 rules differ from the defaults)". */
  public static String policy(Policy policy, Policy defaults) {
    long changed =
        policy.rules().values().stream()
            .filter(rule -> changed(rule, defaults.rule(rule.ruleId())))
            .count();
    return "Policy: "
        + policy.file()
        + " ("
        + (policy.preset() == null ? "" : "preset " + policy.preset().id() + ", ")
        + (changed == 0
            ? "every rule at its default"
            : Counted.of(changed, "rule differs", "rules differ") + " from the defaults")
        + ")";
  }

  /**
   * @param lookedAt where the policy would have been
   */
  public static String noPolicy(String lookedAt) {
    return "Policy: none found at " + lookedAt + ", using the defaults";
  }

  /** "Allowlist: iam-allowlist.yml (4 entries)". */
  public static String allowlist(Allowlist allowlist) {
    return "Allowlist: "
        + allowlist.file()
        + " ("
        + Counted.of(allowlist.entries().size(), "entry", "entries")
        + ")";
  }

  /**
   * @param lookedAt where the allowlist would have been
   */
  public static String noAllowlist(String lookedAt) {
    return "Allowlist: none found at " + lookedAt + ", no exceptions";
  }

  private static boolean changed(RuleConfig rule, RuleConfig defaults) {
    return rule.enabled() != defaults.enabled()
        || rule.severity() != defaults.severity()
        || !rule.params().equals(defaults.params());
  }
}
