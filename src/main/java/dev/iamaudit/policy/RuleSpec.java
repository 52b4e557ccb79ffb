package dev.iamaudit.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the policy may say about one rule: its id, defaults and numeric parameters (days, counts)
 * with their defaults. The rules provide these; the policy loader validates the file against them.
 */
public record RuleSpec(
    String id, Severity defaultSeverity, boolean enabledByDefault, Map<String, Long> params) {
  public RuleSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public RuleConfig defaults() {
    return new RuleConfig(id, enabledByDefault, defaultSeverity, params, null);
  }
}
