package dev.iamaudit.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The thresholds of {@code iam-audit.yml} merged over the defaults.
 *
 * @param account the account to audit, or null for the token's account
 * @param file the policy file as the user named it, or null when none was read
 * @param rules every known rule's effective settings, keyed by rule id
 * @param preset the benchmark the policy starts from, or null for none
 */
public record Policy(
    String account,
    FailOn failOn,
    int maxReportAgeHours,
    int allowlistMaxDays,
    Map<String, RuleConfig> rules,
    String file,
    Preset preset) {

  public static final int DEFAULT_MAX_REPORT_AGE_HOURS = 24;
  public static final int DEFAULT_ALLOWLIST_MAX_DAYS = 365;

  public Policy {
    Objects.requireNonNull(failOn, "failOn");
    if (maxReportAgeHours < 1) {
      throw new IllegalArgumentException("maxReportAgeHours must be at least 1");
    }
    if (allowlistMaxDays < 1) {
      throw new IllegalArgumentException("allowlistMaxDays must be at least 1");
    }
    rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
  }

  /** A policy that starts from no preset. */
  public Policy(
      String account,
      FailOn failOn,
      int maxReportAgeHours,
      int allowlistMaxDays,
      Map<String, RuleConfig> rules,
      String file) {
    this(account, failOn, maxReportAgeHours, allowlistMaxDays, rules, file, null);
  }

  /** The policy used when the repo has no {@code iam-audit.yml}. */
  public static Policy defaults(Collection<RuleSpec> specs) {
    Map<String, RuleConfig> rules = new LinkedHashMap<>();
    specs.forEach(spec -> rules.put(spec.id(), spec.defaults()));
    return new Policy(
        null,
        FailOn.DEFAULT,
        DEFAULT_MAX_REPORT_AGE_HOURS,
        DEFAULT_ALLOWLIST_MAX_DAYS,
        rules,
        null);
  }

  public RuleConfig rule(String id) {
    RuleConfig config = rules.get(id);
    if (config == null) {
      throw new IllegalArgumentException("unknown rule " + id);
    }
    return config;
  }

  public Policy withFailOn(FailOn newFailOn) {
    return new Policy(account, newFailOn, maxReportAgeHours, allowlistMaxDays, rules, file, preset);
  }

  /** This policy with one rule's settings replaced. */
  public Policy withRule(RuleConfig config) {
    Map<String, RuleConfig> changed = new LinkedHashMap<>(rules);
    changed.put(rule(config.ruleId()).ruleId(), config);
    return new Policy(account, failOn, maxReportAgeHours, allowlistMaxDays, changed, file, preset);
  }
}
