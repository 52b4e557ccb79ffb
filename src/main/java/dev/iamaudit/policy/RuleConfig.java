package dev.iamaudit.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rule's effective settings after the policy file was applied to the defaults.
 *
 * @param position where the policy file configures this rule, or null when it keeps its defaults
 */
public record RuleConfig(
    String ruleId,
    boolean enabled,
    Severity severity,
    Map<String, Long> params,
    FilePosition position) {
  public RuleConfig {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A parameter the rule's spec declares; every declared parameter has a value. */
  public long param(String name) {
    Long value = params.get(name);
    if (value == null) {
      throw new IllegalArgumentException("rule " + ruleId + " has no parameter " + name);
    }
    return value;
  }
}
