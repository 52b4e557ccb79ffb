package dev.iamaudit.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark's settings as the starting point of a policy ({@code preset: cis}): the rules it
 * requires are enabled and given its thresholds, and the policy's own {@code rules:} override them.
 * Each setting comes from an item of the named text; the README lists which.
 */
public enum Preset {
  /** CIS IBM Cloud Foundations Benchmark v1.1.0, section 1. */
  CIS(
      "cis",
      List.of(
          enable("apikey-inactive", "maxDays", 180), // 1.2: API keys unused for 180 days
          enable("apikey-never-used", "graceDays", 180), // 1.2
          enable("apikey-too-old", "maxDays", 90), // 1.3: rotated every 90 days
          enable("account-apikey-creation-unrestricted"), // 1.4
          enable("account-serviceid-creation-unrestricted"), // 1.4
          enable("account-mfa-disabled"), // 1.7, 1.9
          enable("user-mfa-exempt"), // 1.7
          enable("user-mfa-not-enrolled"), // 1.7
          enable("user-inactive"))), // 1.17 names no number of days
  /** IBM Cloud Framework for Financial Services v2.0, and the checks of IBM's profile for it. */
  FS_CLOUD(
      "fs-cloud",
      List.of(
          enable(
              "apikey-too-old",
              "maxDays",
              365), // IA-5(f): 365 days for system-to-system authenticators
          enable("user-inactive", "maxDays", 90), // AC-2(3)(d): inactive for 90 days
          enable("account-apikey-creation-unrestricted"), // AC-2, AC-3, AC-5, AC-6
          enable("account-serviceid-creation-unrestricted"), // AC-3, AC-6
          enable("account-mfa-disabled"), // IA-2(1), IA-2(2)
          enable("user-mfa-exempt"), // IA-2(1), IA-2(2)
          enable("user-mfa-not-enrolled"), // IA-2(1), IA-2(2)
          enable("account-user-list-visible"), // AC-3, AC-6
          enable(
              "account-ip-allowlist-unset"))); // SC-7(5): authorized IP ranges configured for the
  // account

  private final String id;
  private final Map<String, Map<String, Long>> rules;

  Preset(String id, List<Map.Entry<String, Map<String, Long>>> rules) {
    this.id = id;
    Map<String, Map<String, Long>> byRule = new LinkedHashMap<>();
    rules.forEach(rule -> byRule.put(rule.getKey(), rule.getValue()));
    this.rules = Collections.unmodifiableMap(byRule);
  }

  public String id() {
    return id;
  }

  /**
   * The rules the preset enables, each with the parameters it sets (possibly none), in the README's
   * order.
   */
  public Map<String, Map<String, Long>> rules() {
    return rules;
  }

  public static List<String> allIds() {
    return Arrays.stream(values()).map(Preset::id).toList();
  }

  /** The preset called {@code id}, or null when there is none. */
  static Preset byId(String id) {
    return Arrays.stream(values()).filter(preset -> preset.id.equals(id)).findFirst().orElse(null);
  }

  /**
   * Applies the preset over {@code rules} (the defaults), for the rules {@code specs} knows: a
   * preset may name rules this version does not have.
   *
   * @param at where the policy names the preset: findings of a rule it set point there
   */
  void apply(Map<String, RuleConfig> rules, Map<String, RuleSpec> specs, FilePosition at) {
    this.rules.forEach(
        (ruleId, params) -> {
          RuleSpec spec = specs.get(ruleId);
          if (spec == null) {
            return;
          }
          Map<String, Long> merged = new LinkedHashMap<>(rules.get(ruleId).params());
          params.forEach(
              (name, value) -> {
                if (!spec.params().containsKey(name)) {
                  throw new IllegalStateException(
                      "preset "
                          + id
                          + " sets "
                          + name
                          + ", which rule "
                          + ruleId
                          + " does not declare");
                }
                merged.put(name, value);
              });
          rules.put(ruleId, new RuleConfig(ruleId, true, rules.get(ruleId).severity(), merged, at));
        });
  }

  private static Map.Entry<String, Map<String, Long>> enable(String ruleId) {
    return Map.entry(ruleId, Map.of());
  }

  private static Map.Entry<String, Map<String, Long>> enable(
      String ruleId, String param, long value) {
    return Map.entry(ruleId, Map.of(param, value));
  }
}
